package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.error.Quoted;
import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverPlanner;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.cutover.PlanShape;
import io.harbormaster.model.cutover.PreflightCheck;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cutover wizard's state: from → to with the pre-flight checks, the plan's shape and bake, the gates, and the
 * plan they make (rebuilt on every change, with the reason when they make none). Four pages; the start is the page
 * view-model's (it asks the write guard). Lives on the UI thread; AWS is read through the executor.
 */
public final class CutoverWizardViewModel {

    /** The wizard's pages in order. */
    public static final List<String> PAGES = List.of("From → to", "Plan", "Gates", "Preview and confirm");

    private final CutoverService service;
    private final TaskExecutor executor;
    private final List<String> environmentIds;
    private final Function<EnvironmentSession, Optional<String>> refusal;
    private final String cutoverId = UUID.randomUUID().toString();
    private final WeightedRoute route;

    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final StringProperty fromId = new SimpleStringProperty();
    private final StringProperty toId = new SimpleStringProperty();
    private final ObservableList<CutoverSide> sides = FXCollections.observableArrayList();
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preflightStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refusedBecause = new ReadOnlyStringWrapper("");
    private final ObjectProperty<EnvironmentSession> routeSession = new SimpleObjectProperty<>();

    private final ObjectProperty<ShapeKind> shape = new SimpleObjectProperty<>(ShapeKind.LINEAR);
    private final StringProperty canaryPercent = new SimpleStringProperty("5");
    private final StringProperty linearEvery = new SimpleStringProperty("25");
    private final StringProperty customSteps = new SimpleStringProperty("1, 5, 25, 50, 100");
    private final StringProperty bakeSeconds = new SimpleStringProperty("300");

    private final ObservableList<GateRuleRow> rules = FXCollections.observableArrayList();
    private final StringProperty alarms = new SimpleStringProperty("");
    private final ObjectProperty<NoDataPolicy> noData = new SimpleObjectProperty<>(NoDataPolicy.FAIL);
    private final StringProperty windowMinutes = new SimpleStringProperty("5");
    private final StringProperty marginSeconds = new SimpleStringProperty("30");
    private final BooleanProperty rollbackOnCritical = new SimpleBooleanProperty(true);
    private final BooleanProperty pauseOnWarning = new SimpleBooleanProperty(true);
    private final BooleanProperty pauseEveryStep = new SimpleBooleanProperty(false);

    private final ReadOnlyObjectWrapper<CutoverPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper planError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper startProblem = new ReadOnlyStringWrapper("");

    /**
     * @param environmentIds where the sides' load balancers are looked for
     * @param refusal        why writes are refused in an environment (the write guard's), if they are
     */
    public CutoverWizardViewModel(WeightedRoute route, CutoverService service, TaskExecutor executor,
            List<String> environmentIds, Function<EnvironmentSession, Optional<String>> refusal) {
        this.route = route;
        this.service = service;
        this.executor = executor;
        this.environmentIds = List.copyOf(environmentIds);
        this.refusal = refusal;
        rules.addAll(
                new GateRuleRow(GateMetric.FIVE_XX_RATE, true, GateRule.Scope.BOTH, 1, 5),
                new GateRuleRow(GateMetric.P99_LATENCY, true, GateRule.Scope.BOTH, 500, 1500),
                // a minimum: one host left (no redundancy) warns, none left is critical
                new GateRuleRow(GateMetric.HEALTHY_HOSTS, true, GateRule.Scope.TARGET, 2, 1),
                new GateRuleRow(GateMetric.REQUEST_COUNT, false, GateRule.Scope.TARGET, 1, 0));
        // traffic leaves the heaviest side for the lightest by default
        List<String> byWeight = route.targets().stream().sorted((a, b) -> Integer.compare(b.weight(), a.weight()))
                .map(t -> t.id()).toList();
        fromId.set(byWeight.get(0));
        toId.set(byWeight.get(byWeight.size() - 1));
        List<Observable> inputs = new ArrayList<>(List.of(fromId, toId, sides, shape, canaryPercent, linearEvery,
                customSteps, bakeSeconds, alarms, noData, windowMinutes, marginSeconds, rollbackOnCritical,
                pauseOnWarning, pauseEveryStep));
        for (GateRuleRow r : rules) {
            inputs.addAll(List.of(r.enabledProperty(), r.scopeProperty(), r.warningProperty(), r.criticalProperty()));
        }
        inputs.forEach(o -> o.addListener(x -> replan()));
        replan();
        resolve();
    }

