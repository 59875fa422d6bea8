package io.harbormaster.views.noisemap;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementDraft;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.model.metrics.LivePolling;
import io.harbormaster.model.noisemap.FloorPlan;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.model.noisemap.NoiseFrames;
import io.harbormaster.model.noisemap.NoiseModes;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.shared.metrics.ChartStaleness;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The noise map's state: the floor plan of the current fleet, 24 h of one metric for every host as frames, which frame
 * shows (the live one, or one scrubbed to), how it is coloured (levels, or a plain ramp), the hosts listed beside it
 * and the clicked host. Each mode says where its numbers come from ({@link #sourceProperty()}): reservation and task
 * count from ECS for every host, with Container Insights' history where it has them; utilisation from CloudWatch per
 * host; traffic shared out from target groups. History is fetched once per metric (cache first, then CloudWatch);
 * scrubbing and playing only pick frames. While shown on the live frame, the latest minutes are topped up every
 * {@link #LIVE_EVERY} of the metrics clock; hidden, nothing polls.
 */
public final class NoiseMapViewModel {

    public static final List<MetricKind> METRICS = List.of(MetricKind.CPU_UTILIZATION, MetricKind.MEMORY_UTILIZATION,
            MetricKind.CPU_RESERVATION, MetricKind.MEMORY_RESERVATION, MetricKind.TASK_COUNT, MetricKind.REQUEST_RATE,
            MetricKind.ERROR_RATE_5XX);
    public static final Duration HISTORY = Duration.ofHours(24);
    public static final Duration PERIOD = Duration.ofMinutes(5);
    public static final Duration LIVE_EVERY = Duration.ofSeconds(60);
    /** How often the wall clock asks whether {@link #LIVE_EVERY} of the metrics clock has passed. */
    public static final Duration LIVE_TICK = Duration.ofSeconds(1);
    /** A live top-up fetches this much: the last few periods, in case CloudWatch filled them in late. */
    public static final Duration TOP_UP = Duration.ofMinutes(15);
    public static final Duration PLAY_EVERY = Duration.ofMillis(80);
    /** Frames a play step moves: 2 × 5 min = 10 min of fleet time per frame drawn. */
    public static final int PLAY_STEP = 2;

    private final MetricsDependencies deps;
    private final NoiseLoader loader;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Clock clock;

    private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<FleetData> fleet = new SimpleObjectProperty<>(this, "fleet");
    /** The running load's hosts and tasks so far, when the shell has a load to follow. */
    private final ObjectProperty<PlacementDraft.View> placement = new SimpleObjectProperty<>(this, "placement");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObjectProperty<MetricKind> metric = new SimpleObjectProperty<>(this, "metric",
            MetricKind.CPU_UTILIZATION);
    private final ObjectProperty<FloorPlan.Rows> rows = new SimpleObjectProperty<>(this, "rows", FloorPlan.Rows.CLUSTER);
    private final ReadOnlyObjectWrapper<NoiseLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ReadOnlyObjectWrapper<NoiseFrames> frames = new ReadOnlyObjectWrapper<>(this, "frames");
    private final IntegerProperty frame = new SimpleIntegerProperty(this, "frame");
    private final ReadOnlyObjectWrapper<double[]> values = new ReadOnlyObjectWrapper<>(this, "values");
    private final ReadOnlyObjectWrapper<Thresholds> thresholds = new ReadOnlyObjectWrapper<>(this, "thresholds");
    private final ReadOnlyObjectWrapper<Instant> frameTime = new ReadOnlyObjectWrapper<>(this, "frameTime");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ObservableList<HostReading> critical = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<HostDetail> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper scaleNote = new ReadOnlyStringWrapper(this, "scaleNote", "");
    private final ReadOnlyObjectWrapper<HeatScale> scale = new ReadOnlyObjectWrapper<>(this, "scale");
    private final ReadOnlyBooleanWrapper field = new ReadOnlyBooleanWrapper(this, "field", true);
    private final ReadOnlyStringWrapper sideTitle = new ReadOnlyStringWrapper(this, "sideTitle", "");
    private final ReadOnlyStringWrapper sideEmpty = new ReadOnlyStringWrapper(this, "sideEmpty", "");

    private Map<String, List<MetricPoint>> points = Map.of();
    private final ChartStaleness staleness;
    /** The layout and reads of the map shown; a new layout or metric cancels them. */
    private final LatestWins reads;
    /** Reads were stopped when the page went out of sight: read again when it shows. */
    private boolean interrupted;
    private Runnable stopLive;
    private LivePolling livePolling = new LivePolling();
    private Runnable stopPlay;
    private int fetches;
    private ObservableValue<HeatScale> shared;

    public NoiseMapViewModel(MetricsDependencies deps, TaskExecutor executor, Repeater repeater, Clock clock) {
        this.deps = deps;
        this.loader = new NoiseLoader(deps);
        this.executor = executor;
        this.repeater = repeater;
        this.clock = clock;
        this.reads = new LatestWins(executor);
        this.staleness = new ChartStaleness(clock, "the map");
        session.addListener((o, a, b) -> {
            reads.cancel(); // the previous environment's layout and reads stop
            layout.set(null);
            frames.set(null);
            fleetChanged();
        });
        fleet.addListener((o, a, b) -> fleetChanged());
        placement.addListener((o, a, b) -> fleetChanged());
        rows.addListener((o, a, b) -> fleetChanged());
        metric.addListener((o, a, b) -> {
            live.set(true);
            frames.set(null);
            reload();
        });
        live.addListener((o, a, b) -> follow());
        active.addListener((o, a, now) -> {
            boolean resume = interrupted;
            interrupted = !now && interrupted;
            if (now && layout.get() == null && !reads.isBusy()) {
                fleetChanged();
            } else if (now && (frames.get() == null || resume)) {
                reload();
            } else if (now && live.get()) {
                topUp();
            }
            follow();
        });
        frame.addListener((o, a, b) -> showFrame());
        playing.addListener((o, a, b) -> follow());
    }

    /** The page went out of sight: the layout and reads in flight stop; they are made again when it shows. */
    public void hidden() {
        if (reads.isBusy()) {
            reads.next();
            interrupted = true;
        }
    }

    /** Binds the session and fleet of the shell. */
    public void bind(ObservableValue<EnvironmentSession> currentSession, ObservableValue<FleetData> currentFleet) {
        session.bind(currentSession);
        fleet.bind(currentFleet);
    }

    /**
     * Binds the session and fleet of the shell, and its running load's hosts and tasks so far: the map is laid out
     * as soon as every host is in, minutes before a large fleet's tasks are, and shows what the hosts say meanwhile.
     */
    public void bind(ObservableValue<EnvironmentSession> currentSession, ObservableValue<FleetData> currentFleet,
            ObservableValue<PlacementDraft.View> currentPlacement) {
        bind(currentSession, currentFleet);
        placement.bind(currentPlacement);
    }

    /**
     * Whether a metric is counted from the fleet's tasks (so waits for all of them), not read from the hosts: the
     * task count, and traffic shared out by each host's tasks.
     */
    private boolean countedFromTasks(MetricKind kind) {
        return kind == MetricKind.TASK_COUNT || loader.sourceOf(kind) == NoiseLoader.Source.TRAFFIC;
    }

    private void fleetChanged() {
        FleetData data = fleet.get();
        if (session.get() == null || data == null) {
            return;
        }
        if (!data.complete()) {
            whileLoading(data);
            return;
        }
        FleetSnapshot snapshot = data.snapshot();
        NoiseLayout current = layout.get();
        if (current != null && current.fits(snapshot, rows.get())) {
            layout.set(current.with(snapshot));
            if (current.hostsOnly() && countedFromTasks(metric.get())) {
                reload(); // every task is in now: what is counted from them can be shown
                return;
            }
            if (current.hostsOnly()) {
                showFrame(); // the list beside and the picked host, with their tasks now
            }
            NoiseLoader.Source from = loader.sourceOf(metric.get());
            if (from == NoiseLoader.Source.SNAPSHOT || from == NoiseLoader.Source.SNAPSHOT_WITH_HISTORY
                    && points.isEmpty()) {
                publishSnapshotFrame();
            } else if (from == NoiseLoader.Source.SNAPSHOT_WITH_HISTORY) {
                publish(layout.get(), window());
            }
            return;
        }
        FloorPlan.Rows wanted = rows.get();
        reads.submit(BackgroundTask.of("Laying out " + NoiseLoader.hostsText(snapshot.hosts()),
                () -> NoiseLayout.of(snapshot, wanted)).quietly().onSuccess(made -> {
                    layout.set(made);
                    reload();
                }).onFailure(problem -> message.set("The floor plan could not be laid out: " + problem.title() + ". "
                        + problem.message())));
    }

    /**
     * A fleet still loading (its first load, or a reload): once every host is in, the map is laid out from them, with
     * no task; until then, or for a metric counted from tasks, it says what it waits for. A map already laid out for
     * these hosts stays as it is.
     */
    private void whileLoading(FleetData data) {
        PlacementDraft.View placed = placement.get();
        NoiseLayout current = layout.get();
        if (current != null) {
            return;
        }
        boolean hostsIn = placed != null && placed.hostsIn() && !placed.hosts().isEmpty();
        if (!hostsIn || countedFromTasks(metric.get())) {
            message.set(waitingFor(placed));
            return;
        }
        if (reads.isBusy()) {
            return; // laying out already
        }
        FloorPlan.Rows wanted = rows.get();
        FleetSnapshot services = data.snapshot();
        List<Host> hosts = placed.hosts();
        reads.submit(BackgroundTask.of("Laying out " + NoiseLoader.hostsText(hosts), () -> NoiseLayout.of(
                new FleetSnapshot(services.environmentId(), services.region(), services.asOf(), services.clusters(),
                        services.services(), hosts, List.of(), services.taskDefinitions(), services.targetHealth(),
                        services.problems(), services.stats()), wanted, true)).quietly().onSuccess(made -> {
                            layout.set(made);
                            reload();
                        }).onFailure(problem -> message.set("The floor plan could not be laid out: "
                                + problem.title() + ". " + problem.message())));
    }

    /** What the map waits for while the fleet loads, in the words the other pages use. */
    private String waitingFor(PlacementDraft.View placed) {
        String progress = placed == null ? "" : " (" + placed.progress() + ")";
        return countedFromTasks(metric.get()) && placed != null && placed.hostsIn()
                ? "Waiting for every task" + progress + ": this mode counts them on each host."
                : "Waiting for every host" + progress + ".";
    }

    /** 24 h of the chosen metric for every host: what the cache has at once, then CloudWatch's answer. */
    public void reload() {
        NoiseLayout on = layout.get();
        EnvironmentSession in = session.get();
        if (on == null || in == null || !active.get()) {
            if (on == null && in != null && fleet.get() != null && !fleet.get().complete()) {
                fleetChanged(); // another metric while the fleet loads: say what it waits for, or lay out
            }
            return;
        }
        if (on.hostsOnly() && countedFromTasks(metric.get())) {
            reads.next(); // what was read for another metric stops
            frames.set(null);
            values.set(null);
            critical.clear();
            sideTitle.set("");
            sideEmpty.set("Shown once every task is in.");
            scale.set(null);
            thresholds.set(null);
            scaleNote.set("");
            source.set("");
            message.set(waitingFor(placement.get()));
            return;
        }
        LatestWins.Turn mine = reads.next();
        MetricKind kind = metric.get();
        points = Map.of();
        livePolling = new LivePolling(); // another metric: what was covered of the last one says nothing
        if (stopLive != null) {
            livePolling.show("noise-map", LIVE_EVERY);
        }
        source.set(loader.describe(kind, on.snapshot()));
        field.set(NoiseModes.field(kind));
        message.set("");
        staleness.reset();
        switch (loader.sourceOf(kind)) {
            case SNAPSHOT, SNAPSHOT_WITH_HISTORY -> publishSnapshotFrame();
            case NONE -> {
                frames.set(null);
                values.set(null);
                return;
            }
            default -> { }
        }
        if (!loader.fetched(kind)) {
            return;
        }
        TimeWindow window = window();
        String what = kind.label() + " of " + NoiseLoader.hostsText(on.snapshot().hosts());
        mine.submit(BackgroundTask.of("Reading cached " + what, () -> {
            NoiseLoader.Plan plan = loader.plan(in, on.snapshot(), kind, PERIOD);
            return new Loaded(plan, loader.cached(in, plan, window));
        }).quietly().onSuccess(cached -> {
            if (!cached.points().isEmpty()) {
                points = cached.points();
                publish(on, window);
            }
            livePolling.polled(clock.instant());
            fetch(mine, on, in, cached.plan(), window, "Fetching 24 h of " + what);
        }).onFailure(problem -> message.set(problem.title() + ": " + problem.message())));
    }

    private record Loaded(NoiseLoader.Plan plan, Map<String, List<MetricPoint>> points) {
    }

    private void fetch(LatestWins.Turn mine, NoiseLayout on, EnvironmentSession in, NoiseLoader.Plan plan, TimeWindow window,
            String title) {
        if (plan.queries().isEmpty()) {
            message.set(loader.outcome(metric.get(), plan, Map.of()));
            return;
        }
        fetches++;
        LivePolling polling = livePolling;
        mine.submit(BackgroundTask.of(title, () -> loader.fetch(in, plan, window)).onSuccess(fetched -> {
            polling.covered(window.end());
            points = NoiseLoader.merge(points, fetched);
            message.set(loader.outcome(metric.get(), plan, fetched));
            staleness.read();
            publish(on, window());
        }).onFailure(problem -> {
            message.set((points.isEmpty() ? "Nothing cached to show. " : "Showing what was cached. ")
                    + problem.title() + ": " + problem.message());
            markStale(problem);
        }));
    }

    /** What the map draws stays, marked old; live, the next minute tries again. */
    private void markStale(io.harbormaster.model.error.Problem problem) {
        staleness.failed(problem, points.values().stream().flatMap(List::stream).map(MetricPoint::at)
                .max(Instant::compareTo).orElse(null), live.get() ? LIVE_EVERY : null);
    }

    /** A tick of the wall clock: a top-up when a minute of the metrics clock has passed since the last. */
    private void tick() {
        if (livePolling.due(clock.instant())) {
            topUp();
        }
    }

    /** The latest minutes again, and whatever the clock skipped (live polling, and on coming back into view). */
    void topUp() {
        NoiseLayout on = layout.get();
        EnvironmentSession in = session.get();
        if (on == null || in == null || frames.get() == null || !loader.fetched(metric.get())) {
            return;
        }
        Instant now = clock.instant();
        livePolling.polled(now);
        TimeWindow recent = livePolling.topUp(now, TOP_UP, PERIOD, window().start());
        LivePolling polling = livePolling;
        reads.current().submit(BackgroundTask.of("Live " + metric.get().label() + " of "
                + NoiseLoader.hostsText(on.snapshot().hosts()), () -> {
                    NoiseLoader.Plan plan = loader.plan(in, on.snapshot(), metric.get(), PERIOD);
                    return loader.fetch(in, plan, recent);
                }).onSuccess(fetched -> {
                    polling.covered(recent.end());
                    points = NoiseLoader.merge(points, fetched);
                    staleness.read();
                    publish(on, window());
                }).onFailure(problem -> {
                    message.set("Live update failed: " + problem.title());
                    markStale(problem);
                }));
        fetches++;
    }

    private void publishSnapshotFrame() {
        NoiseLayout on = layout.get();
        if (on == null) {
            return;
        }
        NoiseFrames now = NoiseFrames.now(on.plan(), NoiseLoader.fromSnapshot(on.snapshot(), metric.get()),
                on.snapshot().asOf(), PERIOD);
        setFrames(now);
    }

    private void publish(NoiseLayout on, TimeWindow window) {
        NoiseFrames history = NoiseFrames.of(on.plan(), points, window.start(), window.end(), PERIOD);
        if (loader.sourceOf(metric.get()) == NoiseLoader.Source.SNAPSHOT_WITH_HISTORY) {
            history = history.withLatest(on.plan(), NoiseLoader.fromSnapshot(on.snapshot(), metric.get()));
        }
        setFrames(history);
    }

    private void setFrames(NoiseFrames next) {
        boolean follow = live.get() || frames.get() == null;
        Instant at = frameTime.get();
        frames.set(next);
        chooseScale(next);
        int target = follow || at == null ? next.size() - 1 : next.frameAt(at);
        if (frame.get() == target) {
            showFrame();
        } else {
            frame.set(target);
        }
    }

    /** Its own scale for these frames, or the one shared from outside once there is one. */
    private void chooseScale(NoiseFrames data) {
        MetricKind kind = metric.get();
        Optional<Thresholds> levels = levels();
        HeatScale given = shared == null ? null : shared.getValue();
        HeatScale chosen = given != null ? given : NoiseModes.scale(kind, levels, data.max());
        scale.set(chosen);
        thresholds.set(chosen.leveled() ? chosen.thresholds() : null);
        scaleNote.set(scaleNote(kind, levels, chosen, chosen.leveled() ? data.max() : chosen.top()));
    }

    /**
     * Colours by a scale chosen outside, so that maps compared side by side read the same load as the same colour;
     * while it is null the map chooses its own.
     */
    public void shareScale(ObservableValue<HeatScale> scaleForAll) {
        shared = scaleForAll;
        scaleForAll.addListener((o, was, now) -> {
            NoiseFrames data = frames.get();
            if (data != null) {
                chooseScale(data);
                showFrame();
            }
        });
    }

    /** The levels of the chosen metric in this map's environment (empty before there is one, or without levels). */
    public Optional<Thresholds> levels() {
        EnvironmentSession in = session.get();
        return in == null ? Optional.empty()
                : deps.thresholds().thresholds(in.environment().id(), ThresholdSettings.FLEET, metric.get());
    }

    private String scaleNote(MetricKind kind, Optional<Thresholds> levels, HeatScale chosen, double max) {
        if (chosen.leveled()) {
            return "";
        }
        if (NoiseModes.packing(kind)) {
            return "Packed full is the goal: the list shows capacity stranded beside a full resource.";
        }
        String busiest = format(max);
        return levels.map(l -> "Quiet: no host passed " + busiest + " in 24 h (warning at " + format(l.warning())
                + "); colours run up to the busiest host.").orElse("No levels for " + kind.label().toLowerCase()
                + ": colours run up to the busiest host, " + busiest + ".");
    }

    private void showFrame() {
        NoiseFrames data = frames.get();
        NoiseLayout on = layout.get();
        if (data == null || on == null) {
            return;
        }
        int f = Math.max(0, Math.min(data.size() - 1, frame.get()));
        live.set(f == data.size() - 1);
        values.set(data.values(f));
        frameTime.set(data.time(f));
        critical.setAll(SideList.of(metric.get(), scale.get(), on, data.values(f), this::format));
        sideTitle.set(SideList.title(metric.get(), scale.get(), critical.size()));
        sideEmpty.set(SideList.placeholder(metric.get(), scale.get()));
        HostDetail shown = selected.get();
        if (shown != null) {
            int cell = on.plan().indexOf(shown.host().arn());
            selected.set(cell < 0 ? null : detail(on, cell).withUse(shown.cpuUsed(), shown.memoryUsed(), shown.useRead()));
        }
    }

    /** The clicked host: what it is and runs, at once; its measured CPU and memory after a small fetch. */
    public void select(int cell) {
        NoiseLayout on = layout.get();
        if (on == null || cell < 0 || cell >= on.plan().size()) {
            selected.set(null);
            return;
        }
        HostDetail detail = detail(on, cell);
        selected.set(detail);
        EnvironmentSession in = session.get();
        Instant now = clock.instant();
        TimeWindow recent = new TimeWindow(now.minus(TOP_UP), now);
        executor.submit(BackgroundTask.of("Measured use of " + detail.host().displayName(),
                () -> loader.latestUse(in, on.snapshot(), detail.host(), recent, Duration.ofMinutes(1))).onSuccess(use -> {
                    HostDetail still = selected.get();
                    if (still != null && still.host().arn().equals(detail.host().arn())) {
                        selected.set(still.withUse(use.get(MetricKind.CPU_UTILIZATION),
                                use.get(MetricKind.MEMORY_UTILIZATION), true));
                    }
                }).onFailure(problem -> {
                    HostDetail still = selected.get();
                    if (still != null && still.host().arn().equals(detail.host().arn())) {
                        // Not "reading…" for ever: the read is over, without values; the message says why.
                        selected.set(still.withUse(null, null, true));
                    }
                    message.set("Measured use not read: " + problem.title() + ". " + problem.message());
                }));
    }

    public void selectHost(String hostArn) {
        NoiseLayout on = layout.get();
        select(on == null ? -1 : on.plan().indexOf(hostArn));
    }

    private HostDetail detail(NoiseLayout on, int cell) {
        FloorPlan.Cell c = on.plan().cells().get(cell);
        FleetSnapshot snapshot = on.snapshot();
        Host host = snapshot.host(c.hostArn()).orElseThrow();
        if (on.hostsOnly()) {
            // no task is in yet: ECS's own count of the host's tasks, their services once they are
            return new HostDetail(host, Arns.clusterName(host.clusterArn()), host.runningTasks() + host.pendingTasks(),
                    List.of("their services: still being read"), metric.get(), valueText(cell), reserved(
                            host.reservedCpu(), host.registeredCpu()), reserved(host.reservedMemory(),
                            host.registeredMemory()), null, null, false);
        }
        List<Task> tasks = snapshot.tasksOn(host.arn());
        Map<String, Integer> byService = new TreeMap<>();
        for (Task t : tasks) {
            byService.merge(t.serviceName().isEmpty() ? t.group() : t.serviceName(), 1, Integer::sum);
        }
        List<String> lines = byService.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " ×" + e.getValue()).toList();
        return new HostDetail(host, Arns.clusterName(host.clusterArn()), tasks.size(), lines, metric.get(),
                valueText(cell), reserved(host.reservedCpu(), host.registeredCpu()),
                reserved(host.reservedMemory(), host.registeredMemory()), null, null, false);
    }

    private String valueText(int cell) {
        double[] v = values.get();
        return v == null || Double.isNaN(v[cell]) ? "no data" : format(v[cell]);
    }

    private static double reserved(int reserved, int registered) {
        return registered == 0 ? 0 : 100.0 * reserved / registered;
    }

    String format(double v) {
        MetricKind kind = metric.get();
        return switch (kind.unit()) {
            case "%" -> String.format("%.1f %%", v);
            case "tasks" -> String.format("%.0f tasks", v);
            default -> String.format("%.2f %s", v, kind.unit());
        };
    }

    private TimeWindow window() {
        Instant now = clock.instant();
        long p = PERIOD.getSeconds();
        return new TimeWindow(Instant.ofEpochSecond(Math.floorDiv(now.minus(HISTORY).getEpochSecond(), p) * p), now);
    }

    /** Live polling while shown on the live frame; the play timer while playing and shown. */
    private void follow() {
        boolean poll = active.get() && live.get() && !playing.get();
        if (poll && stopLive == null) {
            livePolling.show("noise-map", LIVE_EVERY);
            stopLive = repeater.every(LIVE_TICK, this::tick);
        } else if (!poll && stopLive != null) {
            livePolling.hide("noise-map");
            stopLive.run();
            stopLive = null;
        }
        boolean play = active.get() && playing.get();
        if (play && stopPlay == null) {
            NoiseFrames data = frames.get();
            if (data != null && frame.get() >= data.size() - 1) {
                frame.set(0);
            }
            stopPlay = repeater.every(PLAY_EVERY, this::step);
        } else if (!play && stopPlay != null) {
            stopPlay.run();
            stopPlay = null;
        }
    }

    /** One play step: 10 minutes of fleet time on; at the end, stop on the live frame. */
    void step() {
        NoiseFrames data = frames.get();
        if (data == null) {
            playing.set(false);
            return;
        }
        int next = Math.min(data.size() - 1, frame.get() + PLAY_STEP);
        frame.set(next);
        if (next == data.size() - 1) {
            playing.set(false);
        }
    }

    public void goLive() {
        playing.set(false);
        NoiseFrames data = frames.get();
        if (data != null) {
            frame.set(data.size() - 1);
        }
        follow();
    }

    /** Whether live polling is scheduled now (tests, status). */
    public boolean polling() {
        return stopLive != null;
    }

    /** How many CloudWatch fetches this view-model started (tests). */
    int fetches() {
        return fetches;
    }

    public BooleanProperty activeProperty() { return active; }
    public ObjectProperty<MetricKind> metricProperty() { return metric; }
    public ObjectProperty<FloorPlan.Rows> rowsProperty() { return rows; }
    public ReadOnlyObjectProperty<NoiseLayout> layoutProperty() { return layout.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<NoiseFrames> framesProperty() { return frames.getReadOnlyProperty(); }
    public IntegerProperty frameProperty() { return frame; }
    public ReadOnlyObjectProperty<double[]> valuesProperty() { return values.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Thresholds> thresholdsProperty() { return thresholds.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Instant> frameTimeProperty() { return frameTime.getReadOnlyProperty(); }
    public BooleanProperty playingProperty() { return playing; }
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
    public ObservableList<HostReading> critical() { return critical; }
    public ReadOnlyObjectProperty<HostDetail> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Why the map drawn is old (CloudWatch's last answer failed), with what to do; empty while current. */
    public ReadOnlyStringProperty stalenessProperty() { return staleness.textProperty(); }
    /** Which source the mode reads ("Source: ECS now …"). */
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    /** Why the colours are a plain ramp (reservation, a quiet day, no levels); empty with levels. */
    public ReadOnlyStringProperty scaleNoteProperty() { return scaleNote.getReadOnlyProperty(); }
    /** How values are coloured: levels, or a plain ramp. */
    public ReadOnlyObjectProperty<HeatScale> scaleProperty() { return scale.getReadOnlyProperty(); }
    /** Whether the mode is drawn as a field between hosts, or as each host's own cell. */
    public ReadOnlyBooleanProperty fieldProperty() { return field.getReadOnlyProperty(); }
    /** The side list's heading: "Over critical: 3 hosts", "Stranded CPU: 2 hosts", "Busiest hosts". */
    public ReadOnlyStringProperty sideTitleProperty() { return sideTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sideEmptyProperty() { return sideEmpty.getReadOnlyProperty(); }
}
