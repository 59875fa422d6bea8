package io.harbormaster.views.cutovers;

import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContext;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.page.PageView;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.material2.Material2AL;

/** The Cutovers page: weighted routes of every environment, the cutover wizard, and each cutover live. */
public final class CutoversPage implements Page {

    public static final String ID = "cutovers";

    /** What the app registers: the run's cutover service, built on first use. */
    public static PageContribution contribution(CutoverServices services, MetricsDependencies metrics) {
        return PageContribution.of(ID, "Cutovers", Material2AL.CALL_SPLIT, "Shortcut+Shift+U",
                "Move traffic by weights: Route 53 records and ALB target groups, with gates",
                context -> new CutoversPage(context, services, metrics));
    }

    private final CutoversViewModel viewModel;

    private CutoversPage(PageContext context, CutoverServices services, MetricsDependencies metrics) {
        viewModel = new CutoversViewModel(services, context.executor(), context.environments(), context.session(),
                context.mfaPrompt(), context.writeGuard(), context.clock(), metrics, context.repeater());
        viewModel.shownProperty().bind(context.shown());
        context.shown().addListener((o, was, now) -> {
            if (now) {
                viewModel.activate();
            }
        });
    }

    public CutoversViewModel viewModel() {
        return viewModel;
    }

    @Override
    public PageView createView() {
        viewModel.activate();
        return PageView.of(new CutoversView(viewModel));
    }

    @Override
    public ObservableValue<Instant> lastRefreshed() {
        return viewModel.loadedAtProperty();
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
