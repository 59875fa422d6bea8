package io.harbormaster.views.fuzz;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverLock;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.GateMetrics;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.ShiftWeights;
import io.harbormaster.model.cutover.SideHealth;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.testdata.ManualClock;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import io.harbormaster.views.cutovers.wizard.ShapeKind;
import io.harbormaster.views.deploys.wizard.ChangeStep;
import io.harbormaster.views.deploys.wizard.StrategyStep;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.guard.GuardFixtures;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.scale.ScaleServiceViewModel;
import io.harbormaster.views.scale.ScaleTarget;
import java.lang.System.Logger.Level;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Values typed into the wizards, generated: counts, percentages, weights' steps, durations, names, ARNs, image
 * references and environment edits — numbers out of range, exponents, NaN, Unicode digits, control characters,
 * strings to 1 MB, injections, nulls. Each one leaves its page either valid or with a short message saying what
 * is wrong; none throws (JavaFX hands a listener's exception to the thread's handler: it is watched), and nothing
 * is written — the scale is sent only for a count the page accepted, and the cutover's weights port is never called.
 */
class WizardInputFuzzTest {

    private static final System.Logger LOG = System.getLogger(WizardInputFuzzTest.class.getName());
    private static final int PER_FIELD = 250;
    private static final long SEED = 17;
    /** Longer than this is no longer a message an operator reads; an echo of 1 MB of input is not one. */
    private static final int MESSAGE_MAX = 400;

