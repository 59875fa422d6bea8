package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.StageMarks.Mark;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How far a deployment got, stage by stage — including one ECS rolled back, which may name CLEAN_UP last. */
class StageMarksTest {

    private static final List<LifecycleStage> CANARY = List.of(LifecycleStage.PRE_SCALE_UP, LifecycleStage.SCALE_UP,
            LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, LifecycleStage.BAKE_TIME, LifecycleStage.CLEAN_UP);

    static ServiceDeploymentDetail at(DeploymentStatus status, LifecycleStage stage) {
        return new ServiceDeploymentDetail("arn:sd/1", DeployTestData.WEB_ARN, "", status, "", stage,
                DeployStrategy.CANARY, Instant.EPOCH, Instant.EPOCH, null, null, null,
                new RevisionSummary("rev-1", 4, 2, 2, -1, -1), List.of(), null, null, null, List.of());
    }

    private static List<Mark> marks(ServiceDeploymentDetail d, LifecycleStage reached) {
        return StageMarks.of(CANARY, d, reached).stream().map(StageMarks.Marked::mark).toList();
    }

    @Test
    void movingForwardTheStagesBeforeEcsStageArePassedAndItIsCurrent() {
        assertThat(marks(at(DeploymentStatus.IN_PROGRESS, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT),
                LifecycleStage.UNKNOWN)).containsExactly(Mark.PASSED, Mark.PASSED, Mark.CURRENT, Mark.NOT_REACHED,
                Mark.NOT_REACHED);
    }

    @Test
    void aSuccessfulDeploymentPassedEveryStage() {
        assertThat(marks(at(DeploymentStatus.SUCCESSFUL, LifecycleStage.CLEAN_UP), LifecycleStage.UNKNOWN))
                .containsOnly(Mark.PASSED);
    }

    @Test
    void aRolledBackDeploymentTurnedBackWhereItWasLastSeenMovingAndReachedNothingAfter() {
        assertThat(marks(at(DeploymentStatus.ROLLBACK_SUCCESSFUL, LifecycleStage.CLEAN_UP), LifecycleStage.BAKE_TIME))
                .containsExactly(Mark.PASSED, Mark.PASSED, Mark.PASSED, Mark.TURNED_BACK, Mark.NOT_REACHED);
    }

    @Test
    void aRolledBackDeploymentNeverSeenMovingClaimsNoStage() {
        assertThat(marks(at(DeploymentStatus.ROLLBACK_SUCCESSFUL, LifecycleStage.CLEAN_UP), LifecycleStage.UNKNOWN))
                .containsOnly(Mark.NOT_REACHED);
    }

    @Test
    void theProgressKeepsTheStageReachedOnceItTurnsBack() {
        DeploymentProgress moving = progress(at(DeploymentStatus.IN_PROGRESS, LifecycleStage.SCALE_UP),
                LifecycleStage.PRE_SCALE_UP);
        assertThat(moving.reached()).isEqualTo(LifecycleStage.SCALE_UP);

        DeploymentProgress back = progress(at(DeploymentStatus.ROLLBACK_IN_PROGRESS, LifecycleStage.CLEAN_UP),
                moving.reached());
        assertThat(back.reached()).isEqualTo(LifecycleStage.SCALE_UP);
        assertThat(back.stages(CANARY)).extracting(StageMarks.Marked::mark).containsExactly(Mark.PASSED,
                Mark.TURNED_BACK, Mark.NOT_REACHED, Mark.NOT_REACHED, Mark.NOT_REACHED);
    }

    private static DeploymentProgress progress(ServiceDeploymentDetail d, LifecycleStage reachedBefore) {
        return new DeploymentProgress(Instant.EPOCH, d, null, List.of(), List.of(), List.of(), reachedBefore);
    }
}
