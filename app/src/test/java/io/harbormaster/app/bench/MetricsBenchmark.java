package io.harbormaster.app.bench;

import io.harbormaster.app.EmbeddedSandbox;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteMetricHistory;
import io.harbormaster.app.store.SqliteThresholdSettings;
import io.harbormaster.aws.cloudwatch.CloudWatchAlarms;
import io.harbormaster.aws.cloudwatch.CloudWatchMetrics;
import io.harbormaster.aws.cloudwatch.ElbTargetGroupLoadBalancers;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.ecs.EcsFleet;
import io.harbormaster.aws.logs.CloudWatchLogsSearch;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.HostMetrics;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.noisemap.NoiseMapCanvas;
import io.harbormaster.views.noisemap.NoiseMapViewModel;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 6's numbers at 1,000 hosts, against the embedded sandbox's {@code large} fleet: GetMetricData calls for one
 * live refresh of one host metric across every host, the noise map's redraw at 1,000 cells, and the frame times of
 * scrubbing through 24 h. A program, not a test: {@code ./mvnw -B -ntp -pl app -am -Pbench-metrics -DskipTests
 * verify} (see BENCHMARKS.md).
 */
public final class MetricsBenchmark {

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.startHeadlessFx();

        Path work = Files.createTempDirectory("harbormaster-metrics-bench");
        print(BenchSupport.machine());
        // the fleet load is issue 5's benchmark; here it only has to be quick, so no per-call latency or throttling
        SandboxOptions options = SandboxOptions.defaults().withFleet("large").withServiceTime(Duration.ZERO)
                .withThrottling(false);
        AwsClientFactory clients = new AwsClientFactory();
        ExecutorService pool = new ThreadFamily("bench-metrics").workPool("worker", 4);
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.start(options, "alice", work.resolve("sandbox"));
                LocalStore store = LocalStore.open(work.resolve("bench.db"))) {
            AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(sandbox.files()), clients,
                    Clock.systemUTC());
            EnvironmentSession session = sessions.enter(BenchSupport.PROD, (environment, serial) ->
                    Optional.of(sandbox.sandbox().currentTotpCode("alice")));
            long t0 = System.nanoTime();
            FleetSnapshot snapshot;
            try (EcsFleet fleet = new EcsFleet(sessions, clients, Clock.systemUTC())) {
                snapshot = fleet.load(session, FleetLoadListener.NONE);
            }
            print(String.format("fleet 'large' loaded in %s: %s", ms(System.nanoTime() - t0), snapshot));
            Clock sandboxNow = new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return sandbox.sandbox().clock().now();
                }
            };
            CloudWatchMetrics cloudWatch = new CloudWatchMetrics(sessions, clients);
            MetricsDependencies deps = new MetricsDependencies(cloudWatch, new SqliteMetricHistory(store),
                    new SqliteThresholdSettings(store), new ElbTargetGroupLoadBalancers(sessions, clients),
                    new CloudWatchAlarms(sessions, clients), new CloudWatchLogsSearch(sessions, clients),
                    sandboxNow, new io.harbormaster.app.store.SqliteUiStateStore(store));

            liveRefresh(cloudWatch, session, snapshot, sandboxNow);
            noiseMap(deps, new FxTaskExecutor(pool), session, snapshot, sandboxNow, cloudWatch);
        } finally {
            pool.shutdownNow();
            clients.close();
        }
        Platform.exit();
        System.exit(0);
    }

    /** What the noise map asks every 60 s while live: the last 15 minutes of one metric for every host. */
    private static void liveRefresh(CloudWatchMetrics cloudWatch, EnvironmentSession session, FleetSnapshot snapshot,
            Clock now) {
        String biggest = snapshot.hosts().stream().collect(java.util.stream.Collectors.groupingBy(Host::clusterArn,
                java.util.stream.Collectors.counting())).entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .orElseThrow().getKey();
        HostMetrics sources = HostMetrics.of(snapshot);
        liveRefresh(cloudWatch, session, sources, snapshot.hosts().stream().filter(h -> h.clusterArn().equals(biggest))
                .toList(), now, "the 1,000-host cluster");
        liveRefresh(cloudWatch, session, sources, snapshot.hosts(), now, "the whole fleet");
    }

    private static void liveRefresh(CloudWatchMetrics cloudWatch, EnvironmentSession session, HostMetrics sources,
            List<Host> hosts, Clock now, String which) {
        HostMetrics.HostQueries q = sources.queries(hosts,
                MetricKind.CPU_UTILIZATION, NoiseMapViewModel.PERIOD);
        Instant end = now.instant();
        long before = cloudWatch.calls();
        long t0 = System.nanoTime();
        var series = cloudWatch.fetch(session, q.queries(), end.minus(NoiseMapViewModel.TOP_UP), end);
        long wall = System.nanoTime() - t0;
        long answered = q.byHost(series).values().stream().filter(p -> !p.isEmpty()).count();
        print(String.format("\nlive refresh of CPU utilisation for %s, %,d hosts (%,d queries, last %d min at %d min):"
                + " %d GetMetricData calls, %s, %,d hosts answered", which, hosts.size(), q.queries().size(),
                NoiseMapViewModel.TOP_UP.toMinutes(), NoiseMapViewModel.PERIOD.toMinutes(),
                cloudWatch.calls() - before, ms(wall), answered));
    }

    private static void noiseMap(MetricsDependencies deps, FxTaskExecutor executor, EnvironmentSession session,
            FleetSnapshot snapshot, Clock now, CloudWatchMetrics cloudWatch) throws Exception {
        CompletableFuture<NoiseMapViewModel> made = new CompletableFuture<>();
        CompletableFuture<NoiseMapCanvas> canvasMade = new CompletableFuture<>();
        long callsBefore = cloudWatch.calls();
        long t0 = System.nanoTime();
        UiThread.runOnUi(() -> {
            NoiseMapViewModel vm = new NoiseMapViewModel(deps, executor, (period, action) -> () -> { }, now);
            vm.bind(new SimpleObjectProperty<>(session), new SimpleObjectProperty<>(FleetData.of(snapshot)));
            NoiseMapCanvas canvas = new NoiseMapCanvas(vm);
            Stage stage = new Stage();
            Scene scene = new Scene(canvas, 1600, 1000);
            scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().add(HarbormasterStyles.stylesheet());
            stage.setScene(scene);
            stage.show();
            vm.activeProperty().set(true);
            made.complete(vm);
            canvasMade.complete(canvas);
        });
        NoiseMapViewModel vm = made.get();
        NoiseMapCanvas canvas = canvasMade.get();
        waitFor(() -> onUi(() -> vm.framesProperty().get() != null && vm.framesProperty().get().size() > 200
                && (vm.messageProperty().get().isEmpty() || vm.messageProperty().get().startsWith("CloudWatch had "))
                && vm.valuesProperty().get() != null
                && Arrays.stream(vm.valuesProperty().get()).filter(v -> !Double.isNaN(v)).count()
                        >= snapshot.hosts().size() / 2));
        int cells = onUi(() -> vm.layoutProperty().get().plan().size());
        int frames = onUi(() -> vm.framesProperty().get().size());
        print(String.format("\nnoise map of CPU utilisation: %,d cells, 24 h = %d frames of %d min, first full picture"
                + " %s after the fleet arrived (%d GetMetricData calls for the 24 h of every host)", cells, frames,
                NoiseMapViewModel.PERIOD.toMinutes(), ms(System.nanoTime() - t0), cloudWatch.calls() - callsBefore));

        long[] redraws = onUi(() -> {
            long[] t = new long[200];
            for (int i = 0; i < t.length; i++) {
                canvas.redraw();
                t[i] = canvas.lastRedrawNanos();
            }
            return t;
        });
        Arrays.sort(redraws);
        print(String.format("noise-map redraw at %,d cells (1600×1000, field image + cells + labels): median %.2f ms,"
                + " p95 %.2f ms, max %.2f ms over 200 redraws on the FX thread", cells, redraws[100] / 1e6,
                redraws[189] / 1e6, redraws[199] / 1e6));

        // scrubbing: every frame of the day in turn, as dragging the scrubber from start to end does
        long[][] scrub = onUi(() -> {
            long[] whole = new long[frames];
            long[] draw = new long[frames];
            for (int f = 0; f < frames; f++) {
                long s = System.nanoTime();
                vm.frameProperty().set(f);
                canvas.redraw(); // what the next pulse draws: the map draws once a pulse, not at each change
                whole[f] = System.nanoTime() - s;
                draw[f] = canvas.lastRedrawNanos();
            }
            return new long[][] {whole, draw};
        });
        Arrays.sort(scrub[0]);
        Arrays.sort(scrub[1]);
        print(String.format("scrub through 24 h (%d frames, frame set → values, hosts over critical, redraw): median"
                + " %.2f ms, p95 %.2f ms, max %.2f ms per frame; of which redraw median %.2f ms, p95 %.2f ms",
                frames, pct(scrub[0], 50), pct(scrub[0], 95), scrub[0][frames - 1] / 1e6, pct(scrub[1], 50),
                pct(scrub[1], 95)));
        UiThread.runOnUi(() -> canvas.getScene().getWindow().hide());
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private static <T> T onUi(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.1f s", nanos / 1e9)
                : String.format("%,d ms", nanos / 1_000_000);
    }

    private static void print(String line) {
        System.out.println(line);
    }
}
