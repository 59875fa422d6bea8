package io.harbormaster.sandbox.core;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Runs an evaluation at every whole minute of the sandbox clock while it says there is more to do (CloudWatch's
 * alarms, Application Auto Scaling's target tracking): one timeline event at a time, so a manual clock advance of
 * ten minutes runs ten evaluations in order. Under the world lock.
 */
public final class WholeMinutes {

    private final World world;
    private final BooleanSupplier evaluate;
    private boolean scheduled;

    /** @param evaluate runs at a whole minute; true to be run again at the next one */
    public WholeMinutes(World world, BooleanSupplier evaluate) {
        this.world = world;
        this.evaluate = evaluate;
    }

    /** Makes sure the evaluation runs at the next whole minute (and on, while it answers true). */
    public void schedule() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        long now = world.now().getEpochSecond();
        world.timeline().schedule(Instant.ofEpochSecond(Math.floorDiv(now, 60) * 60 + 60), () -> {
            scheduled = false;
            if (evaluate.getAsBoolean()) {
                schedule();
            }
        });
    }
}
