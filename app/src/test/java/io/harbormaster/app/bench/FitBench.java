package io.harbormaster.app.bench;

import io.harbormaster.model.deploy.fit.FitResult;
import io.harbormaster.model.deploy.fit.PeakDemand;
import io.harbormaster.model.deploy.fit.ServiceFit;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.packing.TaskShape;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Issue 11's "will it fit" on a loaded fleet: a blue/green deploy's full second set for the service whose desired
 * count is nearest 400, on its cluster's hosts, timed on this (non-UI) thread as the wizard runs it.
 */
final class FitBench {

    private static final int RUNS = 30;

    private FitBench() {
    }

    static void run(FleetSnapshot snapshot) {
        Service service = snapshot.services().stream()
                .filter(s -> !snapshot.hostsIn(s.clusterArn()).isEmpty())
                .min(Comparator.comparingInt(s -> Math.abs(s.desiredCount() - 400))).orElseThrow();
        TaskDefinition definition = snapshot.taskDefinition(service.taskDefinitionArn()).orElseThrow();
        TaskShape shape = TaskShape.of(definition);
        int extra = PeakDemand.secondSet(service.desiredCount());
        long[] nanos = new long[RUNS];
        FitResult result = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            result = ServiceFit.check(snapshot, service, shape, extra);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        FleetBenchmark.print(String.format("%nWill it fit (blue/green second set): %s, %d desired, %d CPU / %d MiB a task"
                        + " on %,d hosts of %s: median %.1f ms, max %.1f ms over %d runs (first run included)%n  → %s",
                service.name(), service.desiredCount(), shape.cpu(), shape.memory(),
                snapshot.hostsIn(service.clusterArn()).size(), service.clusterName(), nanos[RUNS / 2] / 1e6,
                nanos[RUNS - 1] / 1e6, RUNS, result.summary()));
    }
}
