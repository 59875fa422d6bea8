package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMetricHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private static MetricQuery cpu(String id, String service, String statistic) {
        return new MetricQuery(id, MetricId.of("AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "main", "ServiceName", service)), statistic, MINUTE);
    }

    private static List<MetricPoint> minutes(int from, int count, double base) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(new MetricPoint(T0.plus(MINUTE.multipliedBy(i)), base + i));
        }
        return out;
    }

    @Test
    void savedPointsLoadBackPerQueryInTheOrderAskedAndOnlyInsideTheWindow() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteMetricHistory history = new SqliteMetricHistory(store);
            history.save("prod", "us-east-1", List.of(new MetricSeries(cpu("a", "web", "Average"), minutes(0, 60, 0)),
                    new MetricSeries(cpu("b", "api", "Average"), minutes(0, 60, 100))));

            List<MetricSeries> loaded = history.load("prod", "us-east-1",
                    List.of(cpu("x", "api", "Average"), cpu("y", "web", "Average"), cpu("z", "web", "Maximum")),
                    T0.plus(MINUTE.multipliedBy(10)), T0.plus(MINUTE.multipliedBy(20)));

            assertThat(loaded).extracting(s -> s.query().id()).containsExactly("x", "y", "z");
            assertThat(loaded.get(0).points()).hasSize(10).first().isEqualTo(
                    new MetricPoint(T0.plus(MINUTE.multipliedBy(10)), 110));
            assertThat(loaded.get(1).points()).extracting(MetricPoint::value).startsWith(10.0, 11.0).endsWith(19.0);
            assertThat(loaded.get(2).points()).as("another statistic is another series").isEmpty();
            assertThat(history.load("stage", "us-east-1", List.of(cpu("x", "api", "Average")), T0,
                    T0.plus(Duration.ofHours(1))).get(0).points()).as("another environment").isEmpty();
        }
    }

    @Test
    void aSaveLandingAfterTheStoreClosedIsQuietlySkipped() throws Exception {
        LocalStore store = LocalStore.open(dir.resolve("h.db"));
        SqliteMetricHistory history = new SqliteMetricHistory(store);
        store.close();

        history.save("prod", "us-east-1", List.of(new MetricSeries(cpu("a", "web", "Average"), minutes(0, 5, 0))));
        history.pruneExpired(java.time.Clock.systemUTC());
        assertThat(history.load("prod", "us-east-1", List.of(cpu("a", "web", "Average")), T0,
                T0.plus(Duration.ofHours(1))).get(0).points()).isEmpty();
    }

    @Test
    void aRestartKeepsEveryPoint() throws Exception {
        Path db = dir.resolve("h.db");
        try (LocalStore store = LocalStore.open(db)) {
            new SqliteMetricHistory(store).save("prod", "us-east-1",
                    List.of(new MetricSeries(cpu("a", "web", "p99"), minutes(0, 1_440, 0))));
        }
        try (LocalStore again = LocalStore.open(db)) {
            List<MetricSeries> loaded = new SqliteMetricHistory(again).load("prod", "us-east-1",
                    List.of(cpu("a", "web", "p99")), T0, T0.plus(Duration.ofDays(1)));
            assertThat(loaded.get(0).points()).hasSize(1_440).isEqualTo(minutes(0, 1_440, 0));
        }
    }

    @Test
    void aPointFetchedAgainReplacesTheOldValue() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteMetricHistory history = new SqliteMetricHistory(store);
            MetricQuery q = cpu("a", "web", "Sum");
            history.save("prod", "us-east-1", List.of(new MetricSeries(q, List.of(new MetricPoint(T0, 10),
                    new MetricPoint(T0.plus(MINUTE), 3)))));
            history.save("prod", "us-east-1", List.of(new MetricSeries(q, List.of(new MetricPoint(T0.plus(MINUTE),
                    42)))));

            assertThat(history.load("prod", "us-east-1", List.of(q), T0, T0.plus(Duration.ofHours(1))).get(0).points())
                    .containsExactly(new MetricPoint(T0, 10), new MetricPoint(T0.plus(MINUTE), 42));
        }
    }

    @Test
    void pruneDropsOnlyWhatIsOlderThanTheCutoff() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteMetricHistory history = new SqliteMetricHistory(store);
            MetricQuery q = cpu("a", "web", "Average");
            List<MetricPoint> threeDays = new ArrayList<>();
            for (int h = 0; h < 72; h++) {
                threeDays.add(new MetricPoint(T0.plus(Duration.ofHours(h)), h));
            }
            history.save("prod", "us-east-1", List.of(new MetricSeries(q, threeDays)));

            Instant now = T0.plus(Duration.ofHours(72));
            history.pruneExpired(Clock.fixed(now, ZoneOffset.UTC));

            List<MetricPoint> left = history.load("prod", "us-east-1", List.of(q), T0, now).get(0).points();
            assertThat(left).hasSize(48);
            assertThat(left.get(0).at()).isEqualTo(now.minus(SqliteMetricHistory.RETENTION));
        }
    }

    @Test
    void aThousandHostsOfADayAreSavedInOneTransaction() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteMetricHistory history = new SqliteMetricHistory(store);
            List<MetricSeries> fleet = new ArrayList<>();
            List<MetricQuery> queries = new ArrayList<>();
            for (int h = 0; h < 1_000; h++) {
                MetricQuery q = new MetricQuery("h" + h, MetricId.of("Harbormaster/ContainerInstance",
                        "CPUUtilization", Map.of("ContainerInstanceId", "ci" + h)), "Average", Duration.ofMinutes(5));
                queries.add(q);
                List<MetricPoint> day = new ArrayList<>();
                for (int i = 0; i < 288; i++) {
                    day.add(new MetricPoint(T0.plus(Duration.ofMinutes(5L * i)), h + i));
                }
                fleet.add(new MetricSeries(q, day));
            }
            long started = System.nanoTime();
            history.save("prod", "us-east-1", fleet);
            Duration saving = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            List<MetricSeries> loaded = history.load("prod", "us-east-1", queries, T0, T0.plus(Duration.ofDays(1)));
            Duration loading = Duration.ofNanos(System.nanoTime() - started);

            assertThat(loaded).allSatisfy(s -> assertThat(s.points()).hasSize(288));
            assertThat(loaded.get(999).points().get(0).value()).isEqualTo(999);
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "288,000 points saved in " + saving.toMillis() + " ms, loaded in " + loading.toMillis() + " ms");
            assertThat(saving).isLessThan(Duration.ofSeconds(20));
        }
    }
}
