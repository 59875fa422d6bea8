package io.harbormaster.aws.ecs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceStoppedTasks;
import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.environment.EnvironmentSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A service's stopped tasks: ListTasks (serviceName, desiredStatus STOPPED) through its paginator, then DescribeTasks
 * in batches of 100 (its limit), each call paced on the cluster-resource read bucket.
 */
public final class EcsStoppedTasks implements ServiceStoppedTasks {

    /** DescribeTasks takes at most 100 tasks per call. */
    static final int DESCRIBE_BATCH = 100;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final EcsDeploys deploys;

    /** @param deploys shares its pacers, so these reads draw on the same buckets per account and Region */
    public EcsStoppedTasks(AwsSessions sessions, AwsClientFactory clients, EcsDeploys deploys) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.deploys = Objects.requireNonNull(deploys, "deploys");
    }

    @Override
    public List<StoppedTask> stoppedTasks(EnvironmentSession session, ServiceRef service) {
        try {
            EcsClient ecs = clients.ecs(sessions.context(session));
            CallPacer pacer = deploys.pacer(session);
            List<String> arns = new ArrayList<>();
            pacer.take(ThrottleBucket.CLUSTER_RESOURCE_READ, false);
            ecs.listTasksPaginator(r -> r.cluster(service.cluster()).serviceName(service.serviceName())
                    .desiredStatus(DesiredStatus.STOPPED).maxResults(100)).taskArns().forEach(arns::add);
            List<Task> tasks = new ArrayList<>();
            for (int from = 0; from < arns.size(); from += DESCRIBE_BATCH) {
                List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_BATCH));
                pacer.take(ThrottleBucket.CLUSTER_RESOURCE_READ, false);
                tasks.addAll(ecs.describeTasks(r -> r.cluster(service.cluster()).tasks(batch)).tasks());
            }
            return tasks.stream()
                    .sorted(Comparator.comparing(Task::stoppedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .map(EcsStoppedTasks::stopped).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the stopped tasks of " + service.serviceName() + " in "
                    + EcsDeploys.where(session));
        }
    }

    /** A described stopped task as the model sees it. */
    static StoppedTask stopped(Task t) {
        List<String> reasons = new ArrayList<>();
        t.containers().forEach(c -> {
            String why = (c.exitCode() == null ? "" : "exit " + c.exitCode())
                    + (c.reason() == null || c.reason().isBlank() ? "" : (c.exitCode() == null ? "" : ", ")
                    + c.reason());
            if (!why.isEmpty()) {
                reasons.add(c.name() + ": " + why);
            }
        });
        return new StoppedTask(t.taskArn(), t.taskDefinitionArn(), t.stopCodeAsString(), t.stoppedReason(),
                t.stoppedAt(), reasons);
    }
}
