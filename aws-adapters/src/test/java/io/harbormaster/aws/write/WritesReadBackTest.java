package io.harbormaster.aws.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.ecs.EcsDeploys;
import io.harbormaster.aws.ecs.BlueGreenRouting;
import io.harbormaster.aws.logs.CloudWatchLogsAuditSink;
import io.harbormaster.model.deploy.CircuitBreaker;
import io.harbormaster.model.deploy.DeployAlarms;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.HookAction;
import io.harbormaster.model.deploy.LifecycleHook;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.journal.AuditBacklog;
import io.harbormaster.model.journal.InMemoryAuditBacklog;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import io.harbormaster.aws.elb.AlbWeights;
import io.harbormaster.aws.route53.Route53Weights;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.TrafficKind;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.cutover.WriteOutcome;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.NewRevision;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.StartDeploymentCommand;
import io.harbormaster.model.deploy.TaskDefinitionChange;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.deploy.Written;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.WriteOutcomeUnknown;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.model.fleet.StopTaskCommand;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxControl.RecordedRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Every console write to AWS under the sandbox's cut-answer fault ({@code reset}: the call is carried out, then the
 * connection drops halfway through the answer): each is sent exactly once — counted at the sandbox — read back, and
 * completes with what AWS holds. Against a 5xx (nothing applied) the read-back lets it be sent once more.
 */
class WritesReadBackTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsSessions sessions;
    private static EnvironmentSession stage;
    private static EnvironmentSession prod;
    private static EcsDeploys ecsDeploys;

    @BeforeAll
    static void start(@TempDir Path dir) {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        sessions = access.sessionsFor("alice");
        stage = sessions.enter(SandboxAccess.environment("stage"), MfaPrompt.NONE);
        prod = sessions.enter(SandboxAccess.environment("prod"), access.deviceOf("alice"));
        ecsDeploys = new EcsDeploys(sessions, access.clients());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @AfterEach
    void faultsOff() {
        sandbox.control().clearFaults();
        sandbox.control().recordRequests(false);
    }

    /** Runs {@code write} under {@code fault}; answers its result and how many requests {@code call} matched. */
    private static <T> Sent<T> under(String fault, Predicate<RecordedRequest> call, Supplier<T> write) {
        sandbox.control().recordRequests(true);
        long before = sandbox.control().recordedRequests().stream().filter(call).count();
        sandbox.control().addFault(fault);
        try {
            T result = write.get();
            return new Sent<>(result, sandbox.control().recordedRequests().stream().filter(call).count() - before);
        } finally {
            sandbox.control().clearFaults();
        }
    }

    private record Sent<T>(T result, long times) {
    }

    private static Predicate<RecordedRequest> ecsCall(String operation) {
        return r -> ("AmazonEC2ContainerServiceV20141113." + operation).equals(r.headers().get("x-amz-target"));
    }

    private static Predicate<RecordedRequest> queryCall(String action) {
        return r -> "POST".equals(r.method()) && r.body() != null && r.body().contains("Action=" + action + "&");
    }

    private static final Predicate<RecordedRequest> CHANGE_RECORD_SETS = r -> "POST".equals(r.method())
            && r.path().matches("/2013-04-01/hostedzone/.+/rrset/?");

    private static EcsClient ecs(EnvironmentSession session) {
        return access.clients().ecs(sessions.context(session));
    }

    private static final ServiceRef API_DOCS = new ServiceRef("api", "api-docs");

    private static TaskDefinitionSpec withImageTag(DeployTarget target, String tag) {
        String container = target.taskDefinition().containers().get(0).name();
        String image = target.taskDefinition().containers().get(0).imageRepository() + ":" + tag;
        return NewRevision.of(target.taskDefinition(), TaskDefinitionChange.images(Map.of(container, image)));
    }

    @Test
    void aRegisterWhoseAnswerWasCutIsFoundAsTheLatestRevisionNotRegisteredTwice() {
        DeployTarget target = ecsDeploys.describeTarget(stage, API_DOCS);
        TaskDefinitionSpec next = withImageTag(target, "cut-1");
        int latestBefore = ecs(stage).describeTaskDefinition(b -> b.taskDefinition(next.family())).taskDefinition()
                .revision();

        Sent<Written<TaskDefinitionSpec>> sent = under("reset:ecs.RegisterTaskDefinition",
                ecsCall("RegisterTaskDefinition"), () -> ecsDeploys.register(stage, next));

        assertThat(sent.times()).as("RegisterTaskDefinition sent once, though its answer was cut").isEqualTo(1);
        assertThat(sent.result().requestId()).as("the answer was lost").isEmpty();
        assertThat(sent.result().result().revision()).isEqualTo(latestBefore + 1);
        assertThat(sent.result().result().images()).isEqualTo(next.images());
        assertThat(ecs(stage).describeTaskDefinition(b -> b.taskDefinition(next.family())).taskDefinition()
                .revision()).as("no second revision").isEqualTo(latestBefore + 1);
    }

    @Test
    void aRegisterRefusedWithA5xxIsSentOnceMoreAfterTheReadBackShowsNoNewRevision() {
        DeployTarget target = ecsDeploys.describeTarget(stage, new ServiceRef("internal", "status-page"));
        TaskDefinitionSpec next = withImageTag(target, "after-500");

        Sent<OperatorException> sent = under("internal-failure:ecs.RegisterTaskDefinition",
                ecsCall("RegisterTaskDefinition"), () -> catchThrowableOfType(OperatorException.class,
                        () -> ecsDeploys.register(stage, next)));

        // Not the SDK's three blind attempts: one, a read-back showing no such revision, one more (also refused).
        assertThat(sent.times()).isEqualTo(2);
        assertThat(sent.result()).as("the second refusal is reported").isNotNull();
    }

    @Test
    void aDeployWhoseAnswerWasCutIsFoundThroughTheServicesNewDeploymentNotStartedTwice() {
        DeployTarget target = ecsDeploys.describeTarget(stage, API_DOCS);
        TaskDefinitionSpec registered = ecsDeploys.register(stage, withImageTag(target, "cut-2")).result();
        StartDeploymentCommand command = new StartDeploymentCommand(API_DOCS, registered.arn(), OptionalInt.empty(),
                DeploymentSettings.rolling(List.of()));

        Sent<Written<String>> sent = under("reset:ecs.UpdateService", ecsCall("UpdateService"),
                () -> ecsDeploys.start(stage, command));

        assertThat(sent.times()).as("UpdateService sent once, though its answer was cut").isEqualTo(1);
        var service = ecs(stage).describeServices(b -> b.cluster("api").services("api-docs")).services().get(0);
        assertThat(service.taskDefinition()).isEqualTo(registered.arn());
        assertThat(sent.result().result()).isEqualTo(service.currentServiceDeployment())
                .isNotEqualTo(target.currentServiceDeploymentArn());
        assertThat(sent.result().requestId()).isEmpty();
    }

    @Test
    void aScaleWhoseReadBackFailsTooSaysItMayHaveBeenAppliedAndIsNotSentAgain() {
        int desired = ecs(stage).describeServices(b -> b.cluster("api").services("api-docs")).services().get(0)
                .desiredCount();
        sandbox.control().addFault("unavailable:ecs.DescribeServices");

        Sent<OperatorException> sent = under("reset:ecs.UpdateService", ecsCall("UpdateService"),
                () -> catchThrowableOfType(OperatorException.class, () -> ecsDeploys.updateDesiredCount(stage,
                        new ScaleServiceCommand("api", "api-docs", desired + 1))));

        assertThat(sent.times()).isEqualTo(1);
        assertThat(sent.result()).isInstanceOf(WriteOutcomeUnknown.class);
        assertThat(sent.result().problem().title()).isEqualTo("Write may have been applied");
        assertThat(sent.result().problem().message()).startsWith("UpdateService of api-docs to desiredCount "
                + (desired + 1) + " got no answer").contains("may or may not have taken effect");
    }

    @Test
    void aStopTaskWhoseAnswerWasCutIsFoundStoppingNotSentTwice() {
        var task = ecs(stage).describeTasks(b -> b.cluster("api").tasks(ecs(stage).listTasks(l -> l.cluster("api")
                .desiredStatus("RUNNING")).taskArns())).tasks().stream()
                .filter(t -> !"service:api-docs".equals(t.group())).findFirst().orElseThrow();
        StopTaskCommand command = new StopTaskCommand("api", task.taskArn(), task.group(), "answer cut");

        Sent<String> sent = under("reset:ecs.StopTask", ecsCall("StopTask"), () -> ecsDeploys.requestStop(stage,
                command));

        assertThat(sent.times()).as("StopTask sent once, though its answer was cut").isEqualTo(1);
        assertThat(sent.result()).as("no answer, so no request id").isEmpty();
        assertThat(ecs(stage).describeTasks(b -> b.cluster("api").tasks(task.taskArn())).tasks().get(0)
                .desiredStatus()).isEqualTo("STOPPED");
        assertThat(ecsDeploys.taskStatus(stage, "api", task.taskArn())).hasValueSatisfying(status -> {
            assertThat(status.stopCode()).isEqualTo("UserInitiated");
            assertThat(status.stoppedReason()).isEqualTo("answer cut");
            assertThat(status.stoppedBy("answer cut")).as("read back as this stop").isTrue();
            assertThat(status.stoppedBy("another console's reason")).isFalse();
        });
    }

    /**
     * Another operator stopped the task just before our StopTask, whose answer was cut: the read-back finds the task
     * stopping with their reason, not ours, and says so (as a restart would), rather than taking their stop for ours.
     */
    @Test
    void aStopTaskWhoseAnswerWasCutAndWhoseTaskSomeoneElseStoppedIsToldNotNeeded() {
        var task = ecs(stage).describeTasks(b -> b.cluster("api").tasks(ecs(stage).listTasks(l -> l.cluster("api")
                .desiredStatus("RUNNING")).taskArns())).tasks().stream()
                .filter(t -> !"service:api-docs".equals(t.group())).findFirst().orElseThrow();
        ecs(stage).stopTask(b -> b.cluster("api").task(task.taskArn()).reason("replaced by carol"));
        StopTaskCommand command = new StopTaskCommand("api", task.taskArn(), task.group(), "answer cut, too late");

        Sent<OperatorException> sent = under("reset:ecs.StopTask", ecsCall("StopTask"), () -> catchThrowableOfType(
                OperatorException.class, () -> ecsDeploys.requestStop(stage, command)));

        assertThat(sent.times()).as("StopTask sent once").isEqualTo(1);
        assertThat(sent.result()).as("not ours, and known: not an unknown outcome").isNotNull()
                .isNotInstanceOf(WriteOutcomeUnknown.class);
        assertThat(sent.result().problem().title()).isEqualTo("Task already stopped");
        assertThat(sent.result().problem().message()).contains("got no answer", " it (UserInitiated: replaced by"
                + " carol): our stop was not needed").containsPattern("ECS (was already stopping|had already stopped)");
    }

    @Test
    void aRollbackWhoseAnswerWasCutIsFoundRollingBackNotSentTwice() {
        DeployTarget target = ecsDeploys.describeTarget(stage, API_DOCS);
        TaskDefinitionSpec registered = ecsDeploys.register(stage, withImageTag(target, "cut-rollback")).result();
        String deployment = ecsDeploys.start(stage, new StartDeploymentCommand(API_DOCS, registered.arn(),
                OptionalInt.empty(), DeploymentSettings.rolling(List.of()))).result();

        Sent<Written<String>> sent = under("reset:ecs.StopServiceDeployment", ecsCall("StopServiceDeployment"),
                () -> ecsDeploys.rollback(stage, deployment));

        assertThat(sent.times()).as("StopServiceDeployment sent once, though its answer was cut").isEqualTo(1);
        assertThat(sent.result()).isEqualTo(new Written<>(deployment, ""));
        assertThat(ecs(stage).describeServiceDeployments(b -> b.serviceDeploymentArns(deployment))
                .serviceDeployments().get(0).statusAsString()).startsWith("ROLLBACK_");
    }

    @Test
    void aHookAnswerWhoseAnswerWasCutIsFoundTakenNotSentTwice() {
        ServiceRef statusPage = new ServiceRef("internal", "status-page");
        TaskDefinitionSpec registered = ecsDeploys.register(stage, withImageTag(ecsDeploys.describeTarget(stage,
                statusPage), "paused")).result();
        DeploymentSettings pausing = new DeploymentSettings(DeployStrategy.BLUE_GREEN, 100, 200, 0, null, null,
                CircuitBreaker.ROLL_BACK, DeployAlarms.NONE, List.of(LifecycleHook.pause(LifecycleStage.POST_SCALE_UP)),
                BlueGreenRouting.of(access.clients(), sessions, stage, "internal", "status-page"));
        String deployment = ecsDeploys.start(stage, new StartDeploymentCommand(statusPage, registered.arn(),
                OptionalInt.empty(), pausing)).result();
        String hookId = awaitingHook(deployment);

        Sent<Written<String>> sent = under("reset:ecs.ContinueServiceDeployment", ecsCall("ContinueServiceDeployment"),
                () -> ecsDeploys.answer(stage, deployment, hookId, HookAction.CONTINUE));

        assertThat(sent.times()).as("ContinueServiceDeployment sent once, though its answer was cut").isEqualTo(1);
        assertThat(sent.result()).isEqualTo(new Written<>(deployment, ""));
        assertThat(hooks(deployment)).filteredOn(h -> h.hookId().equals(hookId))
                .extracting(DeploymentLifecycleHookDetail::statusAsString).containsExactly("SUCCEEDED");
    }

    /** The id of the deployment's PAUSE hook once ECS awaits its answer, the sandbox's clock run until then. */
    private static String awaitingHook(String deployment) {
        for (int step = 0; step < 60; step++) {
            var awaiting = hooks(deployment).stream().filter(h -> "AWAITING_ACTION".equals(h.statusAsString()))
                    .findFirst();
            if (awaiting.isPresent()) {
                return awaiting.get().hookId();
            }
            sandbox.clock().advance(Duration.ofSeconds(10));
        }
        throw new AssertionError("the deployment never paused at its hook");
    }

    private static List<DeploymentLifecycleHookDetail> hooks(String deployment) {
        return ecs(stage).describeServiceDeployments(b -> b.serviceDeploymentArns(deployment)).serviceDeployments()
                .get(0).lifecycleHookDetails();
    }

    @Test
    void anAuditCopyWhoseAnswerWasCutIsFoundInTheStreamNotWrittenTwice() {
        String group = "/harbormaster/audit-cut";
        CloudWatchLogsAuditSink sink = new CloudWatchLogsAuditSink(() -> stage, sessions, access.clients(), group);
        AuditBacklog backlog = new InMemoryAuditBacklog();
        Instant at = sandbox.clock().now().minusSeconds(60);
        copy(sink, backlog, auditLine(1, at, JournalPhase.INTENT));

        Sent<Integer> sent = under("reset:logs.PutLogEvents", PUT_LOG_EVENTS, () -> {
            copy(sink, backlog, auditLine(2, at.plusMillis(5), JournalPhase.DONE));
            return 0;
        });

        assertThat(sent.times()).as("PutLogEvents sent once, though its answer was cut").isEqualTo(1);
        assertThat(backlog.waiting()).as("both lines known copied").isEmpty();
        assertThat(access.clients().logs(sessions.context(stage)).getLogEvents(b -> b.logGroupName(group)
                .logStreamName("alice").startFromHead(true)).events()).extracting(OutputLogEvent::message)
                .as("each journal line once").hasSize(2).anyMatch(m -> m.contains("\"phase\":\"DONE\""));
    }

    /**
     * The console loses PutLogEvents' answer and its read-back, then dies (or is closed): the next run, a new sink
     * over the same backlog (the local database), reads the line back before sending it and finds it there.
     */
    @Test
    void anAuditCopyWhoseAnswerAndReadBackWereLostIsReadBackByTheNextRunNotCopiedAgain() {
        String group = "/harbormaster/audit-unknown";
        AuditBacklog backlog = new InMemoryAuditBacklog();
        JournalEntry line = auditLine(7, sandbox.clock().now().minusSeconds(60), JournalPhase.INTENT);
        sandbox.control().addFault("unavailable:logs.GetLogEvents");

        Sent<OperatorException> sent = under("reset:logs.PutLogEvents", PUT_LOG_EVENTS, () -> {
            OperatorException unknown = catchThrowableOfType(OperatorException.class, () -> copy(
                    new CloudWatchLogsAuditSink(() -> stage, sessions, access.clients(), group), backlog, line));
            sandbox.control().clearFaults();
            new CloudWatchLogsAuditSink(() -> stage, sessions, access.clients(), group).copy(backlog.waiting(),
                    backlog);   // the next run's first try of the line it finds waiting
            return unknown;
        });

        assertThat(sent.result()).isInstanceOf(WriteOutcomeUnknown.class);
        assertThat(sent.times()).as("PutLogEvents sent once: the next run found the line").isEqualTo(1);
        assertThat(backlog.waiting()).as("known copied").isEmpty();
        assertThat(access.clients().logs(sessions.context(stage)).getLogEvents(b -> b.logGroupName(group)
                .logStreamName("alice").startFromHead(true)).events()).as("the line once").hasSize(1);
    }

    /** A line that was sent (the console died waiting) but never reached the log is sent by the next run. */
    @Test
    void anAuditLineSentWithoutAnAnswerThatNeverArrivedIsSentByTheNextRun() {
        String group = "/harbormaster/audit-lost";
        AuditBacklog backlog = new InMemoryAuditBacklog();
        JournalEntry line = auditLine(9, sandbox.clock().now().minusSeconds(60), JournalPhase.INTENT);
        backlog.add(line);
        backlog.sending(List.of(line));

        new CloudWatchLogsAuditSink(() -> stage, sessions, access.clients(), group).copy(backlog.waiting(), backlog);

        assertThat(backlog.waiting()).isEmpty();
        assertThat(access.clients().logs(sessions.context(stage)).getLogEvents(b -> b.logGroupName(group)
                .logStreamName("alice").startFromHead(true)).events()).as("the line once").hasSize(1);
    }

    private static final Predicate<RecordedRequest> PUT_LOG_EVENTS = r -> "Logs_20140328.PutLogEvents".equals(
            r.headers().get("x-amz-target"));

    /** What the journal does with a new line: waits in the backlog, then copied. */
    private static void copy(CloudWatchLogsAuditSink sink, AuditBacklog backlog, JournalEntry line) {
        backlog.add(line);
        sink.copy(backlog.waiting(), backlog);
    }

    private static JournalEntry auditLine(long sequence, Instant at, JournalPhase phase) {
        return new JournalEntry(sequence, at, new JournalRecord("scale-cut", "scale", phase, "sandbox-stage",
                "api/api-docs", "alice", "Scale api-docs " + phase, "", Map.of()));
    }

    @Test
    void aRoute53ChangeWhoseAnswerWasCutIsReadBackNotSentTwice() {
        Route53Weights r53 = new Route53Weights(sessions, access.clients());
        Route53WeightedRecord api = r53.find(prod).stream().filter(r -> r.name().equals("api.example.com."))
                .findFirst().orElseThrow();
        Weights wanted = swapped(TrafficKind.ROUTE53, api.targets());

        Sent<WriteOutcome> sent = under("reset:route53.ChangeResourceRecordSets", CHANGE_RECORD_SETS,
                () -> r53.write(prod, api, wanted));

        assertThat(sent.times()).as("ChangeResourceRecordSets sent once, though its answer was cut").isEqualTo(1);
        assertThat(sent.result()).isEqualTo(new WriteOutcome.Accepted("", ""));
        assertThat(r53.live(prod, api).sameAs(wanted)).isTrue();
        assertThat(r53.readBack(prod, api, wanted, "").state()).isEqualTo(
                io.harbormaster.model.cutover.ReadBack.State.CONFIRMED);
    }

    @Test
    void anAlbRuleChangeWhoseAnswerWasCutIsReadBackNotSentTwice() {
        AlbWeights alb = new AlbWeights(sessions, access.clients());
        AlbWeightedForward forward = weightedRule(alb);
        Weights wanted = swapped(TrafficKind.ALB, forward.targets());

        Sent<WriteOutcome> sent = under("reset:elasticloadbalancing.ModifyRule", queryCall("ModifyRule"),
                () -> alb.write(prod, forward, wanted));

        assertThat(sent.times()).as("ModifyRule sent once, though its answer was cut").isEqualTo(1);
        assertThat(sent.result()).isEqualTo(new WriteOutcome.Accepted("", ""));
        assertThat(alb.live(prod, forward).sameAs(wanted)).isTrue();
    }

    /** The weights of the first two targets exchanged (a change whatever they were), the rest kept. */
    private static Weights swapped(TrafficKind kind, List<WeightedTarget> targets) {
        Map<String, Integer> byTarget = new LinkedHashMap<>();
        targets.forEach(t -> byTarget.put(t.id(), t.weight()));
        int first = targets.get(0).weight();
        int second = targets.get(1).weight();
        byTarget.put(targets.get(0).id(), second == first ? first + 10 : second);
        byTarget.put(targets.get(1).id(), first);
        return new Weights(kind, byTarget);
    }

    /** app-web.example.com's rule on app-alb's HTTPS listener, made to forward to two target groups. */
    private static AlbWeightedForward weightedRule(AlbWeights alb) {
        ElasticLoadBalancingV2Client elb = access.clients().elbv2(sessions.context(prod));
        String web = elb.describeTargetGroups(b -> b.names("app-web")).targetGroups().get(0).targetGroupArn();
        String search = elb.describeTargetGroups(b -> b.names("app-search")).targetGroups().get(0).targetGroupArn();
        String lbArn = elb.describeLoadBalancers(b -> b.names("app-alb")).loadBalancers().get(0).loadBalancerArn();
        String listener = elb.describeListeners(b -> b.loadBalancerArn(lbArn)).listeners().stream()
                .filter(l -> l.port() == 443).findFirst().orElseThrow().listenerArn();
        Rule rule = elb.describeRules(b -> b.listenerArn(listener)).rules().stream()
                .filter(r -> r.conditions().stream().anyMatch(c -> c.values().contains("app-web.example.com")))
                .findFirst().orElseThrow();
        elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(f -> f.targetGroups(TargetGroupTuple.builder().targetGroupArn(web).weight(90).build(),
                        TargetGroupTuple.builder().targetGroupArn(search).weight(10).build())).build()));
        return alb.find(prod).stream().filter(a -> a.ruleArn().equals(rule.ruleArn())).findFirst().orElseThrow();
    }
}
