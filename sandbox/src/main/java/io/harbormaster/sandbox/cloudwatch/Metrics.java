package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import io.harbormaster.sandbox.core.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Where a datapoint comes from: what clients published (the {@link MetricStore}) or, for metrics nobody published,
 * what the fleet measures ({@link Telemetry}, looked up on each call because the traffic model may register it
 * after CloudWatch is installed, or not at all).
 */
final class Metrics {

    /** Units of the metrics the fleet produces, as CloudWatch reports them. */
    private static final Map<String, String> TELEMETRY_UNITS = Map.ofEntries(
            Map.entry("RequestCount", "Count"),
            Map.entry("HTTPCode_Target_5XX_Count", "Count"),
            Map.entry("HTTPCode_Target_2XX_Count", "Count"),
            Map.entry("HTTPCode_Target_4XX_Count", "Count"),
            Map.entry("HTTPCode_ELB_5XX_Count", "Count"),
            Map.entry("TargetResponseTime", "Seconds"),
            Map.entry("HealthyHostCount", "Count"),
            Map.entry("UnHealthyHostCount", "Count"),
            Map.entry("CPUUtilization", "Percent"),
            Map.entry("MemoryUtilization", "Percent"),
            Map.entry("CPUReservation", "Percent"),
            Map.entry("MemoryReservation", "Percent"));

    static final Comparator<MetricKey> ORDER = Comparator.comparing(MetricKey::namespace)
            .thenComparing(MetricKey::name)
            .thenComparing(k -> k.dimensions().toString());

    private final World world;

    Metrics(World world) {
        this.world = world;
    }

    Telemetry telemetry() {
        try {
            return world.component(Telemetry.class);
        } catch (IllegalStateException notRegisteredYet) {
            return null;
        }
    }

    static String telemetryUnit(String metricName) {
        return TELEMETRY_UNITS.getOrDefault(metricName, "None");
    }

    /**
     * One statistic of one metric over [start, start + period): published data if the metric was ever published,
     * else the fleet's telemetry. Empty when there is no data (before the resource existed, or a unit that does
     * not match).
     */
    OptionalDouble value(CloudWatchRegion region, MetricKey key, String unit, Instant start, Duration period, Stat stat) {
        if (region.store.has(key)) {
            Agg a = MetricStore.window(region.store.find(key, unit), start, start.plus(period));
            return a == null ? OptionalDouble.empty() : a.statistic(stat);
        }
        Telemetry t = telemetry();
        if (t == null || (unit != null && !unit.equals(telemetryUnit(key.name())))) {
            return OptionalDouble.empty();
        }
        OptionalDouble v = t.sample(region.account, region.region, key, start, period, stat.telemetryName());
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
    }

    /** How long after its period ends a fleet metric's datapoint is taken as final. */
    static final Duration SETTLED_AFTER = Duration.ofMinutes(1);

    /**
     * {@link #value} for an alarm's evaluation: a datapoint of the fleet's own metrics whose period ended
     * {@link #SETTLED_AFTER} ago is computed once and then kept, as CloudWatch keeps a datapoint once it has it
     * (an alarm looks at the same minutes again at each of its evaluations: four of a warning's five); a newer one
     * once per evaluation round (a service's warning and critical alarms look at the same metric). Published
     * metrics are read afresh.
     */
    OptionalDouble alarmValue(CloudWatchRegion region, MetricKey key, String unit, Instant start, Duration period,
            Stat stat, Instant now) {
        if (region.store.has(key)) {
            return value(region, key, unit, start, period, stat);
        }
        CloudWatchRegion.Settled datapoint = new CloudWatchRegion.Settled(key, unit, start, period, stat);
        java.util.Map<CloudWatchRegion.Settled, OptionalDouble> kept;
        if (start.plus(period).plus(SETTLED_AFTER).isAfter(now)) {
            // not final yet: computed once per evaluation round, shared by the alarms on the metric
            if (!now.equals(region.freshAt)) {
                region.fresh.clear();
                region.freshAt = now;
            }
            kept = region.fresh;
        } else {
            kept = region.settled;
        }
        OptionalDouble known = kept.get(datapoint);
        if (known == null) {
            known = value(region, key, unit, start, period, stat);
            kept.put(datapoint, known);
        }
        return known;
    }

    /** The unit a datapoint is reported in. */
    String unitOf(CloudWatchRegion region, MetricKey key, String asked) {
        if (asked != null) {
            return asked;
        }
        if (region.store.has(key)) {
            List<MetricStore.Series> s = region.store.find(key, null);
            return s.isEmpty() ? "None" : s.get(0).unit;
        }
        return telemetryUnit(key.name());
    }

    /** Every metric that exists: the fleet's and the published ones, sorted. */
    List<MetricKey> list(CloudWatchRegion region, Instant now, boolean recentlyActive) {
        Set<MetricKey> all = new LinkedHashSet<>();
        Telemetry t = telemetry();
        if (t != null) {
            all.addAll(t.metrics(region.account, region.region));
        }
        all.addAll(region.store.metrics(now, recentlyActive ? Duration.ofHours(3) : Duration.ofDays(14)));
        List<MetricKey> out = new ArrayList<>(all);
        out.sort(ORDER);
        return out;
    }
}
