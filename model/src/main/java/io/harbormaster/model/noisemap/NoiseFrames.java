package io.harbormaster.model.noisemap;

import io.harbormaster.model.metrics.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A metric's history for every cell of a {@link FloorPlan}, as frames a fixed period apart: frame {@code f} holds one
 * value per cell ({@code NaN} when the host had none). Built once from a fetch; scrubbing then only picks a frame.
 * A host whose latest periods have not been published yet keeps its last value in them, for up to {@link #CARRY}
 * frames at the end of the window, so the live frame is never blank just because CloudWatch is a minute behind; a
 * gap earlier in the history stays empty.
 */
public final class NoiseFrames {

    public static final int CARRY = 2;

    private final Instant start;
    private final Duration period;
    private final double[][] values;

    private NoiseFrames(Instant start, Duration period, double[][] values) {
        this.start = start;
        this.period = period;
        this.values = values;
    }

    /** Frames from {@code start} (a period boundary) to {@code end}, one per period; points outside are ignored. */
    public static NoiseFrames of(FloorPlan plan, Map<String, List<MetricPoint>> byHost, Instant start, Instant end,
            Duration period) {
        Objects.requireNonNull(plan, "plan");
        long p = period.getSeconds();
        if (p <= 0 || !start.isBefore(end)) {
            throw new IllegalArgumentException("frames need a positive period and a window");
        }
        int frames = (int) Math.max(1, -Math.floorDiv(-(end.getEpochSecond() - start.getEpochSecond()), p));
        double[][] values = new double[frames][plan.size()];
        for (double[] frame : values) {
            Arrays.fill(frame, Double.NaN);
        }
        byHost.forEach((host, points) -> {
            int cell = plan.indexOf(host);
            if (cell < 0) {
                return;
            }
            for (MetricPoint point : points) {
                long f = Math.floorDiv(point.at().getEpochSecond() - start.getEpochSecond(), p);
                if (f >= 0 && f < frames) {
                    values[(int) f][cell] = point.value();
                }
            }
        });
        // Only the window's tail is carried: CloudWatch may not have published the newest period or two yet. A gap
        // inside the history is real (ALB counts publish nothing for a period without requests), so it stays empty:
        // a host drained by a cutover must not glow for ten more minutes on the replay.
        for (int cell = 0; cell < plan.size(); cell++) {
            int last = frames - 1;
            while (last >= 0 && Double.isNaN(values[last][cell])) {
                last--;
            }
            if (last >= 0 && frames - 1 - last <= CARRY) {
                for (int f = last + 1; f < frames; f++) {
                    values[f][cell] = values[last][cell];
                }
            }
        }
        return new NoiseFrames(start, period, values);
    }

    /** One frame of values known only now (task count or reservation from the fleet snapshot). */
    public static NoiseFrames now(FloorPlan plan, Map<String, Double> byHost, Instant now, Duration period) {
        double[][] values = new double[1][plan.size()];
        Arrays.fill(values[0], Double.NaN);
        byHost.forEach((host, v) -> {
            int cell = plan.indexOf(host);
            if (cell >= 0 && v != null) {
                values[0][cell] = v;
            }
        });
        long p = period.getSeconds();
        return new NoiseFrames(Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), p) * p), period, values);
    }

    /**
     * These frames with the newest one's values replaced, host by host, by what is known now (ECS's exact
     * reservation and task count where the history is a 5-minute average that may lag); other frames are shared.
     */
    public NoiseFrames withLatest(FloorPlan plan, Map<String, Double> byHost) {
        double[][] copy = values.clone();
        double[] last = values[values.length - 1].clone();
        byHost.forEach((host, v) -> {
            int cell = plan.indexOf(host);
            if (cell >= 0 && v != null) {
                last[cell] = v;
            }
        });
        copy[copy.length - 1] = last;
        return new NoiseFrames(start, period, copy);
    }

    public int size() {
        return values.length;
    }

    public Duration period() {
        return period;
    }

    /** When frame {@code f} starts. */
    public Instant time(int frame) {
        return start.plus(period.multipliedBy(frame));
    }

    /** Frame {@code f}'s values, one per cell; the array is shared, not copied: do not change it. */
    public double[] values(int frame) {
        return values[frame];
    }

    /** The frame holding {@code at}, clamped to the frames there are. */
    public int frameAt(Instant at) {
        long f = Math.floorDiv(at.getEpochSecond() - start.getEpochSecond(), period.getSeconds());
        return (int) Math.max(0, Math.min(values.length - 1, f));
    }

    /** The largest value of any cell in any frame; 0 when there is none. */
    public double max() {
        double max = 0;
        for (double[] frame : values) {
            for (double v : frame) {
                if (v > max) {
                    max = v;
                }
            }
        }
        return max;
    }
}
