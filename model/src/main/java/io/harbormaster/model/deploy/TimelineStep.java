package io.harbormaster.model.deploy;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a deploy's timeline as ECS will run it.
 *
 * @param startsAfter         earliest time after the start this step begins (task start-up counted as zero)
 * @param lasts               how long it lasts at least (a bake time); zero for an instant step
 * @param productionPercent   production traffic on the new revision once this step is done (0–100)
 * @param canRollBack         whether rolling back from here puts the old revision back (true until clean-up)
 * @param waitsForOperator    a PAUSE hook holds the deployment here until continued
 */
public record TimelineStep(LifecycleStage stage, String what, Duration startsAfter, Duration lasts,
                           double productionPercent, boolean canRollBack, boolean waitsForOperator) {

    public TimelineStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(startsAfter, "startsAfter");
        Objects.requireNonNull(lasts, "lasts");
    }
}
