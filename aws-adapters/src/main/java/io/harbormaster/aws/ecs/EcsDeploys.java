package io.harbormaster.aws.ecs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.write.ReadBackWrite;
import io.harbormaster.model.deploy.ContinueDeployment;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DescribeDeployTarget;
import io.harbormaster.model.deploy.DescribeRevision;
import io.harbormaster.model.deploy.HookAction;
import io.harbormaster.model.deploy.RegisterRevision;
import io.harbormaster.model.deploy.ServiceDeploymentBrief;
import io.harbormaster.model.deploy.ServiceDeploymentDetail;
import io.harbormaster.model.deploy.ServiceDeployments;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceRevisionDetail;
import io.harbormaster.model.deploy.StartDeployment;
import io.harbormaster.model.deploy.StartDeploymentCommand;
import io.harbormaster.model.deploy.StopDeployment;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.deploy.Written;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.ReadDesiredCount;
import io.harbormaster.model.fleet.ReadTaskStatus;
import io.harbormaster.model.fleet.ReadTaskStatus.TaskStatus;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.model.fleet.UpdateDesiredCount;
import io.harbormaster.model.fleet.RequestTaskStop;
import io.harbormaster.model.fleet.StopTaskCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * The Deploys ports over ECS: the service and its task definition in full, RegisterTaskDefinition, UpdateService with
 * the deployment configuration, the service deployments and revisions, StopServiceDeployment (ROLLBACK) and
 * ContinueServiceDeployment; also UpdateService desiredCount for scaling, and StopTask. Each call waits for its
 * throttling bucket's token ({@link CallPacer}, one per account and Region) and each failure is translated once
 * ({@link AwsErrors}). Thin: journalling and orchestration are the model's {@code DeployService}.
 */
