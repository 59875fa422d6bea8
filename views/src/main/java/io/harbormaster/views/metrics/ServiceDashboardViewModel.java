package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.ChartAlarms;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.DeployMarker;
import io.harbormaster.model.metrics.DeployMarkers;
import io.harbormaster.model.metrics.LivePolling;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.ServiceDashboard;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.metrics.TimeRange;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.shared.metrics.CachedMetrics;
import io.harbormaster.views.shared.metrics.ChartStaleness;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One service's charts: which service and range, the series of each chart, their warning/critical levels and the
 * deploys on the time axis. On a change the cached points show at once, then CloudWatch's answer replaces them; on
 * the live range the last minutes are topped up every {@link #LIVE_EVERY} of the metrics clock (checked every
 * {@link #LIVE_TICK}) while the dashboard is shown, and never while it is hidden.
 */
public final class ServiceDashboardViewModel {

    public static final Duration LIVE_EVERY = Duration.ofSeconds(60);
    /** How often the wall clock asks whether {@link #LIVE_EVERY} of the metrics clock has passed. */
    public static final Duration LIVE_TICK = Duration.ofSeconds(1);
    /** What a live top-up re-reads: the last few minutes, as CloudWatch fills the latest ones in late. */
    public static final Duration TOP_UP = Duration.ofMinutes(5);

    private final MetricsDependencies deps;
    private final CachedMetrics metrics;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Clock clock;

    private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<FleetData> fleet = new SimpleObjectProperty<>(this, "fleet");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObservableList<Service> services = FXCollections.observableArrayList();
    private final StringProperty serviceArn = new SimpleStringProperty(this, "serviceArn");
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(this, "range", TimeRange.LIVE);
    private final ReadOnlyObjectWrapper<List<MetricKind>> charts = new ReadOnlyObjectWrapper<>(this, "charts",
            List.of());
    private final ReadOnlyObjectWrapper<Map<MetricKind, List<NamedSeries>>> series = new ReadOnlyObjectWrapper<>(
            this, "series", Map.of());
    private final ReadOnlyObjectWrapper<Map<MetricKind, Thresholds>> thresholds = new ReadOnlyObjectWrapper<>(this,
            "thresholds", Map.of());
    /** The levels the service's alarms set on each chart (none while no dashboard shows). */
    private final ReadOnlyObjectWrapper<Map<MetricKind, List<ChartAlarms.Level>>> alarmLevels =
            new ReadOnlyObjectWrapper<>(this, "alarmLevels", Map.of());
    /** The warning and critical levels drawn: the operator's own, or the defaults on a chart no alarm sets levels of. */
    private final ReadOnlyObjectWrapper<Map<MetricKind, Thresholds>> drawnLevels = new ReadOnlyObjectWrapper<>(this,
            "drawnLevels", Map.of());
    /** The charts whose levels the operator set (not the defaults). */
    private Set<MetricKind> ownLevels = Set.of();
    private ObservableList<Alarm> alarms = FXCollections.emptyObservableList();
    private final ReadOnlyObjectWrapper<List<DeployMarker>> markers = new ReadOnlyObjectWrapper<>(this, "markers",
            List.of());
    private final ReadOnlyObjectWrapper<TimeWindow> window = new ReadOnlyObjectWrapper<>(this, "window");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper fromCache = new ReadOnlyBooleanWrapper(this, "fromCache");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final RecentServices recent;
    private final ChartStaleness staleness;
    /** With no session: the recently viewed services offered instead of the fleet's, by ARN. */
    private final Map<String, RecentServices.Entry> offered = new HashMap<>();

    private ServiceDashboard dashboard;
    /** What the charts leave out and why (load balancers not read); shown until the service changes. */
    private String caveat = "";
    private final Map<String, List<MetricPoint>> points = new HashMap<>();
    private List<MetricQuery> queries = List.of();
    /** The reads of the service and range shown; choosing another cancels them. */
    private final LatestWins reads;
    private Runnable stopLive;
    private LivePolling live = new LivePolling();

    public ServiceDashboardViewModel(MetricsDependencies deps, TaskExecutor executor, Repeater repeater, Clock clock) {
        this.deps = deps;
        this.metrics = new CachedMetrics(deps);
        this.executor = executor;
        this.repeater = repeater;
        this.clock = clock;
        this.reads = new LatestWins(executor);
        this.recent = new RecentServices(deps.uiState());
        this.staleness = new ChartStaleness(clock, "the charts");
        fleet.addListener((o, a, now) -> fleetChanged(now));
        session.addListener((o, a, now) -> {
            serviceArn.set(null);
            clear();
            if (now == null) {
                offerRecent();
            } else {
                offered.clear();
            }
        });
        thresholds.addListener((o, a, b) -> drawLevels());
        alarmLevels.addListener((o, a, b) -> drawLevels());
        serviceArn.addListener((o, a, b) -> reload());
        range.addListener((o, a, b) -> reload());
        active.addListener((o, a, now) -> {
            if (now && services.isEmpty()) {
                offerRecent();
            }
            if (now && dashboard == null) {
                reload();
            } else if (now && range.get().live()) {
                topUp();
            }
            follow();
        });
    }

    /**
     * The environment's alarms, as the alarms bar reads them: those on the metric and statistic a chart draws are
     * drawn on it at their thresholds ({@link ChartAlarms}).
     */
    public void drawAlarmsOf(ObservableList<Alarm> environmentAlarms) {
        alarms = Objects.requireNonNull(environmentAlarms, "environmentAlarms");
        alarms.addListener((ListChangeListener<Alarm>) change -> levelAlarms());
        levelAlarms();
    }

    private void levelAlarms() {
        alarmLevels.set(dashboard == null ? Map.of() : ChartAlarms.of(dashboard.chartMetrics(), List.copyOf(alarms)));
    }

    /** Defaults give way to the alarms on the same chart; levels the operator set are drawn beside them. */
    private void drawLevels() {
        Map<MetricKind, Thresholds> drawn = new EnumMap<>(MetricKind.class);
        thresholds.get().forEach((kind, levels) -> {
            if (ownLevels.contains(kind) || !alarmLevels.get().containsKey(kind)) {
                drawn.put(kind, levels);
            }
        });
        drawnLevels.set(drawn);
    }

    /** The page went out of sight: reads in flight stop, and the dashboard is read again when it shows. */
    public void hidden() {
        if (reads.isBusy()) {
            reads.next();
            dashboard = null;
        }
    }

    public void bind(ObservableValue<EnvironmentSession> currentSession, ObservableValue<FleetData> currentFleet) {
        session.bind(currentSession);
        fleet.bind(currentFleet);
    }

    /**
     * No environment entered (none yet, or it could not be: CloudWatch or the network unreachable): the services
     * viewed lately are offered, each drawn from its cached history alone.
     */
    private void offerRecent() {
        if (!active.get() || session.get() != null || fleet.get() != null) {
            return;
        }
        executor.submit(BackgroundTask.of("Reading recently viewed services", recent::all).quietly()
                .onSuccess(entries -> {
                    if (session.get() != null || fleet.get() != null) {
                        return;
                    }
                    offered.clear();
                    entries.forEach(e -> offered.putIfAbsent(e.serviceArn(), e));
                    services.setAll(offered.values().stream().map(RecentServices.Entry::service)
                            .sorted(Comparator.comparing(Service::clusterName).thenComparing(Service::name))
                            .toList());
                }).onFailure(problem -> message.set("Recently viewed services not read: " + problem.message())));
    }

    /** Opens the dashboard of a service (from the Services page, or the picker). */
    public void showService(String arn) {
        serviceArn.set(arn);
    }

    private void fleetChanged(FleetData data) {
        if (data == null) {
            services.clear();
            if (session.get() == null) {
                offerRecent();
            }
            return;
        }
        List<Service> sorted = new ArrayList<>(data.snapshot().services());
        sorted.sort(Comparator.comparing(Service::clusterName).thenComparing(Service::name));
        if (!sorted.stream().map(Service::arn).toList().equals(services.stream().map(Service::arn).toList())) {
            services.setAll(sorted);
        }
        service().ifPresent(s -> markers.set(markersOf(s)));
    }

    public Optional<Service> service() {
        FleetData data = fleet.get();
        String arn = serviceArn.get();
        if (data == null && arn != null && session.get() == null && offered.containsKey(arn)) {
            return Optional.of(offered.get(arn).service());
        }
        return data == null || arn == null ? Optional.empty() : data.snapshot().service(arn);
    }

    private void clear() {
        reads.next();
        live = new LivePolling();
        dashboard = null;
        points.clear();
        charts.set(List.of());
        series.set(Map.of());
        alarmLevels.set(Map.of());
        markers.set(List.of());
        caveat = "";
        message.set("");
        offline.set(false);
        staleness.reset();
        follow();
    }

    /** Cache first, then CloudWatch, for the service and range chosen. */
    public void reload() {
        clear();
        EnvironmentSession in = session.get();
        Optional<Service> chosen = service();
        if (in == null && chosen.isPresent() && active.get()) {
            reloadOffline(offered.get(chosen.get().arn()));
            return;
        }
        if (in == null || chosen.isEmpty() || !active.get()) {
            return;
        }
        LatestWins.Turn mine = reads.current();
        Service svc = chosen.get();
        TimeRange r = range.get();
        TimeWindow w = r.window(clock.instant());
        window.set(w);
        markers.set(markersOf(svc));
        thresholds.set(levelsOf(in.environment().id(), svc));
        drawLevels(); // the operator's own levels may be new where the values are not
        mine.submit(BackgroundTask.of("Reading cached metrics of " + svc.name(), () -> {
            LoadBalancers found = loadBalancersOf(in, svc);
            Map<String, String> lbs = found.byTargetGroup();
            recent.remember(new RecentServices.Entry(in.environment().id(), in.environment().displayName(), in.region(),
                    svc.arn(), svc.name(), svc.clusterArn(), lbs));
            ServiceDashboard d = ServiceDashboard.of(svc, lbs);
            List<MetricQuery> q = d.queries(r.period());
            return new Prepared(d, q, metrics.cached(in.environment().id(), in.region(), q, w), found.caveat());
        }).quietly().onSuccess(prepared -> {
            caveat = prepared.caveat();
            message.set(caveat);
            dashboard = prepared.dashboard();
            queries = prepared.queries();
            charts.set(dashboard.charts());
            levelAlarms();
            merge(prepared.cached());
            fromCache.set(CachedMetrics.anyPoints(prepared.cached()));
            publish();
            live.polled(clock.instant());
            fetch(mine, in, w, svc.name() + " · " + r.label());
            follow();
        }).onFailure(problem -> message.set(problem.title() + ": " + problem.message())));
    }

    /** A recently viewed service's charts from the local cache alone: nothing is asked of AWS. */
    private void reloadOffline(RecentServices.Entry entry) {
        LatestWins.Turn mine = reads.current();
        Service svc = entry.service();
        TimeRange r = range.get();
        TimeWindow w = r.window(clock.instant());
        window.set(w);
        thresholds.set(levelsOf(entry.environmentId(), svc));
        drawLevels();
        mine.submit(BackgroundTask.of("Reading cached metrics of " + svc.name(), () -> {
            ServiceDashboard d = ServiceDashboard.of(svc, entry.loadBalancerByTargetGroup());
            List<MetricQuery> q = d.queries(r.period());
            return new Prepared(d, q, metrics.cached(entry.environmentId(), entry.region(), q, w), "");
        }).quietly().onSuccess(prepared -> {
            dashboard = prepared.dashboard();
            queries = prepared.queries();
            charts.set(dashboard.charts());
            levelAlarms();
            merge(prepared.cached());
            fromCache.set(true);
            offline.set(true);
            boolean any = CachedMetrics.anyPoints(prepared.cached());
            message.set((any ? "" : "Nothing cached for " + r.label() + ". ") + entry.environmentName()
                    + " is not entered: only what was fetched before is shown.");
            publish();
        }).onFailure(problem -> message.set(problem.title() + ": " + problem.message())));
    }

    private record LoadBalancers(Map<String, String> byTargetGroup, String caveat) {
    }

    /** The ALB of each target group; unreachable, the dashboard shows what it can (CPU and memory) and says why. */
    private LoadBalancers loadBalancersOf(EnvironmentSession in, Service svc) {
        if (svc.targetGroupArns().isEmpty()) {
            return new LoadBalancers(Map.of(), "");
        }
        try {
            return new LoadBalancers(deps.loadBalancers().loadBalancers(in, svc.targetGroupArns()), "");
        } catch (RuntimeException unreachable) {
            System.getLogger(ServiceDashboardViewModel.class.getName()).log(System.Logger.Level.INFO,
                    "Load balancers of " + svc.name() + " not read; load-balancer charts left out", unreachable);
            return new LoadBalancers(Map.of(), "Request and latency charts left out: the load balancers of "
                    + svc.name() + " could not be read (" + BackgroundTask.problemOf(unreachable).title() + ").");
        }
    }

    private record Prepared(ServiceDashboard dashboard, List<MetricQuery> queries, List<MetricSeries> cached,
                            String caveat) {
    }

    private void fetch(LatestWins.Turn mine, EnvironmentSession in, TimeWindow w, String what) {
        List<MetricQuery> asked = queries;
        LivePolling polling = live;
        mine.submit(BackgroundTask.of("Fetching metrics of " + what, () -> metrics.fetch(in, asked, w))
                .onSuccess(got -> {
                    polling.covered(w.end());
                    merge(got);
                    fromCache.set(false);
                    message.set(caveat);
                    staleness.read();
                    publish();
                }).onFailure(problem -> {
                    message.set((fromCache.get() ? "Showing cached history. " : "") + problem.title() + ": "
                            + problem.message());
                    staleness.failed(problem, latestPoint(), range.get().live() ? LIVE_EVERY : null);
                }));
    }

    private Instant latestPoint() {
        return points.values().stream().flatMap(List::stream).map(MetricPoint::at).max(Instant::compareTo)
                .orElse(null);
    }

    /** A tick of the wall clock: a top-up when a minute of the metrics clock has passed since the last. */
    private void tick() {
        if (live.due(clock.instant())) {
            topUp();
        }
    }

    /** The live range's latest minutes, and whatever the clock skipped since the last answer. */
    void topUp() {
        EnvironmentSession in = session.get();
        if (dashboard == null || in == null || !range.get().live()) {
            return;
        }
        Instant now = clock.instant();
        live.polled(now);
        TimeWindow w = range.get().window(now);
        window.set(w);
        TimeWindow recent = live.topUp(now, TOP_UP, range.get().period(), w.start());
        fetch(reads.current(), in, recent, service().map(Service::name).orElse("service") + " · live");
    }

    private void merge(List<MetricSeries> got) {
        for (MetricSeries s : got) {
            points.put(s.query().id(), CachedMetrics.merge(points.getOrDefault(s.query().id(), List.of()), s.points()));
        }
    }

    private void publish() {
        TimeWindow w = window.get();
        List<MetricSeries> inWindow = new ArrayList<>();
        for (MetricQuery q : queries) {
            inWindow.add(new MetricSeries(q, points.getOrDefault(q.id(), List.of()).stream()
                    .filter(p -> !p.at().isBefore(w.start())).toList()));
        }
        series.set(dashboard.display(inWindow, clock.instant()));
    }

    private List<DeployMarker> markersOf(Service svc) {
        TimeWindow w = window.get() == null ? range.get().window(clock.instant()) : window.get();
        return DeployMarkers.of(svc, new TimeWindow(w.start(), clock.instant().plusSeconds(1)));
    }

    private Map<MetricKind, Thresholds> levelsOf(String environmentId, Service svc) {
        Map<MetricKind, Thresholds> out = new EnumMap<>(MetricKind.class);
        Set<MetricKind> own = EnumSet.noneOf(MetricKind.class);
        String scope = ThresholdSettings.serviceScope(svc.clusterName(), svc.name());
        for (MetricKind k : MetricKind.values()) {
            Optional<Thresholds> set = deps.thresholds().find(environmentId, scope, k);
            set.ifPresent(t -> own.add(k));
            set.or(k::defaultThresholds).ifPresent(t -> out.put(k, t));
        }
        ownLevels = own;
        return out;
    }

    /**
     * Sets a chart's levels for this service, kept locally; the lines move at once.
     *
     * @throws IllegalArgumentException when the levels are in the wrong order (shown by the editor)
     */
    public void setThresholds(MetricKind kind, double warning, double critical) {
        boolean higherIsWorse = kind.defaultThresholds().map(Thresholds::higherIsWorse).orElse(true);
        Thresholds levels = new Thresholds(warning, critical, higherIsWorse);
        store(kind, levels);
    }

    /** Back to the default levels. */
    public void resetThresholds(MetricKind kind) {
        store(kind, null);
    }

    private void store(MetricKind kind, Thresholds levels) {
        EnvironmentSession in = session.get();
        Service svc = service().orElse(null);
        if (in == null || svc == null) {
            return;
        }
        String env = in.environment().id();
        String scope = ThresholdSettings.serviceScope(svc.clusterName(), svc.name());
        Map<MetricKind, Thresholds> next = new EnumMap<>(MetricKind.class);
        next.putAll(thresholds.get());
        Set<MetricKind> own = EnumSet.noneOf(MetricKind.class);
        own.addAll(ownLevels);
        if (levels == null) {
            next.remove(kind);
            kind.defaultThresholds().ifPresent(d -> next.put(kind, d));
            own.remove(kind);
        } else {
            next.put(kind, levels);
            own.add(kind);
        }
        ownLevels = own;
        thresholds.set(next);
        drawLevels();
        executor.submit(BackgroundTask.run("Remembering the levels of " + kind.label(), () -> {
            if (levels == null) {
                deps.thresholds().remove(env, scope, kind);
            } else {
                deps.thresholds().put(env, scope, kind, levels);
            }
        }).quietly().onFailure(problem -> message.set("Levels not saved: " + problem.message())));
    }

    private void follow() {
        boolean poll = active.get() && range.get().live() && dashboard != null;
        if (poll && stopLive == null) {
            live.show("dashboard", LIVE_EVERY);
            stopLive = repeater.every(LIVE_TICK, this::tick);
        } else if (!poll && stopLive != null) {
            live.hide("dashboard");
            stopLive.run();
            stopLive = null;
        }
    }

    public boolean polling() {
        return stopLive != null;
    }

    public BooleanProperty activeProperty() { return active; }
    public ObservableList<Service> services() { return services; }
    public StringProperty serviceArnProperty() { return serviceArn; }
    public ObjectProperty<TimeRange> rangeProperty() { return range; }
    public ReadOnlyObjectProperty<List<MetricKind>> chartsProperty() { return charts.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Map<MetricKind, List<NamedSeries>>> seriesProperty() {
        return series.getReadOnlyProperty();
    }
    public ReadOnlyObjectProperty<Map<MetricKind, Thresholds>> thresholdsProperty() {
        return thresholds.getReadOnlyProperty();
    }
    /** The warning and critical levels drawn: {@link #thresholdsProperty()} less defaults an alarm stands for. */
    public ReadOnlyObjectProperty<Map<MetricKind, Thresholds>> drawnLevelsProperty() {
        return drawnLevels.getReadOnlyProperty();
    }
    /** Each chart's alarms, drawn at their thresholds; a chart no alarm watches is absent. */
    public ReadOnlyObjectProperty<Map<MetricKind, List<ChartAlarms.Level>>> alarmLevelsProperty() {
        return alarmLevels.getReadOnlyProperty();
    }
    public ReadOnlyObjectProperty<List<DeployMarker>> markersProperty() { return markers.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TimeWindow> windowProperty() { return window.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Why the charts drawn are old (CloudWatch's last answer failed), with what to do; empty while current. */
    public ReadOnlyStringProperty stalenessProperty() { return staleness.textProperty(); }
    /** True while what is shown came from the local cache and CloudWatch has not answered yet. */
    public ReadOnlyBooleanProperty fromCacheProperty() { return fromCache.getReadOnlyProperty(); }
    /** Drawn from the cache alone because no environment could be entered (CloudWatch unreachable). */
    public ReadOnlyBooleanProperty offlineProperty() { return offline.getReadOnlyProperty(); }
}
