package io.harbormaster.views.noisemap;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.Thresholds;
import io.harbormaster.model.noisemap.FloorPlan;
import io.harbormaster.model.noisemap.HeatScale;
import io.harbormaster.model.noisemap.NoiseModes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The hosts listed beside the map, chosen by what the mode means: over the critical level where there are levels;
 * for reservation, hosts with capacity stranded beside a full resource (ECS's numbers now); otherwise the busiest.
 */
final class SideList {

    static final int BUSIEST = 10;

    private SideList() {
    }

    static List<HostReading> of(MetricKind kind, HeatScale scale, NoiseLayout on, double[] values,
            DoubleFunction<String> format) {
        List<HostReading> out = new ArrayList<>();
        if (NoiseModes.packing(kind)) {
            for (FloorPlan.Cell c : on.plan().cells()) {
                on.snapshot().host(c.hostArn()).ifPresent(h -> stranded(kind, h).ifPresent(free ->
                        out.add(reading(c, h, free, String.format("%.0f %% %s stranded · %s %.0f %% reserved", free,
                                resource(kind), other(kind), reserved(h, other(kind)))))));
            }
        } else {
            boolean leveled = scale != null && scale.leveled();
            for (FloorPlan.Cell c : on.plan().cells()) {
                double v = values[c.index()];
                if (!Double.isNaN(v) && (!leveled || scale.thresholds().levelOf(v) == Thresholds.Level.CRITICAL)) {
                    out.add(reading(c, on.snapshot().host(c.hostArn()).orElse(null), v, format.apply(v)));
                }
            }
        }
        out.sort(Comparator.comparingDouble(HostReading::value).reversed().thenComparing(HostReading::name));
        boolean busiest = !NoiseModes.packing(kind) && (scale == null || !scale.leveled());
        return busiest && out.size() > BUSIEST ? List.copyOf(out.subList(0, BUSIEST)) : out;
    }

    static String title(MetricKind kind, HeatScale scale, int count) {
        if (NoiseModes.packing(kind)) {
            return "Stranded " + resource(kind) + " now: " + count + (count == 1 ? " host" : " hosts");
        }
        return scale != null && scale.leveled() ? "Over critical: " + count + (count == 1 ? " host" : " hosts")
                : "Busiest hosts";
    }

    static String placeholder(MetricKind kind, HeatScale scale) {
        if (NoiseModes.packing(kind)) {
            // short enough for the one line the list keeps beside a host's detail; the scale note says what it means
            return "No host has " + resource(kind) + " stranded.";
        }
        return scale != null && scale.leveled() ? "No host is over its critical level." : "No readings.";
    }

    private static OptionalDouble stranded(MetricKind kind, Host h) {
        if (h.registeredCpu() <= 0 || h.registeredMemory() <= 0) {
            return OptionalDouble.empty();
        }
        return NoiseModes.stranded(reserved(h, resource(kind)), reserved(h, other(kind)));
    }

    private static double reserved(Host h, String resource) {
        return resource.equals("CPU") ? 100.0 * h.reservedCpu() / h.registeredCpu()
                : 100.0 * h.reservedMemory() / h.registeredMemory();
    }

    private static String resource(MetricKind kind) {
        return kind == MetricKind.CPU_RESERVATION ? "CPU" : "memory";
    }

    private static String other(MetricKind kind) {
        return kind == MetricKind.CPU_RESERVATION ? "memory" : "CPU";
    }

    private static HostReading reading(FloorPlan.Cell c, Host h, double value, String text) {
        return new HostReading(c.hostArn(), c.name(), h == null ? "" : h.availabilityZone(), c.band(), value, text);
    }
}
