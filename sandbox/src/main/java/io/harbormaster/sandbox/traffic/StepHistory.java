package io.harbormaster.sandbox.traffic;

import java.util.Map;
import java.util.TreeMap;

/**
 * A value that changes at moments (epoch seconds): what it was at any time is the last value set at or before it.
 * The first value holds since forever, so the fleet's state at start reads as its history.
 */
final class StepHistory<T> {

    private final TreeMap<Long, T> steps = new TreeMap<>();

    StepHistory(T initial) {
        steps.put(Long.MIN_VALUE, initial);
    }

    void set(long at, T value) {
        steps.put(at, value);
    }

    T at(long second) {
        Map.Entry<Long, T> e = steps.floorEntry(second);
        return e == null ? null : e.getValue();
    }

    T latest() {
        return steps.lastEntry().getValue();
    }

    int size() {
        return steps.size();
    }
}
