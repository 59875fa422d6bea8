package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.deploy.CanaryConfig;
import io.harbormaster.model.deploy.CircuitBreaker;
import io.harbormaster.model.deploy.DeployAlarms;
import io.harbormaster.model.deploy.DeployRequest;
import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeployStarted;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentFollower;
import io.harbormaster.model.deploy.DeploymentProgress;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.HookAction;
import io.harbormaster.model.deploy.LifecycleHook;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.deploy.LinearConfig;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import io.harbormaster.model.deploy.NewRevision;
import io.harbormaster.model.deploy.OpenDeploy;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.TaskDefinitionChange;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Deploys end to end over the real wire: the adapters ({@link EcsDeploys}, {@link EcsDeploymentEvidence}) under the
 * model's DeployService and DeploymentFollower, against the sandbox's ECS service deployments on its manual clock
 * (each pause of the follower moves the sandbox 10 s). Each test deploys a stage service of its own.
 */
class EcsDeploysSandboxTest {

    static final Map<String, String> CLUSTER = Map.of("app-billing", "app", "api-docs", "api", "api-admin", "api",
            "app-sessions", "app", "status-page", "internal", "app-websocket", "app", "api-graphql", "api",
            "feature-flags", "internal", "api-webhooks", "api", "admin-dashboard", "internal");

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;
    private static AwsSessions sessions;
    private static EnvironmentSession stage;
    private static EcsDeploys ecsDeploys;
    private static EcsDeploymentEvidence evidence;

    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.systemUTC());
    private final DeployService deploys = new DeployService(ecsDeploys, ecsDeploys, ecsDeploys, ecsDeploys,
            ecsDeploys, ecsDeploys, ecsDeploys, journal, () -> UUID.randomUUID().toString());
    private final DeploymentFollower follower = new DeploymentFollower(ecsDeploys, evidence, deploys,
            Clock.systemUTC(), d -> sandbox.clock().advance(Duration.ofSeconds(10)), Duration.ofSeconds(10));

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        sandbox.control().setCredentialExpiry(false); // the follower runs the clock for hours
        clients = access.clients();
        sessions = access.sessionsFor("alice");
        stage = sessions.enter(SandboxAccess.environment("stage"), MfaPrompt.NONE);
        ecsDeploys = new EcsDeploys(sessions, clients);
        evidence = new EcsDeploymentEvidence(sessions, clients, ecsDeploys);
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void theFleetsReadsAndTheDeploysDrawOnOneAccountsBuckets() {
        try (EcsFleet fleet = new EcsFleet(sessions, clients, Clock.systemUTC())) {
            assertThat(fleet.pacer(stage)).as("the fleet's pacer for stage's account and Region")
                    .isSameAs(ecsDeploys.pacer(stage)).isSameAs(new EcsDeploys(sessions, clients).pacer(stage));
        }
    }

    private static ServiceRef ref(String service) {
        return new ServiceRef(CLUSTER.get(service), service);
    }

    private static EcsClient ecs() {
        return clients.ecs(sessions.context(stage));
    }

    private static List<LoadBalancerRouting> advanced(String service) {
        return BlueGreenRouting.of(clients, sessions, stage, CLUSTER.get(service), service);
    }

    private static DeploymentSettings settings(DeployStrategy strategy, int bake, LinearConfig linear,
                                               CanaryConfig canary, CircuitBreaker breaker, List<LifecycleHook> hooks,
                                               List<LoadBalancerRouting> lbs) {
        return new DeploymentSettings(strategy, 100, 200, bake, linear, canary, breaker, DeployAlarms.NONE, hooks,
                lbs);
    }

    /** A new image tag on the service's first container, everything else as it is. */
    private DeployRequest newTag(String service, String tag, DeploymentSettings settings) {
        DeployTarget target = deploys.target(stage, ref(service));
        String container = target.taskDefinition().containers().get(0).name();
        String image = target.taskDefinition().containers().get(0).imageRepository() + ":" + tag;
        return new DeployRequest(ref(service), new RevisionSource.Changed(TaskDefinitionChange.images(Map.of(
                container, image))), OptionalInt.empty(), settings);
    }

    private DeploymentProgress deployAndFollow(DeployRequest request, Consumer<DeploymentProgress> onEachLook)
            throws InterruptedException {
        DeployStarted started = deploys.deploy(stage, deploys.preview(stage, request));
        Duration limit = Duration.ofHours(2);
        var end = sandbox.clock().now().plus(limit);
        return follower.follow(stage, started, onEachLook, () -> sandbox.clock().now().isAfter(end)).orElseThrow(
                () -> new AssertionError("not terminal within " + limit));
    }

    // ---- register from current ------------------------------------------------------------------------------

    @Test
    void aNewRevisionCarriesOverEveryFieldButTheImage() {
        EcsClient ecs = ecs();
        TaskDefinition rich = ecs.registerTaskDefinition(b -> b.family("carry-over").networkMode("bridge")
                .executionRoleArn("arn:aws:iam::333333333333:role/exec").taskRoleArn(
                        "arn:aws:iam::333333333333:role/task").cpu("512").memory("1024")
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.EC2)
                .placementConstraints(p -> p.type("memberOf").expression("attribute:ecs.instance-type =~ t3.*"))
                .volumes(v -> v.name("scratch").host(h -> h.sourcePath("/tmp/scratch")))
                .tags(t -> t.key("team").value("payments"))
                .containerDefinitions(c -> c.name("web").image("registry.example/web:1.0").cpu(256).memory(512)
                        .memoryReservation(256).essential(true)
                        .portMappings(p -> p.containerPort(8080).hostPort(0).protocol("tcp"))
                        .environment(e -> e.name("DB_PASSWORD").value("hunter2"), e -> e.name("MODE").value("live"))
                        .secrets(s -> s.name("API_TOKEN").valueFrom("arn:aws:ssm:us-east-1:333333333333:parameter/t"))
                        .command("serve", "--port", "8080").dockerLabels(Map.of("tier", "web"))
                        .healthCheck(h -> h.command("CMD-SHELL", "curl -f localhost:8080/health").interval(15)
                                .retries(3).timeout(5).startPeriod(30))
                        .logConfiguration(l -> l.logDriver("awslogs").options(Map.of("awslogs-group", "/ecs/web")))
                        .ulimits(u -> u.name("nofile").softLimit(1024).hardLimit(4096))
                        .mountPoints(m -> m.sourceVolume("scratch").containerPath("/scratch").readOnly(false)),
                        c -> c.name("envoy").image("public.ecr.aws/envoy:1.29").memory(128).essential(false))
        ).taskDefinition();

        TaskDefinitionSpec current = ecsDeploys.describeRevision(stage, rich.taskDefinitionArn());
        TaskDefinitionSpec next = NewRevision.of(current, TaskDefinitionChange.images(Map.of("web",
                "registry.example/web:2.0")));
        var registered = ecsDeploys.register(stage, next);

        assertThat(registered.requestId()).isNotBlank();
        assertThat(registered.result().revision()).isEqualTo(rich.revision() + 1);
        var described = ecs.describeTaskDefinition(b -> b.taskDefinition(registered.result().arn())
                .include(software.amazon.awssdk.services.ecs.model.TaskDefinitionField.TAGS));
        TaskDefinition after = described.taskDefinition();
        // Tags as ECS keeps them beside the definition (the sandbox keeps none for task definitions yet).
        assertThat(described.tags()).isEqualTo(ecs.describeTaskDefinition(b -> b.taskDefinition(
                rich.taskDefinitionArn()).include(software.amazon.awssdk.services.ecs.model.TaskDefinitionField.TAGS))
                .tags());
        assertThat(after.containerDefinitions().get(0).image()).isEqualTo("registry.example/web:2.0");
        assertThat(comparable(after)).isEqualTo(comparable(rich));
        assertThat(after.containerDefinitions().get(0).environment()).extracting(e -> e.name() + "=" + e.value())
                .containsExactly("DB_PASSWORD=hunter2", "MODE=live");
        assertThat(after.containerDefinitions().get(0).healthCheck().command())
                .containsExactly("CMD-SHELL", "curl -f localhost:8080/health");
    }

    /** A task definition with what must differ between revisions taken out. */
    private static TaskDefinition comparable(TaskDefinition td) {
        return td.toBuilder().taskDefinitionArn(null).revision(null).registeredAt(null).registeredBy(null)
                .containerDefinitions(td.containerDefinitions().stream().map(c -> c.toBuilder().image(null).build())
                        .toList()).build();
    }

    @Test
    void ecsValidationSaysWhichFieldItRejected() {
        TaskDefinitionSpec current = ecsDeploys.describeRevision(stage, deploys.target(stage, ref("api-webhooks"))
                .taskDefinition().arn());
        var web = current.containers().get(0);
        Map<String, String> fields = new java.util.TreeMap<>(web.otherFields());
        fields.remove("memory");
        fields.remove("memoryReservation");
        TaskDefinitionSpec bad = new TaskDefinitionSpec("", current.family(), 0, null, "", "", List.of(
                new io.harbormaster.model.deploy.ContainerSpec(web.name(), web.image(), web.environment(),
                        web.secrets(), fields)), current.otherFields());

        assertThatThrownBy(() -> ecsDeploys.register(stage, bad)).isInstanceOfSatisfying(OperatorException.class,
                e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.INVALID_INPUT);
                    assertThat(e.problem().title()).isEqualTo("AWS rejected memory");
                    assertThat(e.problem().message()).contains("registering a new revision of " + current.family());
                });
    }

    // ---- each strategy to SUCCESSFUL -------------------------------------------------------------------------

    @Test
    void aRollingDeployIsFollowedToSuccessfulAndJournalledInOrder() throws Exception {
        DeployRequest request = newTag("app-billing", "9.1.0", settings(DeployStrategy.ROLLING, 0, null, null,
                CircuitBreaker.ROLL_BACK, List.of(), List.of()));
        List<DeploymentStatus> seen = new ArrayList<>();

        DeploymentProgress done = deployAndFollow(request, p -> seen.add(p.deployment().status()));

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(seen).contains(DeploymentStatus.IN_PROGRESS);
        assertThat(done.service().runningCount()).isEqualTo(done.service().desiredCount());
        assertThat(done.events()).isNotEmpty();
        List<JournalEntry> lines = new ArrayList<>(journal.recent(100));
        java.util.Collections.reverse(lines);
        assertThat(lines).extracting(e -> e.record().phase()).containsExactly(JournalPhase.INTENT,
                JournalPhase.DONE, JournalPhase.INTENT, JournalPhase.DONE, JournalPhase.END);
        assertThat(lines.get(1).record().awsRequestId()).isNotBlank();
        assertThat(lines.get(3).record().awsRequestId()).isNotBlank();
        assertThat(lines.get(3).record().fact("serviceDeployment")).isEqualTo(done.deployment().arn());
        assertThat(lines.get(0).record().actor()).endsWith("/alice");
        assertThat(lines.get(4).record().fact("status")).isEqualTo("SUCCESSFUL");
        assertThat(deploys.history(stage, ref("app-billing"), 10).get(0)).satisfies(h -> {
            assertThat(h.fromThisConsole()).isTrue();
            assertThat(h.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
            assertThat(h.taskDefinitionArn()).isEqualTo(lines.get(2).record().fact("taskDefinition"));
        });
    }

    @Test
    void aBlueGreenDeployMovesAllTrafficBakesAndSucceeds() throws Exception {
        DeployRequest request = newTag("api-docs", "1.45.0", settings(DeployStrategy.BLUE_GREEN, 5, null, null,
                CircuitBreaker.ROLL_BACK, List.of(), advanced("api-docs")));
        List<LifecycleStage> stages = new ArrayList<>();
        List<Double> weights = new ArrayList<>();

        DeploymentProgress done = deployAndFollow(request, p -> {
            stages.add(p.deployment().lifecycleStage());
            weights.add(p.deployment().target().productionTrafficPercent());
        });

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(done.deployment().strategy()).isEqualTo(DeployStrategy.BLUE_GREEN);
        assertThat(stages).contains(LifecycleStage.BAKE_TIME);
        assertThat(weights).contains(100.0);
        assertThat(done.targetHealth()).hasSize(2).anySatisfy(h -> assertThat(h.healthy()).isPositive());
    }

    @Test
    void aLinearDeployStepsItsTrafficAndSucceeds() throws Exception {
        DeployRequest request = newTag("api-admin", "3.0.0", settings(DeployStrategy.LINEAR, 0,
                new LinearConfig(25, 2), null, CircuitBreaker.ROLL_BACK, List.of(), advanced("api-admin")));
        List<Double> weights = new ArrayList<>();

        DeploymentProgress done = deployAndFollow(request, p -> {
            double w = p.deployment().target().productionTrafficPercent();
            if (weights.isEmpty() || weights.get(weights.size() - 1) != w) {
                weights.add(w);
            }
        });

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(weights).containsSubsequence(25.0, 50.0, 75.0, 100.0);
    }

    @Test
    void aCanaryDeployShiftsItsShareThenTheRestAndSucceeds() throws Exception {
        DeployRequest request = newTag("app-sessions", "5.0.0", settings(DeployStrategy.CANARY, 1, null,
                new CanaryConfig(10, 3), CircuitBreaker.ROLL_BACK, List.of(), advanced("app-sessions")));
        List<Double> weights = new ArrayList<>();

        DeploymentProgress done = deployAndFollow(request, p -> {
            double w = p.deployment().target().productionTrafficPercent();
            if (weights.isEmpty() || weights.get(weights.size() - 1) != w) {
                weights.add(w);
            }
        });

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(weights).containsSubsequence(10.0, 100.0);
    }

    // ---- failures, pauses, rollbacks ------------------------------------------------------------------------

    @Test
    void aFaultyCanaryRollsBackWithTheStoppedTasksAsEvidence() throws Exception {
        DeployRequest request = newTag("app-websocket", "6.0.0-faulty", settings(DeployStrategy.CANARY, 5, null,
                new CanaryConfig(5, 5), CircuitBreaker.ROLL_BACK, List.of(), advanced("app-websocket")));

        DeploymentProgress done = deployAndFollow(request, p -> { });

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(done.deployment().circuitBreaker().triggered()).isTrue();
        assertThat(done.deployment().circuitBreaker().threshold()).isEqualTo(3);
        assertThat(done.failedTasks()).isNotEmpty().allSatisfy(t -> assertThat(t.stoppedReason())
                .contains("failed ELB health checks"));
        assertThat(done.failureEvidence()).anyMatch(l -> l.startsWith("Circuit breaker: "))
                .anyMatch(l -> l.contains("stopped: Task failed ELB health checks"));
        JournalRecord end = journal.recent(1).get(0).record();
        assertThat(end.phase()).isEqualTo(JournalPhase.END);
        assertThat(end.fact("status")).isEqualTo("ROLLBACK_SUCCESSFUL");
    }

    @Test
    void aPauseHookIsContinuedFromTheConsole() throws Exception {
        DeployRequest request = newTag("status-page", "2.0.0", settings(DeployStrategy.BLUE_GREEN, 0, null, null,
                CircuitBreaker.ROLL_BACK, List.of(LifecycleHook.pause(LifecycleStage.POST_SCALE_UP)),
                advanced("status-page")));
        AtomicReference<String> continued = new AtomicReference<>();

        DeploymentProgress done = deployAndFollow(request, p -> p.deployment().awaitingHook().ifPresent(h -> {
            if (continued.get() == null) {
                assertThat(p.deployment().target().productionTrafficPercent()).isEqualTo(0.0);
                deploys.answerHook(stage, ref("status-page"), p.deployment().arn(), h.hookId(), HookAction.CONTINUE);
                continued.set(h.hookId());
            }
        }));

        assertThat(continued.get()).isNotNull();
        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(journal.recent(100)).extracting(e -> e.record().summary())
                .anyMatch(s -> s.startsWith("ContinueServiceDeployment CONTINUE status-page"));
    }

    @Test
    void rollBackNowThenTheFinishedDeploymentSaysHowItEnded() throws Exception {
        DeployRequest request = newTag("api-graphql", "2.2.0", settings(DeployStrategy.BLUE_GREEN, 30, null, null,
                CircuitBreaker.ROLL_BACK, List.of(), advanced("api-graphql")));
        AtomicReference<String> stopped = new AtomicReference<>();

        DeploymentProgress done = deployAndFollow(request, p -> {
            if (stopped.get() == null && p.deployment().lifecycleStage() == LifecycleStage.BAKE_TIME) {
                deploys.rollbackNow(stage, ref("api-graphql"), p.deployment().arn());
                stopped.set(p.deployment().arn());
            }
        });

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(done.failureEvidence()).anyMatch(l -> l.contains("StopServiceDeployment"));
        assertThatThrownBy(() -> deploys.rollbackNow(stage, ref("api-graphql"), stopped.get()))
                .isInstanceOfSatisfying(OperatorException.class, e -> assertThat(e.problem().message())
                        .isEqualTo("The deployment already ended as ROLLBACK_SUCCESSFUL; there is nothing to stop or"
                                + " continue."));
    }

    @Test
    void anAlarmThatFiresDuringBakeRollsBackAndTheEvidenceNamesItWithItsValues() throws Exception {
        var cloudWatch = clients.cloudWatch(sessions.context(stage));
        cloudWatch.putMetricAlarm(b -> b.alarmName("admin-dashboard-errors").namespace("Harbormaster/Test")
                .metricName("Errors").statistic(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM)
                .period(60).evaluationPeriods(1).threshold(0.0).comparisonOperator(
                        software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD));
        DeploymentSettings watched = new DeploymentSettings(DeployStrategy.BLUE_GREEN, 100, 200, 20, null, null,
                CircuitBreaker.ROLL_BACK, new DeployAlarms(List.of("admin-dashboard-errors"), true, true), List.of(),
                advanced("admin-dashboard"));
        AtomicReference<Boolean> fired = new AtomicReference<>(false);

        DeploymentProgress done = deployAndFollow(newTag("admin-dashboard", "8.0.0", watched), p -> {
            if (!fired.get() && p.deployment().lifecycleStage() == LifecycleStage.BAKE_TIME) {
                var now = sandbox.clock().now();
                cloudWatch.putMetricData(b -> b.namespace("Harbormaster/Test").metricData(m -> m.metricName("Errors")
                        .value(7.0).timestamp(now)));
                fired.set(true);
            }
        });

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(done.deployment().alarms().triggeredAlarms()).containsExactly("admin-dashboard-errors");
        // The alarm may have left ALARM by the time the follower looks (no more data: INSUFFICIENT_DATA, as on AWS);
        // the evidence still carries the reason it gave when it fired, from its history.
        assertThat(done.alarms()).singleElement().satisfies(a -> assertThat(a.alarmReason()).contains("7.0"));
        assertThat(done.failureEvidence()).anyMatch(l -> l.startsWith("Alarm admin-dashboard-errors went to ALARM: ")
                && l.contains("7.0"));
    }

    // ---- restart --------------------------------------------------------------------------------------------

    @Test
    void anOpenDeployFromBeforeARestartIsFoundAndFollowedToItsEnd() throws Exception {
        DeployRequest request = newTag("feature-flags", "4.0.0", settings(DeployStrategy.BLUE_GREEN, 2, null, null,
                CircuitBreaker.ROLL_BACK, List.of(), advanced("feature-flags")));
        deploys.deploy(stage, deploys.preview(stage, request));
        sandbox.clock().advance(Duration.ofSeconds(30));

        // A new console on the same journal: what the app does at start-up.
        DeployService restarted = new DeployService(ecsDeploys, ecsDeploys, ecsDeploys, ecsDeploys, ecsDeploys,
                ecsDeploys, ecsDeploys, journal, () -> UUID.randomUUID().toString());
        DeploymentFollower again = new DeploymentFollower(ecsDeploys, evidence, restarted, Clock.systemUTC(),
                d -> sandbox.clock().advance(Duration.ofSeconds(10)), Duration.ofSeconds(10));
        List<OpenDeploy> open = restarted.openDeploys();
        assertThat(open).singleElement().satisfies(o -> assertThat(o.service()).isEqualTo(ref("feature-flags")));

        DeployStarted resumed = again.resume(stage, open.get(0)).orElseThrow();
        DeploymentProgress done = again.follow(stage, resumed, p -> { }, () -> false).orElseThrow();

        assertThat(done.deployment().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(restarted.openDeploys()).isEmpty();
    }

    @Test
    void anUpdateWhoseAnswerWasLostIsFoundThroughTheServicesCurrentDeployment() throws Exception {
        DeployRequest request = newTag("api-webhooks", "7.0.0", settings(DeployStrategy.ROLLING, 0, null, null,
                CircuitBreaker.ROLL_BACK, List.of(), List.of()));
        DeployStarted started = deploys.deploy(stage, deploys.preview(stage, request));
        // The console died after UpdateService was sent, before its answer was written: only the INTENTs remain.
        InMemoryWriteJournal crashed = new InMemoryWriteJournal(Clock.systemUTC());
        List<JournalEntry> lines = journal.operation(started.operationId());
        crashed.append(lines.get(0).record());
        crashed.append(lines.get(1).record());
        crashed.append(lines.get(2).record());
        DeployService restarted = new DeployService(ecsDeploys, ecsDeploys, ecsDeploys, ecsDeploys, ecsDeploys,
                ecsDeploys, ecsDeploys, crashed, () -> UUID.randomUUID().toString());
        DeploymentFollower again = new DeploymentFollower(ecsDeploys, evidence, restarted, Clock.systemUTC(),
                d -> sandbox.clock().advance(Duration.ofSeconds(10)), Duration.ofSeconds(10));
        OpenDeploy open = restarted.openDeploys().get(0);
        assertThat(open.updateSent()).isTrue();
        assertThat(open.serviceDeploymentArn()).isEmpty();

        DeployStarted resumed = again.resume(stage, open).orElseThrow();

        assertThat(resumed.serviceDeploymentArn()).isEqualTo(started.serviceDeploymentArn());
        assertThat(again.follow(stage, resumed, p -> { }, () -> false).orElseThrow().deployment().status())
                .isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(crashed.operation(started.operationId())).extracting(e -> e.record().phase())
                .containsExactly(JournalPhase.INTENT, JournalPhase.DONE, JournalPhase.INTENT, JournalPhase.NOTE,
                        JournalPhase.END);
    }
}
