package io.harbormaster.model.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of TCP port numbers, kept as a sorted array: most tasks have zero or one host port, and a
 * snapshot holds hundreds of thousands of them, so a boxed {@code Set<Integer>} would cost more than the task.
 */
public final class PortSet {

    public static final PortSet EMPTY = new PortSet(new int[0]);

    private final int[] ports;

    private PortSet(int[] sortedDistinct) {
        this.ports = sortedDistinct;
    }

    public static PortSet of(int... ports) {
        return from(ports.clone());
    }

    public static PortSet of(Collection<Integer> ports) {
        return from(ports.stream().mapToInt(Integer::intValue).toArray());
    }

    private static PortSet from(int[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        for (int p : values) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("a port is 0-65535, was " + p);
            }
        }
        int[] distinct = Arrays.stream(values).sorted().distinct().toArray();
        return new PortSet(distinct);
    }

    public boolean contains(int port) {
        return Arrays.binarySearch(ports, port) >= 0;
    }

    public boolean isEmpty() {
        return ports.length == 0;
    }

    public int size() {
        return ports.length;
    }

    /** The ports present in both sets, in order. */
    public PortSet intersection(PortSet other) {
        if (isEmpty() || other.isEmpty()) {
            return EMPTY;
        }
        int[] common = Arrays.stream(ports).filter(other::contains).toArray();
        return common.length == 0 ? EMPTY : new PortSet(common);
    }

    public boolean intersects(PortSet other) {
        for (int p : ports) {
            if (other.contains(p)) {
                return true;
            }
        }
        return false;
    }

    public PortSet union(PortSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int[] both = Arrays.copyOf(ports, ports.length + other.ports.length);
        System.arraycopy(other.ports, 0, both, ports.length, other.ports.length);
        return from(both);
    }

    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>(ports.length);
        for (int p : ports) {
            list.add(p);
        }
        return List.copyOf(list);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet other && Arrays.equals(ports, other.ports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ports);
    }

    @Override
    public String toString() {
        return Arrays.toString(ports);
    }
}
