package io.harbormaster.views.metrics;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.logs.LogsViewModel;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Metrics page: a service dashboard (with the environment's alarms), the noise map and the log tail, one shown at
 * a time. Each part is active only while the page shows and its tab is chosen, so a hidden part polls nothing.
 */
public final class MetricsViewModel {

    public enum Tab { DASHBOARD, NOISE_MAP, LOGS }

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(this, "tab", Tab.DASHBOARD);
    private final ServiceDashboardViewModel dashboard;
    private final AlarmsViewModel alarms;
    private final NoiseMapViewModel noiseMap;
    private final LogsViewModel logs;
    private final javafx.beans.binding.StringBinding staleness;

    public MetricsViewModel(MetricsDependencies deps, TaskExecutor executor, Repeater repeater, Clock clock) {
        dashboard = new ServiceDashboardViewModel(deps, executor, repeater, clock);
        alarms = new AlarmsViewModel(deps, executor, repeater, clock);
        dashboard.drawAlarmsOf(alarms.alarms());
        noiseMap = new NoiseMapViewModel(deps, executor, repeater, clock);
        logs = new LogsViewModel(deps.logs(), executor, repeater, clock);
        dashboard.activeProperty().bind(active.and(tab.isEqualTo(Tab.DASHBOARD)));
        alarms.activeProperty().bind(dashboard.activeProperty());
        noiseMap.activeProperty().bind(active.and(tab.isEqualTo(Tab.NOISE_MAP)));
        logs.activeProperty().bind(active.and(tab.isEqualTo(Tab.LOGS)));
        staleness = javafx.beans.binding.Bindings.createStringBinding(() -> switch (tab.get()) {
            case DASHBOARD -> dashboard.stalenessProperty().get();
            case NOISE_MAP -> noiseMap.stalenessProperty().get();
            case LOGS -> "";
        }, tab, dashboard.stalenessProperty(), noiseMap.stalenessProperty());
    }

    /** F5: the tab shown reads CloudWatch again (a failed read is tried again at once). */
    public void refresh() {
        switch (tab.get()) {
            case DASHBOARD -> {
                dashboard.reload();
                alarms.load(); // the alarms above the charts are part of what the tab shows
            }
            case NOISE_MAP -> noiseMap.reload();
            case LOGS -> { }
        }
    }

    /** Why the tab shown draws old data (its last CloudWatch read failed), with what to do; empty while current. */
    public javafx.beans.binding.StringBinding stalenessProperty() {
        return staleness;
    }

    public void bind(ObservableValue<EnvironmentSession> session, ObservableValue<FleetData> fleet) {
        bind(session, fleet, new javafx.beans.property.SimpleObjectProperty<>());
    }

    /** As above, with the running load's hosts so far: the noise map is laid out once they are all in. */
    public void bind(ObservableValue<EnvironmentSession> session, ObservableValue<FleetData> fleet,
            ObservableValue<PlacementDraft.View> placement) {
        dashboard.bind(session, fleet);
        alarms.bind(session);
        noiseMap.bind(session, fleet, placement);
        logs.bind(session, fleet);
    }

    /** The page went out of sight: every part's reads in flight stop; each reads again when shown. */
    public void hidden() {
        dashboard.hidden();
        alarms.hidden();
        noiseMap.hidden();
        logs.hidden();
    }

    /** The dashboard of one service (from the Services page). */
    public void showDashboard(String serviceArn) {
        tab.set(Tab.DASHBOARD);
        dashboard.showService(serviceArn);
    }

    /** The log tail of one service. */
    public void showLogs(String serviceArn) {
        tab.set(Tab.LOGS);
        logs.showService(serviceArn);
    }

    /** True while the Metrics page shows. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    public ServiceDashboardViewModel dashboard() {
        return dashboard;
    }

    public AlarmsViewModel alarms() {
        return alarms;
    }

    public NoiseMapViewModel noiseMap() {
        return noiseMap;
    }

    public LogsViewModel logs() {
        return logs;
    }

}
