package io.harbormaster.views.deploys;

import io.harbormaster.model.cost.ListPriceRefresh;
import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.views.shared.deploy.DeployButton;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.alarms.ListAlarms;
import io.harbormaster.model.deploy.SuggestRouting;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.deploys.wizard.DeployPricing;
import io.harbormaster.views.deploys.wizard.WizardTools;
import io.harbormaster.views.actions.Action;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageCommand;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Deploys page: start a deploy (the wizard), watch the ones this console follows live (also those taken up
 * again after a restart), a service's deploy history and the audit log. Other pages open the wizard by sending
 * {@link Destination.Deploy}.
 */
public final class DeploysPage implements Page {

    public static final String ID = "deploys";
    /** "Deploy…" from the View menu, its shortcut or the palette: the Deploys page, asking which service. */
    public static final Action DEPLOY = Action.of("deploy", "Deploy…", Material2AL.CLOUD_UPLOAD, "Shortcut+D",
            "Roll out a new image or revision to a service: choose it, then the wizard");
    /** How often the list of followed deploys is read again while the page shows (memory and the local journal). */
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** A cached list price older than this is fetched again before a preview is costed (as the Cost page does). */
    static final Period LIST_PRICE_MAX_AGE = Period.ofDays(7);

    private final PageContext context;
    private final DeploysViewModel viewModel;
    private final ObservableList<ServiceRef> services = FXCollections.observableArrayList();
    private final DeploysView.ComboBoxHolder chooser = new DeploysView.ComboBoxHolder();
    private Runnable stopRefreshing = () -> { };

    private DeploysPage(PageContext context, DeployDependencies deploys, EnterEnvironment enter,
                        SuggestRouting routing, DeployPricing pricing, ListAlarms alarms) {
        this.context = context;
        WizardTools.Factory wizards = WizardTools.factory(deploys, context.executor(), context.writeGuard(),
                context.dialogs(), this::fleetHere, () -> List.copyOf(context.environments()), enter,
                context.mfaPrompt(), routing, pricing, alarms);
        viewModel = new DeploysViewModel(deploys, () -> context.session().getValue(), context.executor(),
                context.writeGuard(), context.dialogs(), wizards, context.clock(), this::environmentName,
                this::refreshFleetNow);
        context.shown().addListener((o, was, shown) -> {
            stopRefreshing.run();
            if (shown) {
                viewModel.shown();
                stopRefreshing = context.repeater().every(REFRESH, viewModel::refresh);
            } else {
                stopRefreshing = () -> { };
            }
        });
        chooser.chosenProperty().addListener((o, a, chosen) -> {
            if (chosen != null && viewModel.choosingProperty().get()) {
                viewModel.open(List.of(chosen), "");
            }
        });
        context.fleet().dataProperty().addListener((o, a, data) -> fillServices(data));
        fillServices(context.fleet().data());
    }

    /**
     * @param enter      enters another environment to promote from it
     * @param routing    blue/green routing offered when a service has none set yet
     * @param prices     the Cost page's price book: what a deploy costs a month more or less
     * @param listPrices AWS's price list, for instance types the book has no fresh list price of
     */
    public static PageContribution contribution(DeployDependencies deploys, EnterEnvironment enter,
                                                SuggestRouting routing, PriceBook prices, ListPrices listPrices,
                                                ListAlarms alarms) {
        return PageContribution.of(ID, "Deploys", Material2MZ.PUBLISH, "Shortcut+Shift+D",
                "Roll out a new image, step by step, and watch it to ECS's own outcome",
                context -> new DeploysPage(context, deploys, enter, routing, (session, fleet) -> {
                    ListPriceRefresh.refresh(fleet, session, prices, listPrices, LocalDate.now(context.clock()),
                            LIST_PRICE_MAX_AGE);
                    return prices.pricesIn(session.region());
                }, alarms));
    }

    /** The fleet read again now; when a refresh is under way (it may have read the service before), once more after it. */
    private void refreshFleetNow() {
        FleetViewModel fleet = context.fleet();
        if (!fleet.refreshingProperty().get()) {
            fleet.refresh();
            return;
        }
        fleet.refreshingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    fleet.refresh();
                }
            }
        });
    }

    private String environmentName(String environmentId) {
        return context.environments().stream().filter(e -> e.id().equals(environmentId))
                .map(io.harbormaster.model.environment.Environment::displayName).findFirst().orElse(environmentId);
    }

    /** The fleet shown, when it is the current environment's (the fit check packs onto its hosts). */
    private FleetSnapshot fleetHere() {
        FleetData data = context.fleet().data();
        EnvironmentSession session = context.session().getValue();
        if (data == null || session == null || !data.snapshot().environmentId().equals(session.environment().id())) {
            return null;
        }
        return data.snapshot();
    }

    private void fillServices(FleetData data) {
        services.setAll(data == null ? List.of() : data.snapshot().services().stream()
                .sorted(Comparator.comparing(Service::name))
                .map(s -> new ServiceRef(io.harbormaster.model.fleet.Arns.name(s.clusterArn()), s.name())).toList());
    }

    @Override
    public PageView createView() {
        var button = DeployButton.create("deploys-new", context.writeGuard().permissionFor(context.session()),
                chooser.problem(), () -> viewModel.open(chooser.asList(), ""));
        return PageView.of(new DeploysView(viewModel, services, button, chooser));
    }

    /** "Deploy…" declared once: menu, shortcut and palette; disabled with the reason where writes are refused. */
    @Override
    public List<PageCommand> commands() {
        return List.of(new PageCommand(DEPLOY, this::chooseAndDeploy,
                context.writeGuard().permissionFor(context.session()).reason()));
    }

    /** Asks for the service on the page header; choosing one opens the wizard. */
    private void chooseAndDeploy() {
        viewModel.cancelWizard();
        chooser.chosenProperty().set(null);
        viewModel.askForService();
    }

    /** The fleet the fit check and the cost are worked out on, and the services offered, are as of this. */
    @Override
    public javafx.beans.value.ObservableValue<java.time.Instant> lastRefreshed() {
        return context.fleet().asOfProperty();
    }

    /** The fleet's services the page picks from and follows. */
    @Override
    public javafx.beans.value.ObservableValue<String> staleness() {
        return context.fleet().stalenessProperty();
    }

    @Override
    public boolean usesFleet() {
        return true;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
        viewModel.history().loadHistory();
    }

    @Override
    public boolean accepts(Destination destination) {
        return destination instanceof Destination.Deploy;
    }

    @Override
    public void open(Destination destination) {
        Destination.Deploy deploy = (Destination.Deploy) destination;
        viewModel.open(deploy.serviceArns().stream().map(arn -> new ServiceRef(deploy.cluster(), arn)).toList(),
                deploy.taskDefinition());
    }

    @Override
    public void hidden() {
        viewModel.hidden();
    }

    @Override
    public void environmentSwitched() {
        viewModel.cancelWizard();
        viewModel.history().serviceProperty().set(null);
        chooser.chosenProperty().set(null);
    }

    public DeploysViewModel viewModel() {
        return viewModel;
    }
}
