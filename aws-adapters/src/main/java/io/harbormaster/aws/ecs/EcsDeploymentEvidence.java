package io.harbormaster.aws.ecs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.deploy.AlarmReading;
import io.harbormaster.model.deploy.DeploymentEvidence;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceState;
import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.deploy.TargetGroupHealth;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.ServiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * What a deployment follower reads besides the deployment: DescribeServices (counts, current deployment, events),
 * ELBv2 DescribeTargetHealth per target group (primary and alternate), ListTasks/DescribeTasks of stopped tasks
 * (their stop reasons are the evidence of a failure), CloudWatch DescribeAlarms for the deployment's alarms.
 */
public final class EcsDeploymentEvidence implements DeploymentEvidence {

    /** Events a look carries; ECS keeps 100, the live view shows the latest few. */
    static final int EVENTS = 20;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final EcsDeploys deploys;
    private final EcsStoppedTasks stopped;

    /** @param deploys shares its pacers, so both draw on the same buckets per account and Region */
    public EcsDeploymentEvidence(AwsSessions sessions, AwsClientFactory clients, EcsDeploys deploys) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.deploys = Objects.requireNonNull(deploys, "deploys");
        this.stopped = new EcsStoppedTasks(sessions, clients, deploys);
    }

    @Override
    public ServiceState serviceState(EnvironmentSession session, ServiceRef service) {
        try {
            deploys.pacer(session).take(ThrottleBucket.SERVICE_READ, false);
            List<Service> found = ecs(session).describeServices(r -> r.cluster(service.cluster())
                    .services(service.service())).services();
            if (found.isEmpty()) {
                throw new OperatorException(new Problem(Problem.Kind.NOT_FOUND, "Service not found",
                        "There is no service " + service.serviceName() + " in " + EcsDeploys.where(session),
                        "Refresh: it may have been deleted.", ""));
            }
            Service s = found.get(0);
            Set<String> groups = new LinkedHashSet<>();
            s.loadBalancers().forEach(lb -> {
                if (lb.targetGroupArn() != null) {
                    groups.add(lb.targetGroupArn());
                }
                if (lb.advancedConfiguration() != null && lb.advancedConfiguration().alternateTargetGroupArn()
                        != null) {
                    groups.add(lb.advancedConfiguration().alternateTargetGroupArn());
                }
            });
            List<ServiceEvent> events = s.events().stream().limit(EVENTS)
                    .map(e -> new ServiceEvent(e.id(), e.createdAt(), e.message())).toList();
            return new ServiceState(s.serviceArn(), nz(s.desiredCount()), nz(s.runningCount()),
                    nz(s.pendingCount()), s.currentServiceDeployment(), List.copyOf(groups), events);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading " + service.serviceName() + " in " + EcsDeploys.where(session));
        }
    }

    @Override
    public List<TargetGroupHealth> targetHealth(EnvironmentSession session, List<String> targetGroupArns) {
        List<TargetGroupHealth> out = new ArrayList<>();
        try {
            var elb = clients.elbv2(sessions.context(session));
            for (String arn : targetGroupArns) {
                deploys.pacer(session).take(ThrottleBucket.ELBV2_DESCRIBE, false);
                var targets = elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions();
                int healthy = (int) targets.stream().filter(t -> t.targetHealth() != null
                        && "healthy".equals(t.targetHealth().stateAsString())).count();
                out.add(new TargetGroupHealth(arn, healthy, targets.size()));
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading target health in " + EcsDeploys.where(session));
        }
    }

    /** The service's stopped tasks ({@link EcsStoppedTasks}) that stopped since the deployment started. */
    @Override
    public List<StoppedTask> stoppedTasks(EnvironmentSession session, ServiceRef service, Instant since) {
        return stopped.stoppedTasks(session, service).stream()
                .filter(t -> t.stoppedAt() == null || !t.stoppedAt().isBefore(since)).toList();
    }

    @Override
    public List<AlarmReading> alarms(EnvironmentSession session, List<String> alarmNames) {
        if (alarmNames.isEmpty()) {
            return List.of();
        }
        try {
            CloudWatchClient cloudWatch = clients.cloudWatch(sessions.context(session));
            return cloudWatch.describeAlarms(r -> r.alarmNames(alarmNames)).metricAlarms().stream()
                    .map(a -> {
                        AlarmState state = AlarmState.parse(a.stateValueAsString());
                        String alarmReason = state == AlarmState.ALARM ? a.stateReason()
                                : lastAlarmReason(cloudWatch, a.alarmName());
                        return new AlarmReading(a.alarmName(), state, a.stateReason(), a.stateUpdatedTimestamp(),
                                alarmReason);
                    }).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the deployment's alarms in " + EcsDeploys.where(session));
        }
    }

    /**
     * The reason CloudWatch gave when the alarm last went to ALARM, from its StateUpdate history (newest first, a
     * page is enough: a deployment's alarm that rolled it back went there minutes ago); empty if none is found.
     */
    private static String lastAlarmReason(CloudWatchClient cloudWatch, String alarmName) {
        return cloudWatch.describeAlarmHistory(r -> r.alarmName(alarmName).historyItemType(HistoryItemType.STATE_UPDATE)
                        .scanBy(ScanBy.TIMESTAMP_DESCENDING).maxRecords(20)).alarmHistoryItems().stream()
                .filter(h -> h.historySummary() != null && h.historySummary().endsWith("to ALARM"))
                .map(h -> newStateReason(h.historyData())).filter(r -> !r.isEmpty()).findFirst().orElse("");
    }

    /** {@code newState.stateReason} of a StateUpdate item's HistoryData JSON (AWS's documented shape). */
    private static String newStateReason(String historyData) {
        if (historyData == null) {
            return "";
        }
        JsonNode data = JsonNode.parser().parse(historyData);
        return data.field("newState").flatMap(s -> s.field("stateReason")).filter(JsonNode::isString)
                .map(JsonNode::asString).orElse("");
    }

    private EcsClient ecs(EnvironmentSession session) {
        return clients.ecs(sessions.context(session));
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
