package io.harbormaster.views.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.metrics.FakeMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CachedMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-14T13:00:00Z");
    private static final TimeWindow HOUR = new TimeWindow(T0, T0.plus(Duration.ofHours(1)));
    private static final MetricQuery CPU = new MetricQuery("cpu", new MetricId("AWS/ECS", "CPUUtilization",
            new TreeMap<>()), "Average", Duration.ofMinutes(5));

    private final FakeMetrics ports = new FakeMetrics();
    private final CachedMetrics metrics = new CachedMetrics(ports.deps());
    private final EnvironmentSession dev = Fixtures.session(Fixtures.DEV);

    @Test
    void theCacheAnswersWithoutAskingCloudWatch() {
        ports.cache(CPU, T0.plus(Duration.ofMinutes(5)), 40);
        ports.cache(CPU, T0.minus(Duration.ofMinutes(5)), 99); // before the window

        List<MetricSeries> cached = metrics.cached("dev", "eu-west-1", List.of(CPU), HOUR);

        assertThat(cached).singleElement().satisfies(s -> assertThat(s.points())
                .containsExactly(new MetricPoint(T0.plus(Duration.ofMinutes(5)), 40)));
        assertThat(CachedMetrics.anyPoints(cached)).isTrue();
        assertThat(ports.fetches).isEmpty();
    }

    @Test
    void whatCloudWatchAnswersIsSavedSoTheCacheHasItNextTime() {
        ports.cloudWatch = (q, at) -> 70.0;

        List<MetricSeries> fetched = metrics.fetch(dev, List.of(CPU), HOUR);

        assertThat(fetched).singleElement().satisfies(s -> assertThat(s.points()).hasSize(12));
        assertThat(ports.fetches).containsExactly(List.of(CPU));
        assertThat(metrics.cached("dev", "eu-west-1", List.of(CPU), HOUR).get(0).points())
                .isEqualTo(fetched.get(0).points());
    }

    @Test
    void aFailedFetchLeavesTheCacheAlone() {
        ports.cache(CPU, T0, 40);
        ports.offline = true;

        assertThatThrownBy(() -> metrics.fetch(dev, List.of(CPU), HOUR)).isInstanceOf(IllegalStateException.class);
        assertThat(metrics.cached("dev", "eu-west-1", List.of(CPU), HOUR).get(0).points())
                .containsExactly(new MetricPoint(T0, 40));
    }

    @Test
    void noQueriesAskNothing() {
        assertThat(metrics.cached("dev", "eu-west-1", List.of(), HOUR)).isEmpty();
        assertThat(metrics.fetch(dev, List.of(), HOUR)).isEmpty();
        assertThat(ports.fetches).isEmpty();
    }

    @Test
    void anEmptyCacheIsNotWorthShowing() {
        assertThat(CachedMetrics.anyPoints(metrics.cached("dev", "eu-west-1", List.of(CPU), HOUR))).isFalse();
    }

    @Test
    void newerPointsReplaceOlderOnesAtTheSameTimeAndStayInTimeOrder() {
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);
        List<MetricPoint> merged = CachedMetrics.merge(
                List.of(new MetricPoint(t2, 2), new MetricPoint(T0, 0)),
                List.of(new MetricPoint(t1, 10), new MetricPoint(t2, 20)));

        assertThat(merged).containsExactly(new MetricPoint(T0, 0), new MetricPoint(t1, 10), new MetricPoint(t2, 20));
    }
}
