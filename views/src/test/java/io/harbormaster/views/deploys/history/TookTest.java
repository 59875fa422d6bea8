package io.harbormaster.views.deploys.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.ServiceDeploymentBrief;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The history's "Took": a duration once ECS gives both ends, "running" only while ECS says it runs. */
class TookTest {

    private static final Instant START = Instant.parse("2026-12-06T06:00:00Z");

    private static ServiceDeploymentBrief brief(DeploymentStatus status, Instant finishedAt) {
        return new ServiceDeploymentBrief("arn:sd/1", "arn:svc", status, "", "arn:rev/1", START, START, finishedAt);
    }

    @Test
    void aFinishedDeploymentSaysHowLongItTook() {
        assertThat(HistoryView.took(brief(DeploymentStatus.SUCCESSFUL, START.plusSeconds(192)))).isEqualTo("3 min 12 s");
        assertThat(HistoryView.took(brief(DeploymentStatus.ROLLBACK_SUCCESSFUL, START.plusSeconds(3900))))
                .isEqualTo("1 h 5 min");
    }

    @Test
    void runningOnlyWhileEcsSaysItRuns() {
        assertThat(HistoryView.took(brief(DeploymentStatus.IN_PROGRESS, null))).isEqualTo("running");
        assertThat(HistoryView.took(brief(DeploymentStatus.PENDING, null))).isEqualTo("not started");
        assertThat(HistoryView.took(brief(DeploymentStatus.STOPPED, null))).as("ECS gave no finish time")
                .isEqualTo("ended, no finish time");
    }
}