    /** Finds where each side lives and the route environment's session, then runs the pre-flight checks. */
    private void resolve() {
        preflightStatus.set("Finding each side's load balancer…");
        executor.submit(BackgroundTask.of("Resolving the sides of " + route.displayName(), () -> new Resolved(
                service.resolve(route, environmentIds), service.session(route.environmentId())))
                .onSuccess(r -> {
                    routeSession.set(r.session());
                    refusedBecause.set(refusal.apply(r.session()).orElse(""));
                    sides.setAll(r.sides());
                    checkAgain();
                })
                .onFailure(p -> preflightStatus.set("Sides not resolved — " + p.title() + ": " + p.message())));
    }

    private record Resolved(List<CutoverSide> sides, EnvironmentSession session) {
    }

    /**
     * Each step's line with the time it would be done if started now, "now" being the runner's clock (the sandbox's
     * in a sandbox session), so the preview and the run agree however fast that clock goes. Empty without a plan.
     */
    public List<String> previewSteps() {
        CutoverPlan p = plan.get();
        return p == null ? List.of() : RouteText.steps(p, service.clock().instant());
    }

    /** The earliest the plan could finish if started now, on the runner's clock; blank without a plan. */
    public String earliestFinish() {
        CutoverPlan p = plan.get();
        return p == null ? "" : RouteText.earliestFinish(p, service.clock().instant());
    }

    /** Runs the pre-flight checks for the plan as it stands. */
    public void checkAgain() {
        CutoverPlan p = plan.get();
        if (p == null || sides.isEmpty()) {
            preflightStatus.set(p == null ? "No plan to check: " + planError.get() : "Sides not resolved yet");
            return;
        }
        preflightStatus.set("Checking " + RouteText.side(p, p.toId()) + "…");
        checks.clear();
        executor.submit(BackgroundTask.of("Pre-flight checks of " + route.displayName(), () -> service.preflight(p))
                .onSuccess(found -> {
                    checks.setAll(found);
                    long failed = found.stream().filter(c -> !c.passed()).count();
                    preflightStatus.set(failed == 0 ? "All " + found.size() + " checks passed"
                            : failed + " of " + found.size() + " checks failed");
                })
                .onFailure(pr -> preflightStatus.set("Checks not run — " + pr.title() + ": " + pr.message())));
    }

    private void replan() {
        try {
            if (fromId.get() == null || toId.get() == null || fromId.get().equals(toId.get())) {
                throw new IllegalArgumentException("Choose two different sides: the one traffic leaves and the one"
                        + " it goes to");
            }
            Duration bake = Duration.ofSeconds(positive(bakeSeconds.get(), "Bake"));
            plan.set(CutoverPlanner.plan(cutoverId, route, fromId.get(), toId.get(), shape(), bake, gates(),
                    List.copyOf(sides)));
            planError.set("");
        } catch (IllegalArgumentException e) {
            plan.set(null);
            planError.set(e.getMessage());
        }
    }

    private PlanShape shape() {
        return switch (shape.get()) {
            case CANARY -> new PlanShape.Canary(number(canaryPercent.get(), "Canary share"));
            case LINEAR -> new PlanShape.Linear(number(linearEvery.get(), "Linear step"));
            case CUSTOM -> new PlanShape.Custom(Arrays.stream(java.util.Objects.toString(customSteps.get(), "").split("[,\\s]+"))
                    .filter(s -> !s.isBlank()).map(s -> number(s, "Custom step")).toList());
        };
    }

