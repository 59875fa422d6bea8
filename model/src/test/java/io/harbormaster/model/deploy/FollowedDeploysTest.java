package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.journal.InMemoryWriteJournal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FollowedDeploysTest {

    private final FakeEcs ecs = new FakeEcs();
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(Clock.systemUTC());
    private final DeployService deploys = new DeployService(ecs, ecs, ecs, ecs, ecs, ecs, ecs, journal,
            () -> "op-1");
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void enteringTheEnvironmentOfAnOpenDeployFollowsItToItsEndAndOtherEnvironmentsLeaveItAlone() throws Exception {
        DeployStarted started = deploys.deploy(DeployTestData.session("dev"), deploys.preview(
                DeployTestData.session("dev"), new DeployRequest(DeployTestData.WEB, new RevisionSource.Changed(
                        TaskDefinitionChange.images(Map.of("web", "registry.example/web:2"))), OptionalInt.empty(),
                        DeploymentSettings.rolling(List.of()))));
        ecs.deployment(started.serviceDeploymentArn(), DeploymentStatus.IN_PROGRESS, "rev-1");
        DeploymentFollower follower = new DeploymentFollower(ecs, ecs, deploys, Clock.systemUTC(),
                d -> ecs.deployment(started.serviceDeploymentArn(), DeploymentStatus.SUCCESSFUL, "rev-1"),
                Duration.ZERO);
        FollowedDeploys followed = new FollowedDeploys(deploys, follower, pool);
        List<DeploymentStatus> heard = new CopyOnWriteArrayList<>();
        followed.addListener(p -> heard.add(p.deployment().status()));

        followed.entered(DeployTestData.session("prod"));
        pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertThat(heard).isEmpty();
        assertThat(deploys.openDeploys()).hasSize(1);

        followed.entered(DeployTestData.session("dev"));
        pool.submit(() -> { }).get(5, TimeUnit.SECONDS);

        assertThat(heard).containsExactly(DeploymentStatus.IN_PROGRESS, DeploymentStatus.SUCCESSFUL);
        assertThat(followed.latest("op-1")).get().satisfies(p -> assertThat(p.terminal()).isTrue());
        assertThat(deploys.openDeploys()).isEmpty();
        assertThat(followed.following()).isEmpty();
    }
}
