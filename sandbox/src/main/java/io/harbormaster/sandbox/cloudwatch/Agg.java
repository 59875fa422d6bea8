package io.harbormaster.sandbox.cloudwatch;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What CloudWatch keeps of the values published into one time bucket: count, sum, min, max, and (for percentiles)
 * the raw values with their counts, up to {@link #MAX_VALUES} distinct entries a bucket so memory stays bounded.
 * Statistic sets carry no distribution, so a bucket fed only by them has no percentiles — as on AWS.
 */
final class Agg {

    static final int MAX_VALUES = 1000;

    double count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    private double[] values = new double[0];
    private double[] weights = new double[0];
    private int n;
    private boolean statisticSets;

    void add(double value, double weight) {
        count += weight;
        sum += value * weight;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (n < MAX_VALUES) {
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.max(4, n * 2));
                weights = Arrays.copyOf(weights, Math.max(4, n * 2));
            }
            values[n] = value;
            weights[n] = weight;
            n++;
        }
    }

    void addSet(double sampleCount, double setSum, double setMin, double setMax) {
        count += sampleCount;
        sum += setSum;
        min = Math.min(min, setMin);
        max = Math.max(max, setMax);
        statisticSets = true;
    }

    void merge(Agg o) {
        count += o.count;
        sum += o.sum;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        statisticSets |= o.statisticSets;
        for (int i = 0; i < o.n; i++) {
            if (n >= MAX_VALUES) {
                break;
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.max(4, n * 2));
                weights = Arrays.copyOf(weights, Math.max(4, n * 2));
            }
            values[n] = o.values[i];
            weights[n] = o.weights[i];
            n++;
        }
    }

    boolean empty() {
        return count <= 0;
    }

    OptionalDouble statistic(Stat stat) {
        if (empty()) {
            return OptionalDouble.empty();
        }
        return switch (stat.kind()) {
            case AVERAGE -> OptionalDouble.of(sum / count);
            case SUM -> OptionalDouble.of(sum);
            case MINIMUM -> OptionalDouble.of(min);
            case MAXIMUM -> OptionalDouble.of(max);
            case SAMPLE_COUNT -> OptionalDouble.of(count);
            case PERCENTILE -> percentile(stat.percentile());
        };
    }

    /** Nearest-rank percentile over the kept values, weighted by their counts. */
    private OptionalDouble percentile(double p) {
        if (n == 0 || statisticSets) {
            return OptionalDouble.empty();
        }
        Integer[] order = new Integer[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double rank = Math.max(Math.ceil(p / 100.0 * total), 1);
        double seen = 0;
        for (Integer i : order) {
            seen += weights[i];
            if (seen >= rank) {
                return OptionalDouble.of(values[i]);
            }
        }
        return OptionalDouble.of(values[order[n - 1]]);
    }
}
