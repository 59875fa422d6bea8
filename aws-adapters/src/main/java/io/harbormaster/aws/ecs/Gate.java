package io.harbormaster.aws.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Work held back until something else is done, then passed on in the order it came. A full load holds its task
 * sweeps here until every cluster's hosts are described: the hosts draw the first picture in a dozen calls, and the
 * thousands of task calls would otherwise share the throttling bucket, the workers and the CPU with them. The bucket
 * loses nothing meanwhile: it refills only while below its burst, and the host calls keep it there.
 */
final class Gate {

    // guarded by this
    private List<Runnable> held = new ArrayList<>();

    /**
     * An executor that runs on {@code then}, but only once the gate is open; until then the work waits here.
     * {@code then} must only queue the work (as a pool does), never run it on the caller's thread.
     */
    Executor then(Executor then) {
        return command -> {
            synchronized (this) {
                if (held != null) {
                    held.add(() -> then.execute(command));
                } else {
                    then.execute(command);
                }
            }
        };
    }

    /** Opens once all of {@code before} are done, however each ends (a failed one holds nothing back). */
    Gate openWhen(List<? extends CompletableFuture<?>> before) {
        CompletableFuture.allOf(before.stream().map(f -> f.handle((v, e) -> null))
                .toArray(CompletableFuture[]::new)).thenRun(this::open);
        return this;
    }

    /** Passes on what was held, in the order it came; later work passes straight through. */
    synchronized void open() {
        if (held != null) {
            held.forEach(Runnable::run); // only queues them (on a pool), in order, before any later work
            held = null;
        }
    }

    synchronized boolean isOpen() {
        return held == null;
    }
}
