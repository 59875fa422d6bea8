package io.harbormaster.views.compare;

import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import io.harbormaster.views.page.Staleness;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.material2.Material2AL;

/** The Compare page: a service here beside the same service in another environment. */
public final class ComparePage extends FleetPage {

    public static final String ID = "compare";

    private final CompareViewModel viewModel;
    private final ObservableValue<String> staleness;

    private ComparePage(PageContext context, EnterEnvironment enter, LoadFleet load, RefreshFleet refresh) {
        super(context);
        viewModel = new CompareViewModel(fleet(), context.environments(), context.fleetReads(enter, load, refresh),
                context.dialogs());
        viewModel.activeProperty().bind(context.shown());
        staleness = Staleness.joined(fleet().stalenessProperty(), viewModel.stalenessProperty());
    }

    public static PageContribution contribution(EnterEnvironment enter, LoadFleet load, RefreshFleet refresh) {
        return PageContribution.of(ID, "Compare", Material2AL.COMPARE_ARROWS, "Shortcut+Shift+O",
                "A service here beside the same service in another environment, differences highlighted",
                context -> new ComparePage(context, enter, load, refresh));
    }

    @Override
    public PageView createView() {
        return PageView.of(new CompareView(viewModel));
    }

    /** This environment's fleet and the other one's, each when its refresh failed. */
    @Override
    public ObservableValue<String> staleness() {
        return staleness;
    }

    @Override
    public boolean accepts(Destination destination) {
        return destination instanceof Destination.CompareService;
    }

    @Override
    public void open(Destination destination) {
        viewModel.compareService(((Destination.CompareService) destination).serviceName());
    }


    @Override
    public void hidden() {
        viewModel.hidden();
    }
    public CompareViewModel viewModel() {
        return viewModel;
    }
}