public final class EcsDeploys implements DescribeDeployTarget, DescribeRevision, RegisterRevision, StartDeployment,
        ServiceDeployments, StopDeployment, ContinueDeployment, UpdateDesiredCount, ReadDesiredCount,
        RequestTaskStop, ReadTaskStatus {

    private static final int DESCRIBE_BATCH = 20;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public EcsDeploys(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public DeployTarget describeTarget(EnvironmentSession session, ServiceRef service) {
        String doing = "reading " + service.serviceName() + " for a deploy in " + where(session);
        try {
            EcsClient ecs = ecs(session);
            pacer(session).take(ThrottleBucket.SERVICE_READ, false);
            var response = ecs.describeServices(r -> r.cluster(service.cluster()).services(service.service()));
            if (response.services().isEmpty()) {
                throw new OperatorException(new Problem(Problem.Kind.NOT_FOUND, "Service not found",
                        "There is no service " + service.serviceName() + " in cluster " + service.clusterName()
                                + " (" + where(session) + ")", "Refresh: it may have been deleted.",
                        response.failures().toString()));
            }
            Service s = response.services().get(0);
            TaskDefinitionSpec definition = describe(session, ecs, s.taskDefinition());
            return DeployMapping.target(service, s, definition);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public TaskDefinitionSpec describeRevision(EnvironmentSession session, String taskDefinition) {
        try {
            return describe(session, ecs(session), taskDefinition);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading task definition " + taskDefinition + " in " + where(session));
        }
    }

    private TaskDefinitionSpec describe(EnvironmentSession session, EcsClient ecs, String taskDefinition) {
        pacer(session).take(ThrottleBucket.TASK_DEFINITION_READ, false);
        DescribeTaskDefinitionResponse r = ecs.describeTaskDefinition(b -> b.taskDefinition(taskDefinition)
                .include(TaskDefinitionField.TAGS));
        return TaskDefinitionSpecs.fromSdk(r.taskDefinition(), r.tags());
    }

    @Override
    public Written<TaskDefinitionSpec> register(EnvironmentSession session, TaskDefinitionSpec spec) {
        String doing = "registering a new revision of " + spec.family() + " in " + where(session);
        RegisterTaskDefinitionRequest request = TaskDefinitionSpecs.refusedOrRequest(spec).toBuilder()
                .overrideConfiguration(ReadBackWrite::retryOnlyThrottling).build();
        try {
            EcsClient ecs = ecs(session);
            return ReadBackWrite.send("RegisterTaskDefinition of " + spec.family(), () -> {
                pacer(session).take(ThrottleBucket.TASK_DEFINITION_MODIFY, false);
                RegisterTaskDefinitionResponse r = ecs.registerTaskDefinition(request);
                return new Written<>(TaskDefinitionSpecs.fromSdk(r.taskDefinition(), r.tags()),
                        r.responseMetadata().requestId());
            }, () -> latestWithSameContent(session, ecs, spec));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public Written<String> start(EnvironmentSession session, StartDeploymentCommand command) {
        String doing = "starting a " + command.settings().strategy() + " deploy of " + command.service().serviceName()
                + " in " + where(session);
        UpdateServiceRequest request = DeployMapping.updateService(command).toBuilder()
                .overrideConfiguration(ReadBackWrite::retryOnlyThrottling).build();
        try {
            EcsClient ecs = ecs(session);
            // What the read-back compares with: a deployment ECS started for this update is not this one.
            String before = service(session, ecs, command.service()).map(Service::currentServiceDeployment)
                    .orElse("");
            return ReadBackWrite.send("UpdateService of " + command.service().serviceName() + " to "
                    + Arns.name(command.taskDefinitionArn()), () -> {
                        pacer(session).take(ThrottleBucket.SERVICE_MODIFY, false);
                        UpdateServiceResponse r = ecs.updateService(request);
                        String arn = r.service() == null ? "" : r.service().currentServiceDeployment();
                        return new Written<>(arn == null ? "" : arn, r.responseMetadata().requestId());
                    }, () -> deploymentStarted(session, ecs, command, before));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public String updateDesiredCount(EnvironmentSession session, ScaleServiceCommand command) {
        String doing = "scaling " + command.serviceName() + " to " + command.desiredCount() + " tasks in "
                + where(session);
        try {
            EcsClient ecs = ecs(session);
            ServiceRef service = new ServiceRef(command.cluster(), command.service());
            return ReadBackWrite.send("UpdateService of " + command.serviceName() + " to desiredCount "
                    + command.desiredCount(), () -> {
                        pacer(session).take(ThrottleBucket.SERVICE_MODIFY, false);
                        return ecs.updateService(r -> r.cluster(command.cluster()).service(command.service())
                                .desiredCount(command.desiredCount())
                                .overrideConfiguration(ReadBackWrite::retryOnlyThrottling))
                                .responseMetadata().requestId();
                    }, () -> service(session, ecs, service).filter(s -> s.desiredCount() == command.desiredCount())
                            .map(s -> ""));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public OptionalInt desiredCount(EnvironmentSession session, String cluster, String service) {
        try {
            return service(session, ecs(session), new ServiceRef(cluster, service))
                    .map(s -> OptionalInt.of(s.desiredCount())).orElse(OptionalInt.empty());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the desired count of " + Arns.name(service) + " in "
                    + where(session));
        }
    }

    /** The service as ECS describes it now; empty when it is gone (sending again gets ECS's own not-found). */
    private Optional<Service> service(EnvironmentSession session, EcsClient ecs, ServiceRef service) {
        pacer(session).take(ThrottleBucket.SERVICE_READ, false);
        return ecs.describeServices(r -> r.cluster(service.cluster()).services(service.service())).services()
                .stream().findFirst();
    }

    /**
     * The deployment a lost UpdateService started: the service on the command's revision with a current deployment
     * other than the one before. An update to the revision the service already ran starts no deployment (ECS
     * changes its settings only), reads as not applied and is sent again, which changes nothing twice.
     */
    private Optional<Written<String>> deploymentStarted(EnvironmentSession session, EcsClient ecs,
            StartDeploymentCommand command, String before) {
        return service(session, ecs, command.service())
                .filter(s -> Arns.name(s.taskDefinition()).equals(Arns.name(command.taskDefinitionArn())))
                .filter(s -> s.currentServiceDeployment() != null && !s.currentServiceDeployment().equals(before))
                .map(s -> new Written<>(s.currentServiceDeployment(), ""));
    }

    /**
     * The family's latest revision if it holds exactly what was to be registered: the revision a lost
     * RegisterTaskDefinition made (or one registered just before with the same content, which serves the same).
     */
    private Optional<Written<TaskDefinitionSpec>> latestWithSameContent(EnvironmentSession session,
            EcsClient ecs, TaskDefinitionSpec spec) {
        pacer(session).take(ThrottleBucket.TASK_DEFINITION_READ, false);
        DescribeTaskDefinitionResponse latest;
        try {
            latest = ecs.describeTaskDefinition(b -> b.taskDefinition(spec.family()).include(TaskDefinitionField.TAGS));
        } catch (ClientException noSuchFamily) {
            return Optional.empty();
        }
        TaskDefinitionSpec found = TaskDefinitionSpecs.fromSdk(latest.taskDefinition(), latest.tags());
        return TaskDefinitionSpecs.toRequest(found).equals(TaskDefinitionSpecs.toRequest(spec))
                ? Optional.of(new Written<>(found, "")) : Optional.empty();
    }

    public String requestStop(EnvironmentSession session, StopTaskCommand command) {
        String doing = "stopping task " + command.taskId() + (command.serviceName().isEmpty() ? ""
                : " of " + command.serviceName()) + " in " + where(session);
        try {
            EcsClient ecs = ecs(session);
            Stop stop = ReadBackWrite.send("StopTask of " + command.taskId(), () -> {
                pacer(session).take(ThrottleBucket.CLUSTER_RESOURCE_MODIFY, false);
                return new Stop(ecs.stopTask(r -> r.cluster(command.cluster()).task(command.task())
                        .reason(command.reason()).overrideConfiguration(ReadBackWrite::retryOnlyThrottling))
                        .responseMetadata().requestId(), Optional.empty());
            }, () -> taskStatus(session, ecs, command.cluster(), command.task()).filter(TaskStatus::stopAsked)
                    .map(status -> new Stop("", Optional.of(status))));
            Optional<TaskStatus> notOurs = stop.readBack().filter(status -> !status.stoppedBy(command.reason()));
            if (notOurs.isPresent()) {
                throw stopNotNeeded(session, command, notOurs.get());
            }
            return stop.requestId();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    /** StopTask's request id; or, its answer lost, none and the stop ECS holds as read back. */
    private record Stop(String requestId, Optional<TaskStatus> readBack) {
    }

    /**
     * StopTask's answer was lost and the task read back stopped by someone else (another StopTask's reason, or ECS's
     * own code): judged as on a restart ({@link io.harbormaster.model.fleet.InterruptedStops}), that stop is not
     * ours, whether ours came too late or never arrived.
     */
    private static OperatorException stopNotNeeded(EnvironmentSession session, StopTaskCommand command,
            TaskStatus found) {
        return new OperatorException(new Problem(Problem.Kind.INVALID_INPUT, "Task already stopped",
                "StopTask of " + command.taskId() + " in " + where(session) + " got no answer; reading the task back"
                        + " shows " + found.stoppedOtherwise() + ": our stop was not needed.",
                "Nothing to do for this task; refresh to see the service's replacement, if it starts one.", ""));
    }

    @Override
    public List<ServiceDeploymentBrief> list(EnvironmentSession session, ServiceRef service, int max) {
        String doing = "listing the deployments of " + service.serviceName() + " in " + where(session);
        List<ServiceDeploymentBrief> out = new ArrayList<>();
        try {
            EcsClient ecs = ecs(session);
            String token = null;
            do {
                String next = token;
                pacer(session).take(ThrottleBucket.SERVICE_READ, false);
                var page = ecs.listServiceDeployments(r -> r.cluster(service.cluster()).service(service.service())
                        .maxResults(Math.min(100, Math.max(1, max - out.size()))).nextToken(next));
                page.serviceDeployments().forEach(b -> out.add(DeployMapping.brief(b)));
                token = page.nextToken();
            } while (token != null && out.size() < max);
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public List<ServiceDeploymentDetail> describe(EnvironmentSession session, List<String> arns) {
        List<ServiceDeploymentDetail> out = new ArrayList<>();
        try {
            EcsClient ecs = ecs(session);
            for (List<String> batch : batches(arns)) {
                pacer(session).take(ThrottleBucket.SERVICE_READ, false);
                ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(batch)).serviceDeployments()
                        .forEach(d -> out.add(DeployMapping.detail(d)));
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading service deployments in " + where(session));
        }
    }

    @Override
    public List<ServiceRevisionDetail> describeRevisions(EnvironmentSession session, List<String> arns) {
        List<ServiceRevisionDetail> out = new ArrayList<>();
        try {
            EcsClient ecs = ecs(session);
            for (List<String> batch : batches(arns)) {
                pacer(session).take(ThrottleBucket.SERVICE_READ, false);
                ecs.describeServiceRevisions(r -> r.serviceRevisionArns(batch)).serviceRevisions()
                        .forEach(r -> out.add(DeployMapping.revision(r)));
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading service revisions in " + where(session));
        }
    }

    @Override
    public Written<String> rollback(EnvironmentSession session, String serviceDeploymentArn) {
        String doing = "rolling back " + serviceDeploymentArn + " in " + where(session);
        try {
            EcsClient ecs = ecs(session);
            return ReadBackWrite.send("StopServiceDeployment (rollback) of " + serviceDeploymentArn, () -> {
                pacer(session).take(ThrottleBucket.SERVICE_MODIFY, false);
                var r = ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(serviceDeploymentArn)
                        .stopType("ROLLBACK").overrideConfiguration(ReadBackWrite::retryOnlyThrottling));
                return new Written<>(r.serviceDeploymentArn(), r.responseMetadata().requestId());
            }, () -> rollbackRequested(session, ecs, serviceDeploymentArn));
        } catch (ConflictException e) {
            throw alreadyEnded(session, serviceDeploymentArn, e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public Written<String> answer(EnvironmentSession session, String serviceDeploymentArn, String hookId,
                                  HookAction action) {
        String doing = (action == HookAction.CONTINUE ? "continuing " : "rolling back ") + serviceDeploymentArn
                + " at its pause in " + where(session);
        try {
            EcsClient ecs = ecs(session);
            return ReadBackWrite.send("ContinueServiceDeployment " + action + " of " + serviceDeploymentArn
                    + " at hook " + hookId, () -> {
                        pacer(session).take(ThrottleBucket.SERVICE_MODIFY, false);
                        var r = ecs.continueServiceDeployment(b -> b.serviceDeploymentArn(serviceDeploymentArn)
                                .hookId(hookId).action(action.name())
                                .overrideConfiguration(ReadBackWrite::retryOnlyThrottling));
                        return new Written<>(r.serviceDeploymentArn(), r.responseMetadata().requestId());
                    }, () -> hookAnswered(session, ecs, serviceDeploymentArn, hookId, action));
        } catch (ConflictException e) {
            throw alreadyEnded(session, serviceDeploymentArn, e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    @Override
    public Optional<TaskStatus> taskStatus(EnvironmentSession session, String cluster, String task) {
        try {
            return taskStatus(session, ecs(session), cluster, task);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading task " + Arns.name(task) + " in " + where(session));
        }
    }

    private Optional<TaskStatus> taskStatus(EnvironmentSession session, EcsClient ecs, String cluster, String task) {
        pacer(session).take(ThrottleBucket.CLUSTER_RESOURCE_READ, false);
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(task)).tasks().stream().findFirst()
                .map(t -> new TaskStatus(t.desiredStatus(), t.lastStatus(), t.stopCodeAsString(),
                        t.stoppedReason()));
    }

    /** The deployment, if a rollback of it was asked for (ECS's ROLLBACK_* statuses). */
    private Optional<Written<String>> rollbackRequested(EnvironmentSession session, EcsClient ecs, String arn) {
        pacer(session).take(ThrottleBucket.SERVICE_READ, false);
        return ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(arn)).serviceDeployments().stream()
                .filter(d -> d.statusAsString() != null && d.statusAsString().startsWith("ROLLBACK_"))
                .findFirst().map(d -> new Written<>(d.serviceDeploymentArn(), ""));
    }

    /**
     * The deployment, if the paused hook took this answer: its hook no longer AWAITING_ACTION but SUCCEEDED (continued)
     * or FAILED (rolled back; the deployment then in a ROLLBACK_* status). A hook that timed out took ECS's timeout
     * action, not this answer: sending it again gets ECS's own "not awaiting action".
     */
    private Optional<Written<String>> hookAnswered(EnvironmentSession session, EcsClient ecs, String arn,
            String hookId, HookAction action) {
        pacer(session).take(ThrottleBucket.SERVICE_READ, false);
        String answered = action == HookAction.CONTINUE ? "SUCCEEDED" : "FAILED";
        return ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(arn)).serviceDeployments().stream()
                .filter(d -> d.lifecycleHookDetails().stream().anyMatch(h -> hookId.equals(h.hookId())
                        && answered.equals(h.statusAsString())))
                .findFirst().map(d -> new Written<>(d.serviceDeploymentArn(), ""));
    }

    /** ECS answers ConflictException once a deployment is over: say how it ended. */
    private OperatorException alreadyEnded(EnvironmentSession session, String arn, ConflictException e) {
        String status = "finished";
        try {
            pacer(session).take(ThrottleBucket.SERVICE_READ, false);
            List<ServiceDeployment> found = ecs(session).describeServiceDeployments(b -> b.serviceDeploymentArns(arn))
                    .serviceDeployments();
            if (!found.isEmpty()) {
                status = found.get(0).statusAsString();
            }
        } catch (SdkException ignored) {
            // The conflict is what the operator needs; the status is a courtesy.
        }
        return new OperatorException(new Problem(Problem.Kind.INVALID_INPUT, "Deployment already ended",
                "The deployment already ended as " + status + "; there is nothing to stop or continue.",
                "Refresh the deployment; to go back now, deploy the earlier revision.",
                AwsErrors.problem(e, "stopping " + arn).details()), e);
    }

    private static List<List<String>> batches(List<String> arns) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
            out.add(List.copyOf(arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH))));
        }
        return out;
    }

    private EcsClient ecs(EnvironmentSession session) {
        return clients.ecs(sessions.context(session));
    }

    /** The account's pacer in the session's Region, the one the fleet's reads draw on too ({@link EcsFleet#pacer}). */
    CallPacer pacer(EnvironmentSession session) {
        return clients.perAccountAndRegion(sessions.context(session), session.identity().account(), CallPacer.class,
                CallPacer::new);
    }

    static String where(EnvironmentSession session) {
        return session.environment().displayName() + " (" + session.region() + ")";
    }
}
