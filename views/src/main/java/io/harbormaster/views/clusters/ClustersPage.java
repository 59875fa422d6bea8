package io.harbormaster.views.clusters;

import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Clusters page: the environment's clusters and how full they are, from the fleet every fleet page shows. */
public final class ClustersPage extends FleetPage {

    public static final String ID = "clusters";

    private final ClustersViewModel viewModel;

    private ClustersPage(PageContext context) {
        super(context);
        viewModel = new ClustersViewModel(fleet());
    }

    public static PageContribution contribution() {
        return PageContribution.of(ID, "Clusters", Material2MZ.WIDGETS, "Shortcut+Shift+C",
                "ECS clusters in the current environment", ClustersPage::new);
    }

    @Override
    public PageView createView() {
        ClustersView view = new ClustersView(viewModel, context.refresh());
        view.offerExport(context.executor(), context.session());
        return new PageView(view, view::focusFilter);
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
