package io.harbormaster.model.cost;

import io.harbormaster.model.packing.HostPacking;

/**
 * How one host's hour is split: each task's share, then what is stranded, then what is idle; the shares add to 1.
 *
 * <p>A task's share is the larger of its CPU share and its memory share of the host (its <em>dominant</em> share,
 * the seeds' "share of the instance"): a task that reserves half the memory denies that half of the host to every
 * other task whatever CPU it takes, so it is charged for half. A blend (the mean) would charge memory-heavy tasks
 * for capacity they leave others unable to use and hand the difference to nobody. Dominant shares of one host can
 * add to more than 1 (one task takes most CPU, another most memory); they are then scaled down in proportion so
 * the host is charged exactly once.
 *
 * <p>Of what is left, the stranded part is the larger of the stranded CPU and stranded memory shares that the
 * packing analysis found (free, but no task of the cluster can use it); the rest is idle (free and usable).
 */
public final class HostShares {

    private final double[] taskShares;
    private final double stranded;
    private final double idle;

    private HostShares(double[] taskShares, double stranded, double idle) {
        this.taskShares = taskShares;
        this.stranded = stranded;
        this.idle = idle;
    }

    /**
     * @param taskCpu    each task's reserved CPU units on the host
     * @param taskMemory each task's reserved MiB, in the same order
     */
    public static HostShares of(int registeredCpu, int registeredMemory, int[] taskCpu, int[] taskMemory,
            HostPacking packing) {
        if (taskCpu.length != taskMemory.length) {
            throw new IllegalArgumentException("one CPU and one memory figure a task");
        }
        double[] shares = new double[taskCpu.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = dominant(taskCpu[i], taskMemory[i], registeredCpu, registeredMemory);
            sum += shares[i];
        }
        double scale = scale(sum);
        for (int i = 0; i < shares.length; i++) {
            shares[i] *= scale;
        }
        double left = left(sum);
        double stranded = stranded(left, registeredCpu, registeredMemory, packing);
        return new HostShares(shares, stranded, left - stranded);
    }

    /** A task's unscaled share of a host: the larger of its CPU and memory fractions. */
    static double dominant(int cpu, int memory, int registeredCpu, int registeredMemory) {
        return Math.max(fraction(cpu, registeredCpu), fraction(memory, registeredMemory));
    }

    /** What each dominant share is multiplied by so that a host is charged at most once. */
    static double scale(double sumOfDominantShares) {
        return sumOfDominantShares > 1 ? 1 / sumOfDominantShares : 1;
    }

    /** The part of a host no task is charged for. */
    static double left(double sumOfDominantShares) {
        return Math.max(0, 1 - sumOfDominantShares);
    }

    /** How much of what is left is stranded (the rest is idle). */
    static double stranded(double left, int registeredCpu, int registeredMemory, HostPacking packing) {
        if (packing == null) {
            return 0;
        }
        return Math.min(left, Math.max(fraction(packing.strandedCpu(), registeredCpu),
                fraction(packing.strandedMemory(), registeredMemory)));
    }

    private static double fraction(int part, int whole) {
        return whole <= 0 ? 0 : Math.min(1, (double) part / whole);
    }

    public double task(int index) {
        return taskShares[index];
    }

    public int tasks() {
        return taskShares.length;
    }

    public double stranded() {
        return stranded;
    }

    public double idle() {
        return idle;
    }
}
