package io.harbormaster.views.metrics;

import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.logs.LogsView;
import io.harbormaster.views.noisemap.NoiseMapView;
import io.harbormaster.views.shared.TabContents;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The Metrics page: Service dashboard, Noise map and Logs as tabs; the view-model knows which is chosen. Only the
 * chosen tab's view is made with the page; the others each in a pulse of their own a few frames later, or when first
 * chosen if that is sooner.
 */
public final class MetricsView extends BorderPane {

    /** Pulses after the page first shows at which the first tab not chosen is made, the next one pulse later. */
    static final int HIDDEN_TABS_AFTER = 6;

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
        TabContents.madeLater(tabs, dashboardTab, () -> padded(
                new ServiceDashboardView(viewModel.dashboard(), viewModel.alarms(), zone)), HIDDEN_TABS_AFTER);
        TabContents.madeLater(tabs, noiseTab, () -> padded(
                new NoiseMapView(viewModel.noiseMap(), navigator, zone)), HIDDEN_TABS_AFTER + 1);
        TabContents.madeLater(tabs, logsTab, () -> padded(
                new LogsView(viewModel.logs(), viewModel.dashboard().services(), navigator, zone)),
                HIDDEN_TABS_AFTER + 2);
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

    private static Node padded(Node content) {
        content.setStyle("-fx-padding: 10 4 4 4;");
        return content;
    }
}
