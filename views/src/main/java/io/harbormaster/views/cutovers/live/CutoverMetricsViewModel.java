package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GateReadings;
import io.harbormaster.model.cutover.GateSeries;
import io.harbormaster.model.cutover.SplitPoint;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.cutovers.wizard.RouteText;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.metrics.TimeSeriesChart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Both sides' gate metrics over the cutover so far, as the live view's charts: 5xx rate, p99 latency, healthy hosts
 * and requests per minute, each with both sides as lines, the levels the gates hold it to, and a marker at every
 * weight change. Read on the runner's clock (the sandbox's on a sandbox) from the cutover's start, a few minutes
 * before it, to now; read again every {@link #REFRESH} while the live view shows, never while it is hidden.
 */
public final class CutoverMetricsViewModel {

    /** How often the charts are read again while shown (real time). */
    public static final Duration REFRESH = Duration.ofSeconds(10);
    /** How much before the cutover's start the charts begin: the sides as they were. */
    public static final Duration BEFORE = Duration.ofMinutes(10);
    /** The shortest span shown, so a cutover just started still has a readable axis. */
    public static final Duration MIN_SPAN = Duration.ofMinutes(30);

    /** Reads what the gates read for both sides of a plan over a window, by side id (blocking). */
    @FunctionalInterface
    public interface SideReader {
        Map<String, GateReadings> read(CutoverPlan plan, TimeWindow window);
    }

    /**
     * One chart: a gate metric of both sides.
     *
     * @param levels  the gates' warning and critical levels, or null when no gate watches the metric
     * @param judgedOn which sides a gate judges it on ("target", "both"), blank when none does
     */
    public record Chart(GateMetric metric, TimeWindow window, List<NamedSeries> series, Thresholds levels,
                        String judgedOn, List<TimeSeriesChart.Marker> markers) {
    }

    private final CutoverPlan plan;
    private final Supplier<CutoverState> state;
    private final SideReader reader;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Clock clock;
    private final ObservableList<Chart> charts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty active = new SimpleBooleanProperty();
    private Runnable stopPolling;
    private boolean reading;

    /**
     * @param state the runner's latest state (its history says when the weights changed)
     * @param clock the runner's clock
     */
    public CutoverMetricsViewModel(CutoverPlan plan, Supplier<CutoverState> state, SideReader reader,
            TaskExecutor executor, Repeater repeater, Clock clock) {
        this.plan = plan;
        this.state = state;
        this.reader = reader;
        this.executor = executor;
        this.repeater = repeater;
        this.clock = clock;
        active.addListener((o, was, now) -> {
            if (now && stopPolling == null) {
                refresh();
                stopPolling = repeater.every(REFRESH, this::refresh);
            } else if (!now && stopPolling != null) {
                stopPolling.run();
                stopPolling = null;
            }
        });
    }

    /** True while the charts show: they are read now and then every {@link #REFRESH}. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<Chart> charts() {
        return charts;
    }

    /** Why the charts are empty or old (blank when they are current). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the charts are being read again on a timer (tests). */
    public boolean polling() {
        return stopPolling != null;
    }

    /** Reads both sides again over the window up to now; a read still in flight is not doubled. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        TimeWindow window = window();
        executor.submit(BackgroundTask.of("Gate metrics of both sides of " + plan.route().displayName(),
                () -> reader.read(plan, window)).onSuccess(readings -> {
                    reading = false;
                    publish(window, readings);
                }).onFailure(p -> {
                    reading = false;
                    message.set("Metrics not read — " + p.title() + ": " + p.message());
                }));
    }

    /** From a few minutes before the cutover's first write to now, on the runner's clock; whole minutes. */
    TimeWindow window() {
        Instant now = clock.instant();
        List<SplitPoint> history = state.get().history();
        Instant start = (history.isEmpty() ? now : history.get(0).at()).minus(BEFORE);
        if (Duration.between(start, now).compareTo(MIN_SPAN) < 0) {
            start = now.minus(MIN_SPAN);
        }
        return new TimeWindow(Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), 60) * 60), now);
    }

    private void publish(TimeWindow window, Map<String, GateReadings> readings) {
        List<TimeSeriesChart.Marker> markers = markers(state.get().history());
        List<Chart> out = new ArrayList<>();
        boolean any = false;
        for (GateMetric metric : GateMetric.values()) {
            List<NamedSeries> series = new ArrayList<>();
            for (String side : List.of(plan.fromId(), plan.toId())) {
                GateReadings r = readings.getOrDefault(side, new GateReadings(Map.of(), Map.of()));
                NamedSeries s = new NamedSeries(RouteText.side(plan, side), GateSeries.of(metric, r));
                any |= !s.points().isEmpty();
                series.add(s);
            }
            out.add(new Chart(metric, window, series, GateSeries.levels(plan.gates(), metric).orElse(null),
                    GateSeries.judgedOn(plan.gates(), metric), markers));
        }
        charts.setAll(out);
        message.set(any ? "" : "CloudWatch has no data for either side between " + window.start() + " and "
                + window.end() + ".");
    }

    /** A marker where the requested weights changed: each step's write, and the roll back's. */
    private List<TimeSeriesChart.Marker> markers(List<SplitPoint> history) {
        List<TimeSeriesChart.Marker> out = new ArrayList<>();
        Weights previous = null;
        for (SplitPoint p : history) {
            if (previous == null || !previous.sameAs(p.requested())) {
                out.add(new TimeSeriesChart.Marker(p.at(), "Weights " + RouteText.weights(plan, p.requested())
                        + " (" + RouteText.percent(p.requested().percent(plan.toId())) + " to "
                        + RouteText.side(plan, plan.toId()) + ")"));
            }
            previous = p.requested();
        }
        return out;
    }
}
