package io.harbormaster.views.metrics;

import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.logs.LogsView;
import io.harbormaster.views.noisemap.NoiseMapView;
import io.harbormaster.views.shared.TabContents;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.ZoneId;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The Metrics page: Service dashboard, Noise map and Logs as tabs; the view-model knows which is chosen. */
public final class MetricsView extends BorderPane {

    private final ServiceDashboardView dashboard;
    private final NoiseMapView noiseMap;
    private final LogsView logs;

    public MetricsView(MetricsViewModel viewModel, FleetNavigator navigator, ZoneId zone) {
        setId("metrics-page");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(MetricsStyles.stylesheet());
        dashboard = new ServiceDashboardView(viewModel.dashboard(), viewModel.alarms(), zone);
        noiseMap = new NoiseMapView(viewModel.noiseMap(), navigator, zone);
        logs = new LogsView(viewModel.logs(), viewModel.dashboard().services(), navigator, zone);
        Tab dashboardTab = tab("tab-dashboard", "Service dashboard", dashboard);
        Tab noiseTab = tab("tab-noise-map", "Noise map", noiseMap);
        Tab logsTab = tab("tab-logs", "Logs", logs);
        TabPane tabs = new TabPane(dashboardTab, noiseTab, logsTab);
        tabs.setId("metrics-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(viewModel.tabProperty().get().ordinal());
        TabContents.whenFirstSelected(tabs);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, now) ->
                viewModel.tabProperty().set(MetricsViewModel.Tab.values()[now.intValue()]));
        viewModel.tabProperty().addListener((o, a, now) -> tabs.getSelectionModel().select(now.ordinal()));
        setCenter(tabs);
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        content.setStyle("-fx-padding: 10 4 4 4;");
        return tab;
    }

    public ServiceDashboardView dashboard() {
        return dashboard;
    }

    public NoiseMapView noiseMap() {
        return noiseMap;
    }

    public LogsView logs() {
        return logs;
    }
}
