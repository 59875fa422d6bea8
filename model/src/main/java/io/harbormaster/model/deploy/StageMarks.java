package io.harbormaster.model.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a deployment got through its lifecycle stages, stage by stage. ECS's {@code lifecycleStage} is where a
 * deployment is while it moves forward; once it rolls back, AWS documents no stage for the rollback itself, and
 * ECS may go on naming a stage the rollout never passed (CLEAN_UP, when the green revision is cleaned away). So a
 * rolled-back or stopped deployment is read from the last stage seen while it still moved forward: the stages
 * before it passed, that one is where it turned back, the rest were never reached.
 */
public final class StageMarks {

    /** What a stage was for this deployment. */
    public enum Mark {
        PASSED, CURRENT, TURNED_BACK, NOT_REACHED
    }

    /** One stage and its mark. */
    public record Marked(LifecycleStage stage, Mark mark) {
    }

    private StageMarks() {
    }

    /**
     * @param shown the stages the strategy passes, in order
     * @param reached the last stage ECS named while the deployment moved forward ({@link LifecycleStage#UNKNOWN}
     *                when none was seen: then a rolled-back deployment marks no stage passed)
     */
    public static List<Marked> of(List<LifecycleStage> shown, ServiceDeploymentDetail deployment,
                                  LifecycleStage reached) {
        DeploymentStatus status = deployment.status();
        boolean turnedBack = turnedBack(status);
        int at = shown.indexOf(turnedBack ? reached : deployment.lifecycleStage());
        List<Marked> out = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            Mark mark;
            if (status.succeeded() || at >= 0 && i < at) {
                mark = Mark.PASSED;
            } else if (i == at) {
                mark = turnedBack ? Mark.TURNED_BACK : Mark.CURRENT;
            } else {
                mark = Mark.NOT_REACHED;
            }
            out.add(new Marked(shown.get(i), mark));
        }
        return List.copyOf(out);
    }

    /** Rolling back, rolled back, stopping or stopped: ECS's stage no longer says how far the rollout went. */
    public static boolean turnedBack(DeploymentStatus status) {
        return status.rollingBack() || status == DeploymentStatus.STOPPED || status == DeploymentStatus.STOP_REQUESTED;
    }

    /** Whether ECS's stage now says how far the rollout went (it does while the deployment moves forward). */
    static boolean forward(ServiceDeploymentDetail deployment) {
        DeploymentStatus s = deployment.status();
        return (s == DeploymentStatus.PENDING || s == DeploymentStatus.IN_PROGRESS)
                && deployment.lifecycleStage() != LifecycleStage.UNKNOWN;
    }
}
