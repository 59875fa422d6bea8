package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.DeployRequest;
import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeployStarted;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.OpenDeploy;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.model.deploy.ServiceDeployments;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.TaskDefinitionChange;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.deploy.Written;
import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.EnvironmentVariable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy's journal operation in the real SQLite store survives the console closing: reopened, it is found open with
 * the service deployment to follow, and once closed (END) it is no longer. The AWS side is scripted here; the
 * adapters' own restart test runs against the sandbox (aws-adapters EcsDeploysSandboxTest).
 */
class DeployJournalRestartTest {

    private static final ServiceRef WEB = new ServiceRef("apps", "web");
    private static final String DEPLOYMENT = "arn:aws:ecs:us-east-1:222222222222:service-deployment/apps/web/abc";

    @TempDir
    Path dir;

    private static EnvironmentSession dev() {
        return new EnvironmentSession(new Environment("sandbox-dev", "dev", "sandbox-dev", "ops", "222222222222", "",
                List.of("us-east-1"), "#336699", false, false, 0), new CallerIdentity("222222222222",
                "arn:aws:sts::222222222222:assumed-role/admin/alice", ""), "us-east-1", null);
    }

    private static DeployService service(SqliteWriteJournal journal) {
        TaskDefinitionSpec current = new TaskDefinitionSpec("arn:aws:ecs:us-east-1:222222222222:task-definition/web:7",
                "web", 7, Instant.EPOCH, "256", "512", List.of(new ContainerSpec("web", "registry/web:1.0",
                List.of(new EnvironmentVariable("DB_PASSWORD", "hunter2")), List.of(), Map.of("essential", "true"))),
                Map.of("networkMode", "\"awsvpc\""));
        DeployTarget target = new DeployTarget(WEB, "arn:aws:ecs:us-east-1:222222222222:service/apps/web", current,
                2, 2, DeploymentSettings.rolling(List.of()), "FARGATE", "ECS", List.of(), List.of(), "");
        ServiceDeployments none = new ServiceDeployments() {
            @Override
            public List<io.harbormaster.model.deploy.ServiceDeploymentBrief> list(EnvironmentSession s,
                                                                                 ServiceRef r, int max) {
                return List.of();
            }

            @Override
            public List<io.harbormaster.model.deploy.ServiceDeploymentDetail> describe(EnvironmentSession s,
                                                                                      List<String> arns) {
                return List.of();
            }

            @Override
            public List<io.harbormaster.model.deploy.ServiceRevisionDetail> describeRevisions(EnvironmentSession s,
                                                                                            List<String> arns) {
                return List.of();
            }
        };
        return new DeployService((s, r) -> target, (s, td) -> current,
                (s, spec) -> new Written<>(spec.registered(spec.family() + ":8", 8, Instant.EPOCH), "req-1"),
                (s, c) -> new Written<>(DEPLOYMENT, "req-2"), (s, arn) -> new Written<>(arn, "req-3"),
                (s, arn, hook, action) -> new Written<>(arn, "req-4"), none, journal, () -> "op-restart");
    }

    @Test
    void anOpenDeployIsFoundAfterReopeningTheStoreAndClosesOnce() throws Exception {
        Path db = dir.resolve("h.db");
        DeployStarted started;
        try (LocalStore store = LocalStore.open(db)) {
            DeployService deploys = service(new SqliteWriteJournal(store, Clock.systemUTC()));
            DeployRequest request = new DeployRequest(WEB, new RevisionSource.Changed(TaskDefinitionChange.images(
                    Map.of("web", "registry/web:2.0"))), OptionalInt.empty(), DeploymentSettings.rolling(List.of()));
            started = deploys.deploy(dev(), deploys.preview(dev(), request));
        }
        try (LocalStore store = LocalStore.open(db)) {
            SqliteWriteJournal journal = new SqliteWriteJournal(store, Clock.systemUTC());
            DeployService deploys = service(journal);
            List<OpenDeploy> open = deploys.openDeploys();
            assertThat(open).singleElement().satisfies(o -> {
                assertThat(o.operationId()).isEqualTo(started.operationId());
                assertThat(o.serviceDeploymentArn()).isEqualTo(DEPLOYMENT);
                assertThat(o.taskDefinitionArn()).isEqualTo("web:8");
                assertThat(o.service()).isEqualTo(WEB);
                assertThat(o.environmentId()).isEqualTo("sandbox-dev");
                assertThat(o.region()).isEqualTo("us-east-1");
                assertThat(o.updateAnswered()).isTrue();
            });
            assertThat(journal.recent(10)).allSatisfy(e -> assertThat(e.record().summary() + e.record().facts())
                    .as("no secret value in the journal").doesNotContain("hunter2"));

            deploys.finish(started.operationId(), DeploymentStatus.SUCCESSFUL, "");
            deploys.finish(started.operationId(), DeploymentStatus.SUCCESSFUL, "");
            assertThat(deploys.openDeploys()).isEmpty();
            assertThat(journal.operation(started.operationId())).extracting(e -> e.record().phase().name())
                    .containsExactly("INTENT", "DONE", "INTENT", "DONE", "END");
        }
    }
}