    private final Random random = new Random(SEED);
    private final List<Throwable> thrown = new ArrayList<>();
    private final List<String> unclear = new ArrayList<>();
    private final Map<String, int[]> counts = new TreeMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        ticker.shutdownNow();
    }

    @Test
    void everyTypedValueIsAcceptedOrExplainedNoneThrowsNothingIsWritten() {
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        try {
            changePage();
            strategyPage();
            scaleDialog();
            cutoverWizard();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
        int tried = counts.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        int refused = counts.values().stream().mapToInt(c -> c[1]).sum();
        LOG.log(Level.INFO, "wizard input fuzz: {0} tried, {1} accepted, {2} refused with a message, {3} thrown, {5} unclear;"
                + " per field (accepted/refused) {4}", tried, tried - refused, refused,
                thrown.size(), describe(), unclear.size());
        assertThat(thrown).as("thrown while typing").isEmpty();
        assertThat(unclear).as("blank or overlong messages").isEmpty();
        assertThat(tried).isGreaterThanOrEqualTo(5_000);
    }

    private String describe() {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(k).append(' ').append(v[0]).append('/').append(v[1]).append("; "));
        return b.toString();
    }

    /** Types each generated value into {@code field}; the page's message must be blank (valid) or short. */
    private void fuzz(String name, StringProperty field, Supplier<String> problem, Runnable whenValid) {
        int[] c = counts.computeIfAbsent(name, k -> new int[2]);
        String keep = field.get();
        for (int i = 0; i < PER_FIELD; i++) {
            String typed = Inputs.next(random);
            field.set(typed);
            String message = problem.get();
            assertThat(message).as(name + " = " + Inputs.shown(typed)).isNotNull();
            if (message.isEmpty()) {
                c[0]++;
                whenValid.run();
            } else {
                c[1]++;
                if (message.isBlank() || message.length() > MESSAGE_MAX) {
                    unclear.add(name + " = " + Inputs.shown(typed) + " says " + Inputs.shown(message));
                }
            }
        }
        field.set(keep);
    }

    private static DeployTarget target() {
        ContainerSpec web = new ContainerSpec("web", "registry.example.com/web:1.4.2",
                List.of(new EnvironmentVariable("LOG_LEVEL", "info")), List.of(), Map.of());
        TaskDefinitionSpec spec = new TaskDefinitionSpec("arn:td/web:3", "web", 3, null, "512", "1024",
                List.of(web), Map.of());
        LoadBalancerRouting lb = new LoadBalancerRouting("arn:tg/web", "web", 8080, "", "", "", "");
        return new DeployTarget(new ServiceRef("main", "web"), "arn:svc/web", spec, 2, 2,
                DeploymentSettings.rolling(List.of(lb)), "EC2", "ECS", List.of(), List.of(), "");
    }

    private void changePage() {
        ChangeStep change = new ChangeStep();
        change.load(target(), repository -> List.of());
        Supplier<String> problem = () -> change.problemProperty().get();
        Runnable nothing = () -> { };
        fuzz("deploy image", change.images().get(0).newImageProperty(), problem, nothing);
        change.images().get(0).newImageProperty().set("1.5.0");
        fuzz("deploy desired count", change.desiredProperty(), problem, nothing);
        fuzz("deploy task cpu", change.cpuProperty(), problem, nothing);
        fuzz("deploy task memory", change.memoryProperty(), problem, nothing);
        fuzz("deploy environment edits", change.environmentEditsProperty(), problem, nothing);
        change.modeProperty().set(ChangeStep.Mode.EXISTING_REVISION);
        fuzz("deploy revision", change.revisionProperty(), problem, nothing);
    }

    private void strategyPage() {
        StrategyStep strategy = new StrategyStep();
        strategy.load(target().settings());
        Supplier<String> problem = () -> strategy.problemProperty().get();
        Runnable nothing = () -> { };
        fuzz("deploy minimum healthy %", strategy.minimumHealthyProperty(), problem, nothing);
        fuzz("deploy maximum %", strategy.maximumProperty(), problem, nothing);
        fuzz("deploy alarms", strategy.alarmsProperty(), problem, nothing);
        // traffic-shifting strategies need the load balancer's blue/green routing: given, so the numbers are judged
        strategy.alternateTargetGroupProperty().set("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web-alt/1");
        strategy.productionRuleProperty().set("arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/a/1/2/3");
        strategy.roleProperty().set("arn:aws:iam::1:role/ecsInfrastructureRoleForLoadBalancers");
        strategy.strategyProperty().set(DeployStrategy.LINEAR);
        fuzz("deploy bake minutes", strategy.bakeProperty(), problem, nothing);
        fuzz("deploy linear step %", strategy.stepPercentProperty(), problem, nothing);
        fuzz("deploy linear step bake", strategy.stepBakeProperty(), problem, nothing);
        strategy.strategyProperty().set(DeployStrategy.CANARY);
        fuzz("deploy canary %", strategy.canaryPercentProperty(), problem, nothing);
        fuzz("deploy canary bake", strategy.canaryBakeProperty(), problem, nothing);
        strategy.strategyProperty().set(DeployStrategy.BLUE_GREEN);
        fuzz("deploy alternate target group", strategy.alternateTargetGroupProperty(), problem, nothing);
        fuzz("deploy production rule", strategy.productionRuleProperty(), problem, nothing);
        fuzz("deploy role", strategy.roleProperty(), problem, nothing);
    }

    private void scaleDialog() {
        List<ScaleServiceCommand> sent = new ArrayList<>();
        var session = GuardFixtures.as(DEV, "admin", "alice");
        WriteGuard guard = new WriteGuard(new SimpleObjectProperty<>(session), request -> true);
        ScaleTarget web = new ScaleTarget("arn:aws:ecs:eu-west-1:1:cluster/main",
                "arn:aws:ecs:eu-west-1:1:service/main/web", 2);
        int[] accepted = new int[1];
        for (int i = 0; i < PER_FIELD * 4; i++) {
            ScaleServiceViewModel vm = new ScaleServiceViewModel(session, web, (s, command) -> sent.add(command),
                    guard, new CurrentThreadTaskExecutor(), new RecordingDialogs(), () -> { });
            String typed = Inputs.next(random);
            vm.desiredProperty().set(typed);
            String message = vm.validationMessageProperty().get();
            boolean valid = message.isEmpty();
            int[] c = counts.computeIfAbsent("scale desired count", k -> new int[2]);
            c[valid ? 0 : 1]++;
            if (!valid && message.length() > MESSAGE_MAX) {
                unclear.add("scale desired count = " + Inputs.shown(typed) + " says " + Inputs.shown(message));
            }
            vm.previewProperty().get();
            vm.submit();
            accepted[0] += valid ? 1 : 0;
            assertThat(sent).as("a scale is sent only for a count the dialog accepted").hasSize(accepted[0]);
        }
        assertThat(sent).allSatisfy(c -> assertThat(c.desiredCount()).isBetween(0, ScaleServiceCommand.MAX_DESIRED));
    }

    private void cutoverWizard() {
        ManualClock clock = new ManualClock(Instant.parse("2031-05-04T03:00:00Z"));
        CutoverService service = new CutoverService(new CutoverService.Ports(session -> List.of(),
                unused(ShiftWeights.class), unused(CutoverLock.class), unused(GateMetrics.class),
                (route, candidates) -> List.of(), unused(SideHealth.class), null, id -> {
                    throw new AssertionError("no environment is entered while planning");
                }, new InMemoryWriteJournal(clock), clock), "alice", "desk", ticker, Duration.ofHours(1));
        Route53WeightedRecord api = new Route53WeightedRecord("prod", "Z1", "example.com.", "api.example.com.",
                "A", 60, true, List.of(new WeightedTarget("blue", "blue", "a.elb", 100),
                        new WeightedTarget("green", "green", "b.elb", 0)));
        CutoverWizardViewModel wizard = new CutoverWizardViewModel(api, service, new QueuedTaskExecutor(),
                List.of("prod"), session -> Optional.empty());
        Supplier<String> problem = () -> wizard.planErrorProperty().get();
        Runnable preview = () -> {
            wizard.previewSteps();
            wizard.earliestFinish();
        };
        fuzz("cutover bake seconds", wizard.bakeSecondsProperty(), problem, preview);
        fuzz("cutover window minutes", wizard.windowMinutesProperty(), problem, preview);
        fuzz("cutover margin seconds", wizard.marginSecondsProperty(), problem, preview);
        fuzz("cutover alarms", wizard.alarmsProperty(), problem, preview);
        fuzz("cutover gate warning", wizard.rules().get(0).warningProperty(), problem, preview);
        fuzz("cutover gate critical", wizard.rules().get(0).criticalProperty(), problem, preview);
        wizard.shapeProperty().set(ShapeKind.LINEAR);
        fuzz("cutover linear step %", wizard.linearEveryProperty(), problem, preview);
        wizard.shapeProperty().set(ShapeKind.CANARY);
        fuzz("cutover canary %", wizard.canaryPercentProperty(), problem, preview);
        wizard.shapeProperty().set(ShapeKind.CUSTOM);
        fuzz("cutover custom steps", wizard.customStepsProperty(), problem, preview);
        service.close();
    }

    /** A port that must not be called while typing: nothing is written. */
    private static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " called while typing");
        }));
    }
}
