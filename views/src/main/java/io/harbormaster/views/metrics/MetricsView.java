package io.harbormaster.views.metrics;

import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.logs.LogsView;
import io.harbormaster.views.noisemap.NoiseMapView;
import io.harbormaster.views.shared.TabContents;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.ZoneId;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The Metrics page: Service dashboard, Noise map and Logs as tabs; the view-model knows which is chosen. Each tab's
 * view is built the first time it is chosen: built with the page, the two nobody had opened yet were a third of its
 * first visit's build.
 */
public final class MetricsView extends BorderPane {

    public MetricsView(MetricsViewModel viewModel, FleetNavigator navigator, ZoneId zone) {
        setId("metrics-page");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(MetricsStyles.stylesheet());
        Tab dashboardTab = tab("tab-dashboard", "Service dashboard");
        Tab noiseTab = tab("tab-noise-map", "Noise map");
        Tab logsTab = tab("tab-logs", "Logs");
        TabPane tabs = new TabPane(dashboardTab, noiseTab, logsTab);
        tabs.setId("metrics-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(viewModel.tabProperty().get().ordinal());
        built(dashboardTab, () -> new ServiceDashboardView(viewModel.dashboard(), viewModel.alarms(), zone));
        built(noiseTab, () -> new NoiseMapView(viewModel.noiseMap(), navigator, zone));
        built(logsTab, () -> new LogsView(viewModel.logs(), viewModel.dashboard().services(), navigator, zone));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, now) ->
                viewModel.tabProperty().set(MetricsViewModel.Tab.values()[now.intValue()]));
        viewModel.tabProperty().addListener((o, a, now) -> tabs.getSelectionModel().select(now.ordinal()));
        setCenter(tabs);
    }

    private static Tab tab(String id, String text) {
        Tab tab = new Tab(text);
        tab.setId(id);
        return tab;
    }

    private static void built(Tab tab, Supplier<Node> view) {
        TabContents.builtWhenFirstSelected(tab, () -> {
            Node content = view.get();
            content.setStyle("-fx-padding: 10 4 4 4;");
            return content;
        });
    }
}
