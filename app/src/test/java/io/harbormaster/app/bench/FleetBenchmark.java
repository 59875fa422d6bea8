package io.harbormaster.app.bench;

import io.harbormaster.app.EmbeddedSandbox;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteFleetArchive;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.ecs.EcsFleet;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.CallPlan;
import io.harbormaster.model.fleet.CallPlanner;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetShape;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.hosts.HostsView;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 5's numbers at fleet scale, against the embedded sandbox with its default per-call latency and throttling:
 * API calls of a full load and an idle refresh against the planner's minimum, load wall time, time until the 2,000
 * services are rows of the Services table (by name, then described, then from the saved fleet on re-entry), Hosts
 * canvas redraw after pan/zoom at 1,000 hosts, time to first
 * paint of Hosts, and heap after the full load. A program, not a test: {@code ./mvnw -B -ntp -pl app -am -Pbench
 * -DskipTests verify} (see BENCHMARKS.md).
 */
public final class FleetBenchmark {

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.startHeadlessFx();

        Path work = Files.createTempDirectory("harbormaster-bench");
        print(BenchSupport.machine());
        // BENCH_FLEETS=services skips the long `large` part (a few minutes) when only the Services numbers matter.
        String fleets = Optional.ofNullable(System.getenv("BENCH_FLEETS")).orElse("large,services");
        if (fleets.contains("large")) {
            large(work.resolve("large"));
        } else {
            print("\n## fleet 'large' skipped (BENCH_FLEETS=" + fleets + ")");
        }
        services(work.resolve("services"));
        Platform.exit();
        System.exit(0);
    }

    private static void large(Path dir) throws Exception {
        print("\n## fleet 'large' (prod: 1,000 × m5.16xlarge with 200 tasks each, plus the ordinary clusters)");
        long started = System.nanoTime();
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start(SandboxOptions.defaults().withFleet("large"), "alice", dir);
                Rig rig = new Rig(sandbox)) {
            print("sandbox up with its fleet in " + ms(System.nanoTime() - started) + ", per-call service time "
                    + sandbox.sandbox().control().serviceTime().toMillis() + " ms, throttling "
                    + sandbox.sandbox().control().throttling());
            EnvironmentSession session = rig.enter();

            long t0 = System.nanoTime();
            AtomicLong servicesAt = new AtomicLong();
            FleetSnapshot snapshot = rig.fleet.load(session, new FleetLoadListener() {
                @Override
                public void servicesReady(List<io.harbormaster.model.fleet.Cluster> c,
                        List<io.harbormaster.model.fleet.Service> s,
                        java.util.Map<String, io.harbormaster.model.fleet.TaskDefinition> d) {
                    servicesAt.set(System.nanoTime());
                }
            });
            long loadNanos = System.nanoTime() - t0;
            print(snapshot.toString());
            report("full load", snapshot.stats(), CallPlanner.fullLoad(FleetShape.of(snapshot)), loadNanos,
                    sandbox.sandbox().control().serviceTime());
            print("  services announced after " + ms(servicesAt.get() - t0));

            long r0 = System.nanoTime();
            FleetSnapshot refreshed = rig.fleet.refresh(session, snapshot, FleetLoadListener.NONE);
            report("idle refresh", refreshed.stats(), CallPlanner.idleRefresh(FleetShape.of(refreshed)),
                    System.nanoTime() - r0, sandbox.sandbox().control().serviceTime());

            FitBench.run(snapshot);
            FleetData data = FleetData.of(snapshot);
            hosts(data);
            data = null;
            refreshed = null;
            heap("after the full load (snapshot held, packing and views dropped)", snapshot);
        }
    }

    private static void services(Path dir) throws Exception {
        print("\n## fleet 'services' (prod plus one cluster of 2,000 services)");
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start(SandboxOptions.defaults().withFleet("services"), "alice",
                dir); Rig rig = new Rig(sandbox)) {
            EnvironmentSession session = rig.enter();
            ExecutorService pool = new ThreadFamily("bench").workPool("worker", 8);
            FxTaskExecutor executor = new FxTaskExecutor(pool);
            LocalStore store = LocalStore.open(dir.resolve("bench.db"));
            CountingArchive archive = new CountingArchive(new SqliteFleetArchive(store, Clock.systemUTC()));

            CallTimeline timeline = CallTimeline.attach();
            FxLag lag = new FxLag();
            print("first entry (nothing saved):");
            Entry cold = Entry.start(rig, archive, executor, session);
            waitFor(() -> cold.fleet.stateProperty().get() == FleetViewModel.State.LOADED);
            long done = System.nanoTime();
            FleetSnapshot snapshot = cold.fleet.data().snapshot();
            int total = snapshot.services().size();
            print(String.format("  every service a row (name and cluster, from ListServices) %s after entering",
                    ms(cold.firstAt(total, false) - cold.t0)));
            print(String.format("  every row described (DescribeServices) %s after entering",
                    ms(cold.firstAt(total, true) - cold.t0)));
            print(String.format("  (the adapter had every cluster's names %s and every service described %s after"
                    + " entering)", ms(cold.lastListed.get() - cold.t0), ms(cold.servicesReady.get() - cold.t0)));
            print(String.format("  Services table updates during the load: %,d (coalesced every %d ms)",
                    cold.updates.size(), 200));
            cold.explain(timeline, lag, cold.firstAt(total, true));
            print("  whole fleet (hosts and tasks too) loaded after " + ms(done - cold.t0) + ": " + snapshot);
            report("full load", snapshot.stats(), CallPlanner.fullLoad(FleetShape.of(snapshot)), done - cold.t0,
                    sandbox.sandbox().control().serviceTime());
            waitFor(() -> archive.saves.get() > 0);

            print("re-entry with the archive warm (a new console: nothing in memory):");
            Thread.sleep(5_000); // let the ECS read bucket refill as it would between two visits
            Entry warm = Entry.start(rig, archive, executor, session);
            waitFor(() -> warm.firstAt(total, false) > 0);
            long savedShown = warm.firstSavedAt();
            print(String.format("  the saved %,d services shown %s after entering (banner: %s)", total,
                    savedShown > 0 ? ms(savedShown - warm.t0) : "never (the load was first)",
                    onUi(() -> warm.savedBanner)));
            waitFor(() -> warm.fleet.stateProperty().get() == FleetViewModel.State.LOADED
                    || warm.firstAt(total, true) > 0);
            print(String.format("  every row current again %s after entering",
                    ms(warm.firstAt(total, true) - warm.t0)));
            warm.explain(timeline, lag, warm.firstAt(total, true));
            lag.close();
            timeline.close();
            UiThread.runOnUi(() -> warm.fleet.sessionProperty().set(null));
            pool.shutdownNow();
            store.close();
        }
    }

    /** One entry into prod through a new FleetViewModel and ServicesViewModel, with the table's updates timed. */
    private static final class Entry {
        final FleetViewModel fleet;
        final ServicesViewModel services;
        final long t0;
        /** Each table update on the UI thread: when, rows, rows described, rows from the saved fleet. */
        final List<long[]> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String savedBanner = "";
        /** When the adapter told its listener the last cluster's names, and that every service was described. */
        final AtomicLong lastListed = new AtomicLong();
        final AtomicLong servicesReady = new AtomicLong();

        /** The listener the view-model gave, passed everything, with the adapter's own moments noted. */
        FleetLoadListener timing(FleetLoadListener to) {
            return new FleetLoadListener() {
                @Override
                public void progress(io.harbormaster.model.fleet.FleetProgress p) {
                    to.progress(p);
                }

                @Override
                public void clustersFound(List<io.harbormaster.model.fleet.Cluster> clusters) {
                    to.clustersFound(clusters);
                }

                @Override
                public void servicesListed(io.harbormaster.model.fleet.Cluster c, List<String> arns) {
                    lastListed.set(System.nanoTime());
                    to.servicesListed(c, arns);
                }

                @Override
                public void servicesDescribed(io.harbormaster.model.fleet.Cluster c,
                        List<io.harbormaster.model.fleet.Service> services) {
                    to.servicesDescribed(c, services);
                }

                @Override
                public void servicesReady(List<io.harbormaster.model.fleet.Cluster> c,
                        List<io.harbormaster.model.fleet.Service> services,
                        java.util.Map<String, io.harbormaster.model.fleet.TaskDefinition> d) {
                    servicesReady.set(System.nanoTime());
                    to.servicesReady(c, services, d);
                }
            };
        }

        /** Each picture the view-model published on the UI thread: when, services, describing, earlier. */
        final List<long[]> published = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** Where the time up to {@code until} went: calls per throttling bucket, the FX thread, what was shown. */
        void explain(CallTimeline timeline, FxLag lag, long until) {
            long end = until > 0 ? until : System.nanoTime();
            print("  calls by AWS throttling bucket until then (time since entering):");
            timeline.summary(t0, end).forEach(line -> print("    " + line));
            print("    " + lag.summary(t0, end));
            StringBuilder shown = new StringBuilder();
            for (long[] p : published) {
                if (p[0] <= end) {
                    shown.append(String.format(" %.2f s: %,d rows (%,d describing, %,d saved);", (p[0] - t0) / 1e9,
                            p[1], p[2], p[3]));
                }
            }
            print("    pictures published:" + shown);
        }

        private Entry(FleetViewModel fleet, ServicesViewModel services, long t0) {
            this.fleet = fleet;
            this.services = services;
            this.t0 = t0;
        }

        static Entry start(Rig rig, FleetArchive archive, FxTaskExecutor executor, EnvironmentSession session)
                throws Exception {
            CompletableFuture<Entry> made = new CompletableFuture<>();
            UiThread.runOnUi(() -> {
                LoadFleet timed = (in, listener) -> rig.fleet.load(in, made.getNow(null).timing(listener));
                FleetViewModel fleet = new FleetViewModel(timed, rig.fleet, archive, executor, new FxRepeater(),
                        UiThread::runOnUi, Clock.systemUTC());
                ServicesViewModel services = new ServicesViewModel(fleet, executor);
                fleet.stalenessProperty().addListener((o, was, now) -> {
                    Entry e = made.getNow(null);
                    if (e != null && now.startsWith("Saved view") && e.savedBanner.isEmpty()) {
                        e.savedBanner = now;
                    }
                });
                Entry entry = new Entry(fleet, services, System.nanoTime());
                fleet.dataProperty().addListener((o, was, now) -> {
                    if (now != null) {
                        entry.published.add(new long[] {System.nanoTime(), now.snapshot().services().size()
                                + now.describing().size(), now.describing().size(), now.earlier().size()});
                    }
                });
                services.allRows().addListener((javafx.collections.ListChangeListener<ServiceRow>) c -> {
                    long described = services.allRows().stream().filter(ServiceRow::described).count();
                    long saved = services.allRows().stream()
                            .filter(r -> r.freshness() == ServiceRow.Freshness.EARLIER).count();
                    entry.updates.add(new long[] {System.nanoTime(), services.allRows().size(),
                            described - saved, saved});
                });
                made.complete(entry);
                fleet.sessionProperty().set(session);
            });
            return made.get();
        }

        /** When the table first had {@code total} rows (all described by this load, when asked); 0 if never. */
        long firstAt(int total, boolean described) {
            return updates.stream().filter(u -> u[1] >= total && (!described || u[2] >= total)).mapToLong(u -> u[0])
                    .findFirst().orElse(0);
        }

        /** When the table first showed saved rows; 0 if never. */
        long firstSavedAt() {
            return updates.stream().filter(u -> u[3] > 0).mapToLong(u -> u[0]).findFirst().orElse(0);
        }
    }

    /** The app's SQLite archive, counting its saves. */
    private static final class CountingArchive implements FleetArchive {
        private final FleetArchive archive;
        final AtomicLong saves = new AtomicLong();

        CountingArchive(FleetArchive archive) {
            this.archive = archive;
        }

        @Override
        public Optional<FleetSnapshot> lastSaved(String environmentId, String region) {
            return archive.lastSaved(environmentId, region);
        }

        @Override
        public void save(FleetSnapshot s) {
            archive.save(s);
            saves.incrementAndGet();
        }
    }

    private static void hosts(FleetData data) throws Exception {
        ExecutorService pool = new ThreadFamily("bench-hosts").workPool("worker", 2);
        FxTaskExecutor executor = new FxTaskExecutor(pool);
        CompletableFuture<HostsView> made = new CompletableFuture<>();
        CompletableFuture<FleetViewModel> fleetMade = new CompletableFuture<>();
        EnvironmentSession fake = new EnvironmentSession(BenchSupport.PROD, new io.harbormaster.model.environment.CallerIdentity(
                "444444444444", "arn:aws:sts::444444444444:assumed-role/admin/alice", "AROA"), "us-east-1", null);
        UiThread.runOnUi(() -> {
            FleetViewModel fleet = new FleetViewModel((s, l) -> data.snapshot(), (s, p, l) -> p, executor,
                    (period, action) -> () -> { }, UiThread::runOnUi, Clock.systemUTC());
            HostsView view = new HostsView(new HostsViewModel(fleet, executor));
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1600, 1000);
            scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().add(HarbormasterStyles.stylesheet());
            stage.setScene(scene);
            stage.show();
            fleetMade.complete(fleet);
            made.complete(view);
        });
        HostsView view = made.get();
        FleetViewModel fleet = fleetMade.get();
        long t0 = System.nanoTime();
        UiThread.runOnUi(() -> fleet.sessionProperty().set(fake));
        waitFor(() -> onUi(() -> view.canvas().lastVisibleCount() > 0));
        long firstPaint = System.nanoTime() - t0;
        print("\nHosts: time to first paint " + ms(firstPaint) + " from the snapshot's arrival (hosts model and layout"
                + " off the UI thread, then the first draw); " + onUi(() -> view.canvas().lastVisibleCount())
                + " cards in a 1600×1000 view at 100%");
        for (double zoom : new double[] {1.0, 0.25}) {
            long[] times = onUi(() -> {
                view.canvas().reset();
                view.canvas().zoomAt(zoom, 0, 0);
                view.canvas().pan(0, -300 * zoom);
                long[] t = new long[200];
                for (int i = 0; i < t.length; i++) {
                    if (i % 2 == 0) {
                        int way = i % 8 < 4 ? -1 : 1;
                        view.canvas().pan(way * 37, way * 53);
                    } else {
                        view.canvas().zoomAt(i % 4 == 1 ? 1.05 : 1 / 1.05, 800, 500);
                    }
                    t[i] = view.canvas().lastDrawNanos();
                }
                return t;
            });
            int visible = onUi(() -> view.canvas().lastVisibleCount());
            Arrays.sort(times);
            print(String.format("Hosts redraw after pan/zoom at %.0f%% (%,d cards in view, 1,000-host cluster): "
                    + "median %.2f ms, p95 %.2f ms, max %.2f ms over 200 redraws on the FX thread", zoom * 100, visible,
                    times[100] / 1e6, times[189] / 1e6, times[199] / 1e6));
        }
        UiThread.runOnUi(() -> view.getScene().getWindow().hide());
        pool.shutdownNow();
    }

    private static void report(String what, FleetStats stats, CallPlan plan, long wallNanos, Duration serviceTime) {
        int calls = stats.totalCalls();
        print(String.format("%s: %,d API calls (planner minimum %,d; excess by operation %s), %d retries, %d throttled; "
                        + "wall %s", what, calls, plan.total(), plan.excessOf(stats), stats.retries(), stats.throttles(),
                ms(wallNanos)));
        print(String.format("  the sandbox's own answering time: %,d calls × %d ms = %s of handler time, at least %s "
                        + "with its 8 HTTP threads", calls, serviceTime.toMillis(),
                ms(calls * serviceTime.toNanos()), ms(calls * serviceTime.toNanos() / 8)));
        print("  calls by operation: " + stats.callsByOperation());
    }

    private static void heap(String when, Object keep) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        print(String.format("heap used %s: %,d MiB", when, (r.totalMemory() - r.freeMemory()) >> 20));
        if (keep.hashCode() == 42) {
            print("");
        }
    }

    static <T> T onUi(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(work.get()));
        return f.join();
    }

    static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

    static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.1f s", nanos / 1e9) : String.format("%,d ms", nanos / 1_000_000);
    }

    static void print(String line) {
        System.out.println(line);
    }

    /** The adapters as the app wires them, pointed at one sandbox. */
    static final class Rig implements AutoCloseable {
        final AwsClientFactory clients = new AwsClientFactory();
        final AwsSessions sessions;
        final EcsFleet fleet;
        final EmbeddedSandbox sandbox;

        Rig(EmbeddedSandbox sandbox) {
            this.sandbox = sandbox;
            sessions = new AwsSessions(() -> AwsProfiles.load(sandbox.files()), clients, Clock.systemUTC());
            fleet = new EcsFleet(sessions, clients, Clock.systemUTC());
        }

        EnvironmentSession enter() {
            return sessions.enter(BenchSupport.PROD, (environment, serial) ->
                    Optional.of(sandbox.sandbox().currentTotpCode("alice")));
        }

        @Override
        public void close() {
            fleet.close();
            clients.close();
        }
    }
}
