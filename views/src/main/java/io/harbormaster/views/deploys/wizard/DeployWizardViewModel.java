package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.deploy.DeployPreview;
import io.harbormaster.model.deploy.DeployRequest;
import io.harbormaster.model.deploy.DeployStarted;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.fit.CostChange;
import io.harbormaster.model.deploy.fit.FitResult;
import io.harbormaster.model.deploy.fit.PeakDemand;
import io.harbormaster.model.deploy.fit.ServiceFit;
import io.harbormaster.model.deploy.fit.SpecShape;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.guard.WriteGuard;
import io.harbormaster.views.guard.WriteRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The deploy wizard's state: which page, the service as it is (read in the background), the Change and Strategy
 * pages' models, the preview and the fit check (computed off the UI thread on reaching the Preview page), and the
 * deploy itself, sent only from the last page through the write guard. Nothing is written before {@link #deploy()}.
 */
public final class DeployWizardViewModel {

    public enum Step {
        CHANGE("What changes"), STRATEGY("Strategy"), PREVIEW("Preview"), CONFIRM("Confirm");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum State { LOADING, EDITING, DEPLOYING, DONE }

    private static final System.Logger LOG = System.getLogger(DeployWizardViewModel.class.getName());

    private final EnvironmentSession session;
    private final ServiceRef service;
    private final WizardTools tools;
    private final ChangeStep change = new ChangeStep();
    private final StrategyStep strategy = new StrategyStep();
    private final PromoteStep promote;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.CHANGE);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper(this, "loadProblem", "");
    private final ReadOnlyObjectWrapper<DeployPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper(this, "previewProblem", "");
    private final ReadOnlyObjectWrapper<FitResult> fit = new ReadOnlyObjectWrapper<>(this, "fit");
    private final ReadOnlyStringWrapper fitStatus = new ReadOnlyStringWrapper(this, "fitStatus", "");
    private final ReadOnlyObjectWrapper<CostChange> cost = new ReadOnlyObjectWrapper<>(this, "cost");
    private final StringBinding problem;
    private final BooleanBinding canNext;
    private final BooleanBinding canDeploy;
    private final String refusal;
    private final LatestWins previewing;
    private boolean previewCancelled;

    public DeployWizardViewModel(EnvironmentSession session, ServiceRef service, WizardTools tools) {
        this.session = Objects.requireNonNull(session, "session");
        this.service = Objects.requireNonNull(service, "service");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.promote = new PromoteStep(session, service, tools, change);
        this.previewing = new LatestWins(tools.executor());
        refusal = tools.guard().refusal(session).orElse("");
        problem = Bindings.createStringBinding(this::explain, step, state, loadProblem, change.problemProperty(),
                strategy.problemProperty(), preview, previewProblem);
        canNext = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && step.get() != Step.CONFIRM
                && state.get() == State.EDITING, problem, step, state);
        canDeploy = Bindings.createBooleanBinding(() -> step.get() == Step.CONFIRM && state.get() == State.EDITING
                && preview.get() != null && refusal.isEmpty(), step, state, preview);
    }

    /** Reads the service as it is now; call once, when the wizard opens. */
    public void load() {
        tools.executor().submit(BackgroundTask.of("Reading " + service.serviceName() + " for a deploy",
                        () -> tools.deploys().service().target(session, service))
                .onSuccess(this::loaded)
                .onFailure(p -> loadProblem.set(p.message() + (p.nextStep().isBlank() ? "" : " — " + p.nextStep()))));
    }

    void loaded(DeployTarget target) {
        if (!target.ecsControlled()) {
            loadProblem.set(service.serviceName() + " is deployed by " + target.deploymentController()
                    + ", not ECS: its deploys are not started here");
            return;
        }
        change.load(target, this::imagesInFleet);
        strategy.load(tools.deploys().defaults().recall(session.environment().id(), service,
                target.settings().loadBalancers()).orElse(target.settings()));
        state.set(State.EDITING);
        List<String> targetGroups = target.settings().loadBalancers().stream()
                .map(io.harbormaster.model.deploy.LoadBalancerRouting::targetGroupArn).filter(a -> !a.isEmpty())
                .toList();
        tools.executor().submit(BackgroundTask.of("Reading the alarms of " + session.environment().displayName(),
                        () -> tools.alarms().alarms(session)).quietly()
                .onSuccess(all -> strategy.offerAlarms(io.harbormaster.model.alarms.ServiceAlarms.of(all,
                        service.clusterName(), service.serviceName(), targetGroups),
                        all.stream().map(io.harbormaster.model.alarms.Alarm::name).toList())));
        if (target.settings().loadBalancers().stream().anyMatch(lb -> !lb.hasAdvanced())) {
            tools.executor().submit(BackgroundTask.of("Looking for " + service.serviceName()
                            + "'s alternate target group", () -> tools.routing().suggest(session,
                            target.settings().loadBalancers())).quietly()
                    .onSuccess(strategy::offerRouting));
        }
    }

    /** Starts with an earlier revision chosen (roll back to it: a new deploy, previewed like any). */
    public void preselectRevision(String taskDefinition) {
        change.modeProperty().set(ChangeStep.Mode.EXISTING_REVISION);
        change.revisionProperty().set(taskDefinition);
    }

    /** Images of the same repository the fleet runs, newest first, to pick a tag from. */
    List<String> imagesInFleet(String repository) {
        FleetSnapshot fleet = tools.fleet().get();
        if (fleet == null) {
            return List.of();
        }
        return fleet.taskDefinitions().values().stream().flatMap(d -> d.containers().stream())
                .map(io.harbormaster.model.fleet.ContainerDefinition::image)
                .filter(i -> i.startsWith(repository + ":")).distinct()
                .sorted(Comparator.reverseOrder()).limit(20).toList();
    }

    private String explain() {
        if (!loadProblem.get().isEmpty()) {
            return loadProblem.get();
        }
        if (state.get() == State.LOADING) {
            return "Reading " + service.serviceName() + "…";
        }
        return switch (step.get()) {
            case CHANGE -> change.problemProperty().get();
            case STRATEGY -> strategy.problemProperty().get();
            case PREVIEW -> !previewProblem.get().isEmpty() ? previewProblem.get()
                    : preview.get() == null ? "Working out the preview…" : "";
            case CONFIRM -> refusal;
        };
    }

    public void next() {
        if (!canNext.get()) {
            return;
        }
        Step now = step.get();
        Step following = Step.values()[now.ordinal() + 1];
        step.set(following);
        if (following == Step.PREVIEW) {
            computePreview();
        }
    }

    public void back() {
        if (step.get().ordinal() > 0 && state.get() == State.EDITING) {
            step.set(Step.values()[step.get().ordinal() - 1]);
        }
    }

    /** The request as the pages say now. */
    DeployRequest request() {
        return change.request(strategy.settings());
    }

    /**
     * The page went out of sight: the preview's reads and fit check stop (nothing would show them). Shown again on
     * the Preview page, {@link #shown()} works it out anew.
     */
    public void hidden() {
        if (previewing.isBusy()) {
            previewing.cancel();
            previewCancelled = true;
        }
    }

    /** The wizard is closed without deploying: whatever it still reads stops. */
    public void close() {
        previewing.cancel();
        previewCancelled = false;
    }

    /** The page is in sight again: a preview cancelled while it was hidden is worked out now. */
    public void shown() {
        if (previewCancelled && step.get() == Step.PREVIEW && state.get() == State.EDITING) {
            computePreview();
        }
    }

    private void computePreview() {
        previewCancelled = false;
        LatestWins.Turn turn = previewing.next();
        preview.set(null);
        previewProblem.set("");
        fit.set(null);
        cost.set(null);
        DeployRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            previewProblem.set(e.getMessage());
            return;
        }
        DeployTarget target = change.target();
        fitStatus.set("Checking whether the new tasks fit on today's hosts…");
        FleetSnapshot fleet = tools.fleet().get();
        turn.submit(BackgroundTask.of("Previewing the deploy of " + service.serviceName(), () -> {
            DeployPreview p = tools.deploys().service().preview(target, session, request);
            return new Previewed(p, fitOf(fleet, p), costOf(fleet, p, this::prices));
        }).onSuccess(done -> {
            preview.set(done.preview());
            fit.set(done.fit().orElse(null));
            cost.set(done.cost().orElse(null));
            fitStatus.set(done.fit().map(FitResult::summary).orElse("The fit check needs the fleet's hosts:"
                    + " open the Services page once so the fleet is loaded"));
        }).onFailure(p -> {
            previewProblem.set(p.message());
            fitStatus.set("");
        }));
    }

    private record Previewed(DeployPreview preview, Optional<FitResult> fit, Optional<CostChange> cost) {
    }

    /** The fit check at the strategy's peak; empty when the fleet shown is not this environment's or lacks it. */
    static Optional<FitResult> fitOf(FleetSnapshot fleet, DeployPreview p) {
        return serviceIn(fleet, p).map(svc -> ServiceFit.check(fleet, svc, SpecShape.of(p.newRevision()),
                peakExtra(p)));
    }

    /**
     * What the deploy changes in the service's monthly bill on today's hosts at their prices; empty when the fleet
     * shown is not this environment's or lacks the service.
     */
    static Optional<CostChange> costOf(FleetSnapshot fleet, DeployPreview p,
                                       java.util.function.Function<FleetSnapshot, HostPrices> prices) {
        return serviceIn(fleet, p).map(svc -> CostChange.of(fleet, svc, SpecShape.of(p.target().taskDefinition()),
                SpecShape.of(p.newRevision()), p.target().desiredCount(), p.desiredCount(), peakExtra(p),
                prices.apply(fleet)));
    }

    private static Optional<Service> serviceIn(FleetSnapshot fleet, DeployPreview p) {
        return fleet == null ? Optional.empty() : fleet.service(p.target().serviceArn());
    }

    /** The extra tasks at the strategy's peak: maximum percent for rolling, a whole second set otherwise. */
    private static int peakExtra(DeployPreview p) {
        return p.request().settings().strategy() == DeployStrategy.ROLLING
                ? PeakDemand.rolling(p.desiredCount(), p.request().settings().maximumPercent())
                : PeakDemand.secondSet(p.desiredCount());
    }

    /** The price book's prices (list prices fetched first where needed); the cached ones when the fetch fails. */
    private HostPrices prices(FleetSnapshot fleet) {
        try {
            return tools.pricing().pricesFor(session, fleet);
        } catch (RuntimeException notFetched) {
            LOG.log(System.Logger.Level.INFO, "Could not fetch list prices for a deploy's preview; it is costed"
                    + " without them", notFetched);
            return DeployPricing.NONE.pricesFor(session, fleet);
        }
    }

    /**
     * Sends the deploy: through the write guard (refused read-only, the name typed in production), then registers
     * the revision and updates the service in the background; the deploy is followed from then on.
     */
    public void deploy() {
        if (!canDeploy.get()) {
            return;
        }
        DeployPreview p = preview.get();
        WriteGuard.Verdict verdict = tools.guard().check(session, new WriteRequest("Deploy", service.serviceName(),
                summary(p)));
        if (verdict != WriteGuard.Verdict.APPROVED) {
            return;
        }
        state.set(State.DEPLOYING);
        tools.executor().submit(BackgroundTask.of("Deploying " + service.serviceName() + " in "
                        + session.environment().displayName(), () -> {
                    DeployStarted started = tools.deploys().service().deploy(session, p);
                    tools.deploys().defaults().remember(session.environment().id(), service,
                            p.request().settings());
                    tools.deploys().followed().follow(session, started);
                    return started;
                })
                .onSuccess(started -> {
                    state.set(State.DONE);
                    tools.started().accept(started);
                })
                .onFailure(problemSeen -> {
                    tools.guard().writeFailed(session, problemSeen);
                    state.set(State.EDITING);
                    tools.dialogs().showProblem(problemSeen);
                }));
    }

    /** The deploy in a few lines, for the confirmation. */
    public static String summary(DeployPreview p) {
        StringBuilder s = new StringBuilder();
        s.append(p.request().settings().strategy()).append(" deploy of ").append(p.target().service().serviceName())
                .append(": ").append(p.target().taskDefinition().familyRevision()).append(" → ")
                .append(p.registersNewRevision() ? "a new revision of " + p.newRevision().family()
                        : p.newRevision().familyRevision());
        if (p.request().revision() instanceof RevisionSource.Changed) {
            p.newRevision().imagesByContainer().forEach((c, i) -> {
                String before = p.target().taskDefinition().container(c).map(x -> x.image()).orElse("");
                if (!before.equals(i)) {
                    s.append("\n").append(c).append(": ").append(before).append(" → ").append(i);
                }
            });
        }
        s.append("\n").append(p.desiredCount()).append(" tasks");
        return s.toString();
    }

    public EnvironmentSession session() {
        return session;
    }

    public ServiceRef service() {
        return service;
    }

    public ChangeStep change() {
        return change;
    }

    public StrategyStep strategy() {
        return strategy;
    }

    public PromoteStep promote() {
        return promote;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeployPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FitResult> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    /** What the deploy costs a month more or less; null until the preview is in or without the fleet's hosts. */
    public ReadOnlyObjectProperty<CostChange> costProperty() {
        return cost.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fitStatusProperty() {
        return fitStatus.getReadOnlyProperty();
    }

    /** Why the wizard cannot go on from this page; empty when it can. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canDeployProperty() {
        return canDeploy;
    }

    /** Why this environment takes no writes; empty when it does. */
    public String refusal() {
        return refusal;
    }
}
