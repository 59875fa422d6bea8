package io.harbormaster.views.metrics;

import io.harbormaster.views.actions.Action;
import io.harbormaster.views.page.FleetPage;
import io.harbormaster.views.page.PageCommand;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import io.harbormaster.views.page.Staleness;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Metrics page: a service's dashboard, the noise map, alarms and logs, each a tab with its own shortcut. */
public final class MetricsPage extends FleetPage {

    public static final String ID = "metrics";
    public static final Action SHOW_NOISE_MAP = Action.of("show-noise-map", "Noise map", Material2AL.GRID_ON,
            "Shortcut+Shift+N", "Load across hosts as a heat map over a floor plan, with 24 h replay");
    public static final Action SHOW_LOGS = Action.of("show-logs", "Logs", Material2MZ.SUBJECT, "Shortcut+Shift+L",
            "Tail a service's CloudWatch Logs");

    private final MetricsViewModel viewModel;
    private final ObservableValue<String> staleness;

    private MetricsPage(PageContext context, MetricsDependencies metrics) {
        super(context);
        viewModel = new MetricsViewModel(metrics, context.executor(), context.repeater(), metrics.clock());
        viewModel.bind(context.session(), context.fleet().dataProperty(), context.fleet().placementProperty());
        viewModel.activeProperty().bind(context.shown());
        staleness = Staleness.joined(fleet().stalenessProperty(), viewModel.stalenessProperty());
    }

    /** @param metrics CloudWatch, the local metric cache, levels, alarms and logs */
    public static PageContribution contribution(MetricsDependencies metrics) {
        return PageContribution.of(ID, "Metrics", Material2MZ.SHOW_CHART, "Shortcut+Shift+M",
                "Live CloudWatch metrics and load heat map", context -> new MetricsPage(context, metrics));
    }

    @Override
    public PageView createView() {
        return PageView.of(new MetricsView(viewModel, context.navigator(), ZoneId.systemDefault()));
    }

    @Override
    public List<PageCommand> commands() {
        return List.of(new PageCommand(SHOW_NOISE_MAP, () -> viewModel.tabProperty().set(MetricsViewModel.Tab.NOISE_MAP)),
                new PageCommand(SHOW_LOGS, () -> viewModel.tabProperty().set(MetricsViewModel.Tab.LOGS)));
    }

    /** The fleet the services and hosts come from, and CloudWatch's charts or map on the tab shown. */
    @Override
    public ObservableValue<String> staleness() {
        return staleness;
    }

    /** F5: the fleet (by the shell) and the tab shown's CloudWatch reads. */
    @Override
    public void refresh() {
        viewModel.refresh();
    }

    @Override
    public void hidden() {
        viewModel.hidden();
    }
    public MetricsViewModel viewModel() {
        return viewModel;
    }
}
