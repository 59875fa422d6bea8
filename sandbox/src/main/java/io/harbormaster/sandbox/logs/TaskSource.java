package io.harbormaster.sandbox.logs;

import io.harbormaster.sandbox.Fault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task's container writes to its awslogs stream is generated from: who it is (service, image, version,
 * host), when it ran, and which fault its image had when — recorded as change points the first time a change is
 * noticed, so history once served is never rewritten.
 */
final class TaskSource {

    final String taskId;
    final String cluster;
    final String service;
    final String container;
    final String image;
    final String version;
    final String env;
    final Integer port;
    final boolean main;
    final String host;
    final String ip;
    final long seed;
    Instant startedAt;
    Instant stoppingAt;
    Instant stoppedAt;
    String stopReason;
    private final List<Instant> faultFrom = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    TaskSource(String taskId, String cluster, String service, String container, String image, String env, Integer port,
               boolean main, String host, long seed, Instant startedAt, Fault fault) {
        this.taskId = taskId;
        this.cluster = cluster;
        this.service = service;
        this.container = container;
        this.image = image;
        int colon = image.lastIndexOf(':');
        this.version = colon < 0 || colon < image.lastIndexOf('/') ? "latest" : image.substring(colon + 1);
        this.env = env;
        this.port = port;
        this.main = main;
        this.host = host;
        this.seed = seed;
        this.startedAt = startedAt;
        int h = host.hashCode();
        this.ip = "10.0." + ((h >>> 8) & 0x3F) + "." + (1 + (h & 0xFF) % 254);
        faultFrom.add(Instant.EPOCH);
        faults.add(fault);
    }

    /** Records a change of the image's fault noticed at {@code now}. */
    void noticeFault(Fault current, Instant now) {
        if (faults.get(faults.size() - 1) != current) {
            faultFrom.add(now);
            faults.add(current);
        }
    }

    Fault faultAt(Instant t) {
        for (int i = faults.size() - 1; i >= 0; i--) {
            if (!t.isBefore(faultFrom.get(i))) {
                return faults.get(i);
            }
        }
        return faults.get(0);
    }

    /** The last instant the container wrote anything, or null while it runs. */
    Instant end() {
        return stoppedAt;
    }
}
