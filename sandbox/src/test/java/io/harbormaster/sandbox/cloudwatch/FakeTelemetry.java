package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A stand-in for the traffic model: metrics whose per-minute samples are a deterministic function of the minute,
 * existing only from a given instant and never in the future, so tests control exactly what CloudWatch serves.
 */
public final class FakeTelemetry implements Telemetry {

    /** A metric's samples in the minute starting at the given epoch second. */
    private record Series(String account, Instant since, LongFunction<double[]> samples) {
    }

    private final Map<MetricKey, Series> series = new LinkedHashMap<>();
    private final Supplier<Instant> now;

    public FakeTelemetry(Supplier<Instant> now) {
        this.now = now;
    }

    public synchronized void add(String account, MetricKey key, Instant since, LongFunction<double[]> samples) {
        series.put(key, new Series(account, since, samples));
    }

    /** A level per minute (one sample). */
    public void level(String account, MetricKey key, Instant since, LongFunction<Double> level) {
        add(account, key, since, m -> new double[] {level.apply(m)});
    }

    /** {@code n} samples a minute drawn from a log-normal-ish latency distribution, seeded by the minute. */
    public static LongFunction<double[]> latencies(int n, double medianSeconds) {
        return m -> {
            SplittableRandom r = new SplittableRandom(m * 31 + 7);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = medianSeconds * Math.exp(0.6 * gaussian(r));
            }
            return out;
        };
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Override
    public synchronized List<MetricKey> metrics(String account, String region) {
        List<MetricKey> out = new ArrayList<>();
        series.forEach((k, s) -> {
            if (s.account.equals(account)) {
                out.add(k);
            }
        });
        return out;
    }

    @Override
    public synchronized OptionalDouble sample(String account, String region, MetricKey metric, Instant start,
            Duration period, String statistic) {
        Series s = series.get(metric);
        if (s == null || !s.account.equals(account)) {
            return OptionalDouble.empty();
        }
        long from = Math.max(start.getEpochSecond(), ceilMinute(s.since.getEpochSecond()));
        long to = Math.min(start.plus(period).getEpochSecond(), now.get().getEpochSecond());
        List<Double> all = new ArrayList<>();
        for (long m = ceilMinute(from); m + 60 <= to; m += 60) {
            for (double v : s.samples.apply(m)) {
                all.add(v);
            }
        }
        if (all.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] v = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return switch (statistic) {
            case "Average" -> OptionalDouble.of(Arrays.stream(v).average().orElseThrow());
            case "Sum" -> OptionalDouble.of(Arrays.stream(v).sum());
            case "Minimum" -> OptionalDouble.of(v[0]);
            case "Maximum" -> OptionalDouble.of(v[v.length - 1]);
            case "SampleCount" -> OptionalDouble.of(v.length);
            default -> {
                double p = Double.parseDouble(statistic.substring(1));
                int rank = (int) Math.max(1, Math.ceil(p / 100 * v.length));
                yield OptionalDouble.of(v[rank - 1]);
            }
        };
    }

    private static long ceilMinute(long s) {
        return Math.floorDiv(s + 59, 60) * 60;
    }
}
