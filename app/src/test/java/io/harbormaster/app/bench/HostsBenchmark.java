package io.harbormaster.app.bench;

import static io.harbormaster.app.bench.FleetBenchmark.ms;
import static io.harbormaster.app.bench.FleetBenchmark.onUi;
import static io.harbormaster.app.bench.FleetBenchmark.print;
import static io.harbormaster.app.bench.FleetBenchmark.waitFor;

import io.harbormaster.app.EmbeddedSandbox;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.hosts.HostLayout;
import io.harbormaster.views.hosts.HostsView;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 14's Hosts page at fleet size: entering prod on the {@code large} fleet (1,166 hosts, 203,809 tasks) with
 * the sandbox's default latency and throttling, through the app's adapters, FleetViewModel and Hosts page on a
 * 1280×800 stage: when every host is drawn, how the task count and the time left read as the tasks arrive, and when
 * the whole fleet is in. A program, not a test: {@code ./mvnw -B -ntp -pl app -am -Pbench-hosts -DskipTests verify}.
 */
public final class HostsBenchmark {

    private HostsBenchmark() {
    }

    private static final Moments moments = new Moments();

    /** BENCH_FOCUS=off: the page's focus is dropped, for the figure without it. */
    private static final boolean FOCUS = !"off".equals(System.getenv("BENCH_FOCUS"));

    /**
     * BENCH_WARM=ecs: the ECS client built and one ListClusters made before entering, as a console that warmed its
     * ECS client (the SDK's classes, the connection) before the operator entered would have it; for how much of the
     * first picture is the SDK's first use in the JVM.
     */
    private static final boolean WARM = "ecs".equals(System.getenv("BENCH_WARM"));

    /** BENCH_UNTIL=hosts: stops once every host is drawn, for the first picture's figures alone. */
    private static final boolean HOSTS_ONLY = "hosts".equals(System.getenv("BENCH_UNTIL"));

    /** When the adapter told what, since entering. */
    private static final class Moments implements io.harbormaster.model.fleet.FleetLoadListener {
        volatile long t0;
        private final java.util.Map<String, Long> first = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger hosts = new java.util.concurrent.atomic.AtomicInteger();

        private void note(String what) {
            first.putIfAbsent(what, System.nanoTime() - t0);
        }

        @Override
        public void clustersFound(List<io.harbormaster.model.fleet.Cluster> clusters) {
            note("clusters found");
        }

        @Override
        public void servicesReady(List<io.harbormaster.model.fleet.Cluster> c, List<io.harbormaster.model.fleet.Service> s,
                java.util.Map<String, io.harbormaster.model.fleet.TaskDefinition> d) {
            note("services ready");
        }

        @Override
        public void hostsDescribed(io.harbormaster.model.fleet.Cluster c, List<io.harbormaster.model.fleet.Host> batch) {
            note("first hosts");
            if (hosts.addAndGet(batch.size()) >= 1166) {
                note("every host");
            }
        }

