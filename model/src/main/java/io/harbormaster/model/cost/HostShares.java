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
            shares[i] = Math.max(fraction(taskCpu[i], registeredCpu), fraction(taskMemory[i], registeredMemory));
            sum += shares[i];
        }
        if (sum > 1) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] /= sum;
            }
            sum = 1;
        }
        double left = Math.max(0, 1 - sum);
        double stranded = 0;
        if (packing != null) {
            stranded = Math.min(left, Math.max(fraction(packing.strandedCpu(), registeredCpu),
                    fraction(packing.strandedMemory(), registeredMemory)));
        }
        return new HostShares(shares, stranded, left - stranded);
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