    private GatePolicy gates() {
        List<GateRule> on = rules.stream().map(GateRuleRow::rule).flatMap(Optional::stream).toList();
        // comma separated, as the field says: a CloudWatch alarm's name may hold spaces
        List<String> alarmNames = Arrays.stream(java.util.Objects.toString(alarms.get(), "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (on.isEmpty() && alarmNames.isEmpty()) {
            throw new IllegalArgumentException("Gates: switch on at least one metric or name an alarm");
        }
        return new GatePolicy(on, alarmNames, noData.get(), Duration.ofMinutes(positive(windowMinutes.get(),
                "Window")), Duration.ofSeconds(positive(marginSeconds.get(), "Margin")), rollbackOnCritical.get(),
                pauseOnWarning.get(), pauseEveryStep.get(), Duration.ofMinutes(10));
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text.trim().replace("%", ""));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " must be a number, was " + Quoted.of(text));
        }
    }

    private static long positive(String text, String what) {
        double v = number(text, what);
        // a billion is past any bake, window or margin, and far from overflowing a Duration in minutes
        if (v < 0 || v != Math.rint(v) || v > 1e9) {
            throw new IllegalArgumentException(what + " must be a whole number from 0 to 1,000,000,000, was "
                    + Quoted.of(text));
        }
        return (long) v;
    }

    /** Next page, when this one lets the operator on. */
    public void next() {
        if (page.get() < PAGES.size() - 1) {
            page.set(page.get() + 1);
        }
    }

    public void back() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
        }
    }

    /** Whether the cutover can start now: writable, a plan, the sides resolved, not starting already. */
    public BooleanBinding startableProperty() {
        return Bindings.createBooleanBinding(() -> blocked().isEmpty(), plan, refusedBecause, sides, routeSession,
                starting);
    }

    /** Why the cutover cannot start now, or that it is starting, or why the last start failed; blank otherwise. */
    public String startBlockedBecause() {
        String blocked = blocked();
        return blocked.isEmpty() ? startProblem.get() : blocked;
    }

    /**
     * Starts the plan in the background: its first journal line is written there (the driver writes to AWS only
     * after it), with Start off and the start said meanwhile; {@code started} gets the runner on the UI thread.
     * Call on the UI thread.
     */
    public void start(Consumer<CutoverRunner> started) {
        CutoverPlan toStart = plan.get();
        if (toStart == null || !blocked().isEmpty()) {
            return;
        }
        startProblem.set("");
        starting.set(true);
        executor.submit(BackgroundTask.of("Starting the cutover of " + route.displayName(),
                () -> service.start(toStart)).onSuccess(runner -> {
                    starting.set(false);
                    started.accept(runner);
                }).onFailure(p -> {
                    startProblem.set("Not started — " + p.title() + ": " + p.message());
                    starting.set(false);
                }));
    }

    /** True from {@link #start} until the cutover runs or its start failed. */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    private String blocked() {
        if (starting.get()) {
            return "Starting: writing the plan to the journal, then the first step to AWS…";
        }
        if (!refusedBecause.get().isEmpty()) {
            return refusedBecause.get();
        }
        if (plan.get() == null) {
            return planError.get();
        }
        if (routeSession.get() == null || sides.isEmpty()) {
            return "Still finding where each side lives";
        }
        return "";
    }

    public WeightedRoute route() {
        return route;
    }

    public EnvironmentSession routeSession() {
        return routeSession.get();
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public StringProperty fromIdProperty() {
        return fromId;
    }

    public StringProperty toIdProperty() {
        return toId;
    }

    public ObservableList<CutoverSide> sides() {
        return sides;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public ReadOnlyStringProperty preflightStatusProperty() {
        return preflightStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refusedBecauseProperty() {
        return refusedBecause.getReadOnlyProperty();
    }

    public ObjectProperty<ShapeKind> shapeProperty() {
        return shape;
    }

    public StringProperty canaryPercentProperty() {
        return canaryPercent;
    }

    public StringProperty linearEveryProperty() {
        return linearEvery;
    }

    public StringProperty customStepsProperty() {
        return customSteps;
    }

    public StringProperty bakeSecondsProperty() {
        return bakeSeconds;
    }

    public ObservableList<GateRuleRow> rules() {
        return rules;
    }

    public StringProperty alarmsProperty() {
        return alarms;
    }

    public ObjectProperty<NoDataPolicy> noDataProperty() {
        return noData;
    }

    public StringProperty windowMinutesProperty() {
        return windowMinutes;
    }

    public StringProperty marginSecondsProperty() {
        return marginSeconds;
    }

    public BooleanProperty rollbackOnCriticalProperty() {
        return rollbackOnCritical;
    }

    public BooleanProperty pauseOnWarningProperty() {
        return pauseOnWarning;
    }

    public BooleanProperty pauseEveryStepProperty() {
        return pauseEveryStep;
    }

    public ReadOnlyObjectProperty<CutoverPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planErrorProperty() {
        return planError.getReadOnlyProperty();
    }
}
