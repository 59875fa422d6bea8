package io.harbormaster.model.noisemap;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.Thresholds;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the noise map reads each metric. A field between hosts says something only where neighbouring values are
 * related: load spread by a load balancer over a service's tasks is; how full one host is packed tells nothing about
 * the host next to it, so reservation and task count are drawn as cells alone. Reservation is coloured as a ramp
 * with no "critical" (a host packed to 100 % is the scheduler doing its job); its problem is stranded capacity, one
 * resource free on a host where the other is used up. A period too quiet to reach half of the warning level would
 * be all green: it is drawn relative to its busiest host instead, and said to be quiet.
 */
public final class NoiseModes {

    /** A resource reserved to at least this share leaves the host unable to take another task. */
    public static final double FULL = 90;
    /** The least free share of the other resource worth calling stranded. */
    public static final double STRANDED_AT_LEAST = 25;

    private NoiseModes() {
    }

    /** Whether values are interpolated between hosts (else each host is its own cell). */
    public static boolean field(MetricKind kind) {
        return switch (kind) {
            case CPU_UTILIZATION, MEMORY_UTILIZATION, REQUEST_RATE, ERROR_RATE_5XX -> true;
            default -> false;
        };
    }

    /** Reservation modes: more is fuller packing, not worse. */
    public static boolean packing(MetricKind kind) {
        return kind == MetricKind.CPU_RESERVATION || kind == MetricKind.MEMORY_RESERVATION;
    }

    /** Whether nothing in the period came near the warning level (half of it, at most). */
    public static boolean quiet(Thresholds levels, double max) {
        return levels.higherIsWorse() && max < levels.warning() / 2;
    }

    /**
     * The colour scale: the levels, where there are levels and the period came near them; a 0–100 % ramp for
     * reservation; otherwise a ramp up to the period's busiest value.
     */
    public static HeatScale scale(MetricKind kind, Optional<Thresholds> levels, double max) {
        if (packing(kind)) {
            return HeatScale.ramp(100);
        }
        if (levels.isEmpty() || quiet(levels.get(), max)) {
            return HeatScale.ramp(max > 0 ? max : 1);
        }
        return new HeatScale(levels.get());
    }

    /**
     * The free share of a resource no task can use because the host's other resource is full: e.g. CPU 35 %
     * reserved, memory 96 % — 65 % of the CPU is stranded. Empty when nothing is stranded.
     */
    public static OptionalDouble stranded(double reservedHere, double reservedOther) {
        double free = 100 - reservedHere;
        return reservedOther >= FULL && free >= STRANDED_AT_LEAST ? OptionalDouble.of(free) : OptionalDouble.empty();
    }
}
