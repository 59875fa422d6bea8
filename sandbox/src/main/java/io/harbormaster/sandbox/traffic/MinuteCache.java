package io.harbormaster.sandbox.traffic;

import java.util.HashMap;
import java.util.Map;

/**
 * Values per minute of one series, kept in hour-sized chunks. Only complete minutes are cached (history is only
 * ever added at or after the present, so their values never change). Bounded: past a couple of days of chunks it
 * starts again.
 */
final class MinuteCache<T> {

    private static final int MAX_CHUNKS = 48;
    private final Map<Long, Object[]> chunks = new HashMap<>();

    @SuppressWarnings("unchecked")
    T get(long minute) {
        Object[] c = chunks.get(Math.floorDiv(minute, 60));
        return c == null ? null : (T) c[(int) Math.floorMod(minute, 60)];
    }

    void put(long minute, T value) {
        long chunk = Math.floorDiv(minute, 60);
        Object[] c = chunks.get(chunk);
        if (c == null) {
            if (chunks.size() >= MAX_CHUNKS) {
                chunks.clear();
            }
            c = new Object[60];
            chunks.put(chunk, c);
        }
        c[(int) Math.floorMod(minute, 60)] = value;
    }
}