        @Override
        public void tasksDescribed(io.harbormaster.model.fleet.Cluster c, List<io.harbormaster.model.fleet.Task> batch) {
            note("first tasks");
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            first.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                    .forEach(e -> b.append(e.getKey()).append(" ").append(ms(e.getValue())).append("; "));
            return b.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.startHeadlessFx();
        Path dir = Files.createTempDirectory("harbormaster-bench-hosts");
        print(BenchSupport.machine());
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start(SandboxOptions.defaults().withFleet("large"), "alice",
                dir); FleetBenchmark.Rig rig = new FleetBenchmark.Rig(sandbox)) {
            print("sandbox: fleet large, per-call service time " + sandbox.sandbox().control().serviceTime().toMillis()
                    + " ms, throttling " + sandbox.sandbox().control().throttling());
            EnvironmentSession session = rig.enter();
            ExecutorService pool = new ThreadFamily("bench").workPool("worker", 4);
            FxTaskExecutor executor = new FxTaskExecutor(pool);
            CompletableFuture<HostsView> made = new CompletableFuture<>();
            CompletableFuture<FleetViewModel> fleetMade = new CompletableFuture<>();
            CompletableFuture<HostsViewModel> pageMade = new CompletableFuture<>();
            UiThread.runOnUi(() -> {
                io.harbormaster.model.fleet.LoadFleet timed = new io.harbormaster.model.fleet.LoadFleet() {
                    @Override
                    public io.harbormaster.model.fleet.FleetSnapshot load(EnvironmentSession in,
                            io.harbormaster.model.fleet.FleetLoadListener listener) {
                        return rig.fleet.load(in, listener.and(moments));
                    }

                    @Override
                    public io.harbormaster.model.fleet.FleetSnapshot load(EnvironmentSession in,
                            io.harbormaster.model.fleet.FleetLoadListener listener,
                            io.harbormaster.model.fleet.LoadFocus focus) {
                        return FOCUS ? rig.fleet.load(in, listener.and(moments), focus)
                                : rig.fleet.load(in, listener.and(moments));
                    }
                };
                FleetViewModel fleet = new FleetViewModel(timed, rig.fleet, executor, new FxRepeater(),
                        UiThread::runOnUi, Clock.systemUTC());
                HostsViewModel hosts = new HostsViewModel(fleet, executor);
                HostsView view = new HostsView(hosts);
                Stage stage = new Stage();
                Scene scene = new Scene(view, 1280, 800);
                scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                scene.getStylesheets().add(HarbormasterStyles.stylesheet());
                stage.setScene(scene);
                stage.show();
                fleet.activeProperty().set(true);
                hosts.activeProperty().set(true);
                fleetMade.complete(fleet);
                pageMade.complete(hosts);
                made.complete(view);
            });
            HostsView view = made.get();
            FleetViewModel fleet = fleetMade.get();
            HostsViewModel hosts = pageMade.get();

            if (WARM) {
                long w = System.nanoTime();
                rig.clients.ecs(rig.sessions.context(session)).listClusters();
                print("BENCH_WARM=ecs: the ECS client built and one ListClusters made before entering, in "
                        + ms(System.nanoTime() - w));
                Thread.sleep(3_000); // the Cluster read bucket full again
            }
            CallTimeline timeline = CallTimeline.attach();
            java.util.concurrent.atomic.AtomicLong laidOut = new java.util.concurrent.atomic.AtomicLong();
            UiThread.runOnUi(() -> hosts.layoutProperty().addListener((obs, old, now) -> {
                if (now != null && now.size() >= 1166) {
                    laidOut.compareAndSet(0, System.nanoTime());
                }
            }));
            long t0 = System.nanoTime();
            moments.t0 = t0;
            UiThread.runOnUi(() -> fleet.sessionProperty().set(session));
            waitFor(() -> onUi(() -> view.canvas().lastVisibleCount() > 0));
            long firstCards = System.nanoTime() - t0;
            int firstHosts = onUi(() -> hosts.layoutProperty().get().size());
            waitFor(() -> onUi(() -> {
                HostLayout l = hosts.layoutProperty().get();
                return l != null && l.size() >= 1166 && view.canvas().lastVisibleCount() > 0;
            }));
            long allHosts = System.nanoTime() - t0;
            print("the adapter's moments: " + moments);
            print(String.format("every host laid out (published to the page) %s after entering",
                    ms(laidOut.get() - t0)));
            print(String.format("first cards drawn %s after entering prod (%,d hosts laid out then); every one of "
                    + "the 1,166 hosts drawn %s after entering", ms(firstCards), firstHosts, ms(allHosts)));
            print("the calls until then (sent → ended, since entering; the wait for a token is before 'sent'):");
            timeline.each(t0, t0 + allHosts).forEach(FleetBenchmark::print);
            if (HOSTS_ONLY) {
                print("BENCH_UNTIL=hosts: stopped once every host was drawn");
                UiThread.runOnUi(() -> view.getScene().getWindow().hide());
                pool.shutdownNow();
                Platform.exit();
                System.exit(0);
            }

            waitFor(() -> onUi(() -> hosts.inViewCount() > 0 && hosts.unreadInView() == 0
                    || fleet.stateProperty().get() != FleetViewModel.State.LOADING));
            long inView = System.nanoTime() - t0;
            print(String.format("the %d hosts in view (top of the page) complete %s after entering, with %s",
                    onUi(hosts::inViewCount), ms(inView), onUi(() -> hosts.summaryProperty().get())));
            String picked = onUi(() -> io.harbormaster.app.journey.LargeFleetHosts.middleHostOfTheLargestCluster(
                    hosts));
            long pickedAt = System.nanoTime() - t0;
            UiThread.runOnUi(() -> hosts.centreOn(picked));
            waitFor(() -> onUi(() -> hosts.inViewCount() > 0 && hosts.unreadInView() == 0
                    || fleet.stateProperty().get() != FleetViewModel.State.LOADING));
            long pickedIn = System.nanoTime() - t0;
            print(String.format("centred at %s on a host in the middle of the 1,000-host cluster (focus %s): its %d "
                    + "hosts in view complete %s after entering (%s after centring), with %s", ms(pickedAt),
                    FOCUS ? "on" : "OFF", onUi(hosts::inViewCount), ms(pickedIn), ms(pickedIn - pickedAt),
                    onUi(() -> hosts.summaryProperty().get())));

            List<String> progress = new ArrayList<>();
            long next = 5_000_000_000L;
            while (onUi(() -> fleet.stateProperty().get()) == FleetViewModel.State.LOADING) {
                long now = System.nanoTime() - t0;
                if (now >= next) {
                    progress.add(String.format("  %5.1f s: %s", now / 1e9, onUi(() -> hosts.summaryProperty().get())));
                    next += next < 30_000_000_000L ? 5_000_000_000L : 30_000_000_000L;
                }
                Thread.sleep(100);
            }
            long loaded = System.nanoTime() - t0;
            waitFor(() -> onUi(() -> hosts.loadingTasksProperty().get() == null && hosts.modelProperty().get() != null
                    && hosts.modelProperty().get().taskCount() > 0));
            print("the Hosts page's summary while the tasks arrive (time since entering):");
            progress.forEach(FleetBenchmark::print);
            print(String.format("whole fleet in (every task) %s after entering: %s", ms(loaded),
                    onUi(() -> hosts.summaryProperty().get())));
            UiThread.runOnUi(() -> view.getScene().getWindow().hide());
            pool.shutdownNow();
        }
        Platform.exit();
        System.exit(0);
    }
}
