package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault knob: which images misbehave, and how. Explicit rules (a substring of the image reference → a fault)
 * win, most recently set first; otherwise the markers "faulty", "crashloop" and "flaky" in the image select
 * FAIL_HEALTH_CHECK, CRASH_ON_START and SERVE_ERRORS. Later services (load balancers, metrics, logs) read the
 * same knob so a faulty version looks faulty everywhere.
 */
public final class ImageFaults {

    private final Map<String, Fault> rules = new LinkedHashMap<>();

    public synchronized void set(String imageSubstring, Fault fault) {
        rules.remove(imageSubstring);
        rules.put(imageSubstring, fault);
    }

    public synchronized void clear(String imageSubstring) {
        rules.remove(imageSubstring);
    }

    public synchronized Map<String, Fault> rules() {
        return Map.copyOf(rules);
    }

    public synchronized Fault faultOf(String image) {
        List<Map.Entry<String, Fault>> entries = List.copyOf(rules.entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (image.contains(entries.get(i).getKey())) {
                return entries.get(i).getValue();
            }
        }
        String lower = image.toLowerCase(Locale.ROOT);
        if (lower.contains("faulty")) {
            return Fault.FAIL_HEALTH_CHECK;
        }
        if (lower.contains("crashloop")) {
            return Fault.CRASH_ON_START;
        }
        if (lower.contains("flaky")) {
            return Fault.SERVE_ERRORS;
        }
        return Fault.NONE;
    }

    /** The worst fault among a task definition's images: a crash beats failing health checks beats 5xx. */
    public Fault faultOf(TaskDefinition td) {
        Fault worst = Fault.NONE;
        for (TaskDefinition.Container c : td.containers()) {
            Fault f = faultOf(c.image());
            if (rank(f) > rank(worst)) {
                worst = f;
            }
        }
        return worst;
    }

    private static int rank(Fault f) {
        return switch (f) {
            case NONE -> 0;
            case SERVE_ERRORS -> 1;
            case FAIL_HEALTH_CHECK -> 2;
            case CRASH_ON_START -> 3;
        };
    }
}
