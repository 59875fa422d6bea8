package io.harbormaster.views.clusters;

import io.harbormaster.model.fleet.ListClusters;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Clusters page: the environment's clusters, listed on their own, packed from the fleet once it is loaded. */
public final class ClustersPage implements Page {

    public static final String ID = "clusters";

    private final PageContext context;
    private final ClustersViewModel viewModel;

    private ClustersPage(PageContext context, ListClusters listClusters) {
        this.context = context;
        viewModel = new ClustersViewModel(listClusters, context.executor(), context.dialogs(), context.clock());
        viewModel.sessionProperty().bind(context.session());
        viewModel.activeProperty().bind(context.shown());
        FleetViewModel fleet = context.fleet();
        viewModel.packingProperty().bind(Bindings.createObjectBinding(
                () -> fleet.data() == null ? null : fleet.data().packing(), fleet.dataProperty()));
    }

    public static PageContribution contribution(ListClusters listClusters) {
        return PageContribution.of(ID, "Clusters", Material2MZ.WIDGETS, "Shortcut+Shift+C",
                "ECS clusters in the current environment", context -> new ClustersPage(context, listClusters));
    }

    @Override
    public PageView createView() {
        ClustersView view = new ClustersView(viewModel, context.refresh());
        return new PageView(view, view::focusFilter);
    }

    @Override
    public boolean usesFleet() {
        return true; // for the packing columns
    }

    @Override
    public ObservableValue<Instant> lastRefreshed() {
        return viewModel.lastRefreshedProperty();
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    @Override
    public boolean accepts(Destination destination) {
        return destination instanceof Destination.Cluster;
    }

    @Override
    public void open(Destination destination) {
        viewModel.select(((Destination.Cluster) destination).clusterArn());
    }

    public ClustersViewModel viewModel() {
        return viewModel;
    }
}
