package io.harbormaster.sandbox.traffic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values per minute of one series, kept in hour-sized chunks. Only complete minutes are cached (history is only
 * ever added at or after the present, so their values never change), and any of them can be computed again.
 * Bounded by {@link #MAX_CHUNKS} hours, the least recently read or written hour dropped first: a chart's widest
 * range read again and again (the console tops up only its last minutes) fits, while the sandbox's clock, running
 * at ×60 in a soak, no longer grows the heap for two days of sandbox time (48 wall minutes) before a bound is hit.
 */
final class MinuteCache<T> {

    /** Six hours of chart span over seven clock hours, and the hour being written. */
    static final int MAX_CHUNKS = 8;

    private final Map<Long, Object[]> chunks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object[]> eldest) {
            return size() > MAX_CHUNKS;
        }
    };

    @SuppressWarnings("unchecked")
    T get(long minute) {
        Object[] c = chunks.get(Math.floorDiv(minute, 60));
        return c == null ? null : (T) c[Math.floorMod(minute, 60)];
    }

    void put(long minute, T value) {
        chunks.computeIfAbsent(Math.floorDiv(minute, 60), chunk -> new Object[60])[Math.floorMod(minute, 60)] =
                value;
    }

    /** Hours held now. */
    int hoursHeld() {
        return chunks.size();
    }
}
