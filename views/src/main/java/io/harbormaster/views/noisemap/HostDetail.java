package io.harbormaster.views.noisemap;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.metrics.MetricKind;
import java.util.List;

/**
 * A clicked host: what it is, what runs on it, the value shown, and its CPU and memory both reserved (by tasks) and
 * measured (what the tasks use), so an over-reserved host stands out.
 *
 * @param tasks       "web ×3", one line per service, busiest first
 * @param cpuUsed     measured CPU utilisation in %, null until fetched (or when there is no per-host source)
 * @param memoryUsed  measured memory utilisation in %, null likewise
 */
public record HostDetail(Host host, String cluster, int taskCount, List<String> tasks, MetricKind kind,
                         String valueText, double cpuReserved, double memoryReserved, Double cpuUsed,
                         Double memoryUsed, boolean useRead) {

    HostDetail withUse(Double cpu, Double memory, boolean read) {
        return new HostDetail(host, cluster, taskCount, tasks, kind, valueText, cpuReserved, memoryReserved, cpu,
                memory, read);
    }

    /** Reserved well above what is used: tasks ask for more than they need; candidates to right-size. */
    public boolean overReserved() {
        return cpuUsed != null && cpuReserved - cpuUsed >= 40;
    }
}
