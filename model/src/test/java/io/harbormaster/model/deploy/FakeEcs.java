package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deploy ports over a scripted ECS: each call is recorded; deployments answer what the test set. */
final class FakeEcs implements DescribeDeployTarget, DescribeRevision, RegisterRevision, StartDeployment,
        StopDeployment, ContinueDeployment, ServiceDeployments, DeploymentEvidence {

    final List<String> calls = new ArrayList<>();
    final Map<String, ServiceDeploymentDetail> deployments = new LinkedHashMap<>();
    final Map<String, ServiceRevisionDetail> revisions = new LinkedHashMap<>();
    final List<StoppedTask> stopped = new ArrayList<>();
    DeployTarget target = DeployTestData.target(4);
    String currentDeployment = "";
    String answerDeploymentArn = "arn:aws:ecs:eu-west-1:1:service-deployment/apps/web/d1";
    RuntimeException failRegister;
    RuntimeException failStart;
    int nextRevision = 43;

    @Override
    public DeployTarget describeTarget(EnvironmentSession session, ServiceRef service) {
        calls.add("DescribeServices");
        return target;
    }

    @Override
    public TaskDefinitionSpec describeRevision(EnvironmentSession session, String taskDefinition) {
        calls.add("DescribeTaskDefinition " + taskDefinition);
        return DeployTestData.definition(io.harbormaster.model.fleet.Arns.revision(taskDefinition), "1.3.0",
                Instant.EPOCH);
    }

    @Override
    public Written<TaskDefinitionSpec> register(EnvironmentSession session, TaskDefinitionSpec spec) {
        calls.add("RegisterTaskDefinition " + spec.images());
        if (failRegister != null) {
            throw failRegister;
        }
        int revision = nextRevision++;
        return new Written<>(spec.registered("arn:aws:ecs:eu-west-1:1:task-definition/web:" + revision, revision,
                Instant.EPOCH), "req-register");
    }

    @Override
    public Written<String> start(EnvironmentSession session, StartDeploymentCommand command) {
        calls.add("UpdateService " + command.taskDefinitionArn());
        if (failStart != null) {
            throw failStart;
        }
        return new Written<>(answerDeploymentArn, "req-update");
    }

    @Override
    public Written<String> rollback(EnvironmentSession session, String serviceDeploymentArn) {
        calls.add("StopServiceDeployment " + serviceDeploymentArn);
        return new Written<>(serviceDeploymentArn, "req-stop");
    }

    @Override
    public Written<String> answer(EnvironmentSession session, String arn, String hookId, HookAction action) {
        calls.add("ContinueServiceDeployment " + hookId + " " + action);
        return new Written<>(arn, "req-continue");
    }

    @Override
    public List<ServiceDeploymentBrief> list(EnvironmentSession session, ServiceRef service, int max) {
        return deployments.values().stream().map(ServiceDeploymentDetail::brief).limit(max).toList();
    }

    @Override
    public List<ServiceDeploymentDetail> describe(EnvironmentSession session, List<String> arns) {
        calls.add("DescribeServiceDeployments");
        return arns.stream().filter(deployments::containsKey).map(deployments::get).toList();
    }

    @Override
    public List<ServiceRevisionDetail> describeRevisions(EnvironmentSession session, List<String> arns) {
        return arns.stream().filter(revisions::containsKey).map(revisions::get).toList();
    }

    @Override
    public ServiceState serviceState(EnvironmentSession session, ServiceRef service) {
        return new ServiceState(DeployTestData.WEB_ARN, 4, 4, 0, currentDeployment, List.of(DeployTestData.TG_BLUE),
                List.of());
    }

    @Override
    public List<TargetGroupHealth> targetHealth(EnvironmentSession session, List<String> arns) {
        return arns.stream().map(a -> new TargetGroupHealth(a, 3, 4)).toList();
    }

    @Override
    public List<StoppedTask> stoppedTasks(EnvironmentSession session, ServiceRef service, Instant since) {
        calls.add("DescribeTasks stopped");
        return stopped;
    }

    @Override
    public List<AlarmReading> alarms(EnvironmentSession session, List<String> names) {
        return names.stream().map(n -> new AlarmReading(n, io.harbormaster.model.alarms.AlarmState.ALARM,
                "Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0)", Instant.EPOCH)).toList();
    }

    void deployment(String arn, DeploymentStatus status, String targetRevision) {
        deployments.put(arn, new ServiceDeploymentDetail(arn, DeployTestData.WEB_ARN, "", status, "", LifecycleStage
                .SCALE_UP, DeployStrategy.ROLLING, Instant.EPOCH, Instant.EPOCH, null, null, null,
                new RevisionSummary(targetRevision, 4, 2, 2, -1, -1), List.of(), null, null, null, List.of()));
    }

    static OperatorException denied() {
        return new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "Denied while registering", "Ask", "AccessDenied: no (request id req-denied, HTTP 400)"), null);
    }
}
