package io.harbormaster.views.cost;

import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.material2.Material2AL;

/** The Cost page: what each service and cluster of the fleet costs a month, and what repacking would save. */
public final class CostPage extends FleetPage {

    public static final String ID = "cost";

    private final CostViewModel viewModel;

    private final EnvironmentsCostViewModel environments;
    private final ScalingViewModel scaling;

    private CostPage(PageContext context, CostDependencies ports) {
        super(context);
        this.viewModel = new CostViewModel(ports.book(), ports.listPrices(), ports.requests(), context.executor(),
                context.clock());
        this.environments = new EnvironmentsCostViewModel(context.environments(),
                context.fleetReads(ports.enter(), ports.load(), ports.refresh()), ports.book(), ports.listPrices());
        this.scaling = new ScalingViewModel(ports.scaling(), ports.metrics(), ports.book(), context.executor(),
                context.clock());
        InvalidationListener update = o -> {
            if (context.shown().get()) {
                viewModel.show(fleet().data(), context.session().getValue());
                scaling.show(fleet().data(), context.session().getValue());
            }
        };
        fleet().dataProperty().addListener(update);
        context.session().addListener(update);
        context.shown().addListener(update);
        InvalidationListener progress = o -> viewModel.waitingFor(fleet().loadProgress());
        fleet().placementProperty().addListener(progress);
        fleet().stateProperty().addListener(progress);
        progress.invalidated(null);
    }

    public static PageContribution contribution(CostDependencies ports) {
        return PageContribution.of(ID, "Cost", Material2AL.ATTACH_MONEY, "Shortcut+Shift+E",
                "What each service costs, what is idle or stranded, and what repacking would save",
                context -> new CostPage(context, ports));
    }

    @Override
    public PageView createView() {
        Tab all = new Tab("All environments", new EnvironmentsCostView(environments));
        all.setId("cost-tab-environments");
        Tab scalingTab = new Tab("Scaling", new ScalingView(scaling));
        scalingTab.setId("cost-tab-scaling");
        return PageView.of(new CostView(viewModel, List.of(all, scalingTab), context.navigator()));
    }

    @Override
    public void hidden() {
        environments.hidden();
    }

    @Override
    public void environmentSwitched() {
        viewModel.show(null, null);
        scaling.show(null, null);
    }

    PageContext context() {
        return context;
    }

    public CostViewModel viewModel() {
        return viewModel;
    }

    public ScalingViewModel scaling() {
        return scaling;
    }

    public EnvironmentsCostViewModel environments() {
        return environments;
    }
}
