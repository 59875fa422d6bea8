package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.fleet.StopTaskCommand;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;

/** A service's stopped tasks over the real wire, against the sandbox: the reason, stop code and exit codes. */
class EcsStoppedTasksSandboxTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;
    private static AwsSessions sessions;
    private static EnvironmentSession stage;
    private static EcsStoppedTasks stoppedTasks;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        access = SandboxAccess.start(dir);
        sandbox = access.sandbox();
        clients = access.clients();
        sessions = access.sessionsFor("alice");
        stage = sessions.enter(SandboxAccess.environment("stage"), MfaPrompt.NONE);
        stoppedTasks = new EcsStoppedTasks(sessions, clients, new EcsDeploys(sessions, clients));
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @Test
    void aStoppedTaskOfTheServiceComesWithItsReasonStopCodeAndExitCodesNewestFirst() {
        EcsClient ecs = clients.ecs(sessions.context(stage));
        ServiceRef billing = new ServiceRef("app", "app-billing");
        List<String> running = ecs.listTasks(r -> r.cluster("app").serviceName("app-billing")).taskArns();
        assertThat(running).as("app-billing runs tasks in stage").isNotEmpty();

        ecs.stopTask(r -> r.cluster("app").task(running.get(0)).reason("first stop, by the test"));
        sandbox.clock().advance(Duration.ofMinutes(1));
        ecs.stopTask(r -> r.cluster("app").task(running.get(running.size() > 1 ? 1 : 0))
                .reason("second stop, by the test"));
        sandbox.clock().advance(Duration.ofMinutes(1));

        List<StoppedTask> stopped = stoppedTasks.stoppedTasks(stage, billing);

        assertThat(stopped).extracting(StoppedTask::taskArn).contains(running.get(0));
        StoppedTask first = stopped.stream().filter(t -> t.taskArn().equals(running.get(0))).findFirst()
                .orElseThrow();
        assertThat(first.stoppedReason()).isEqualTo("first stop, by the test");
        assertThat(first.stopCode()).isEqualTo("UserInitiated");
        assertThat(first.stoppedAt()).isNotNull();
        assertThat(first.containerReasons()).isNotEmpty().allSatisfy(c -> assertThat(c).contains("exit "));
        assertThat(stopped.get(0).stoppedReason()).isEqualTo(running.size() > 1 ? "second stop, by the test"
                : "first stop, by the test");
        assertThat(stopped).extracting(StoppedTask::stoppedAt).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
    }

    @Test
    void aDeploymentsEvidenceIsTheServicesStoppedTasksSinceTheDeploymentStarted() {
        EcsClient ecs = clients.ecs(sessions.context(stage));
        String service = ecs.listServices(r -> r.cluster("app")).serviceArns().stream()
                .map(a -> a.substring(a.lastIndexOf('/') + 1)).filter(n -> !n.equals("app-billing"))
                .filter(n -> ecs.listTasks(r -> r.cluster("app").serviceName(n)).taskArns().size() >= 2)
                .findFirst().orElseThrow();
        List<String> running = ecs.listTasks(r -> r.cluster("app").serviceName(service)).taskArns();
        ecs.stopTask(r -> r.cluster("app").task(running.get(0)).reason("before the deployment"));
        sandbox.clock().advance(Duration.ofMinutes(1));
        java.time.Instant deploymentStarted = sandbox.clock().now();
        sandbox.clock().advance(Duration.ofMinutes(1));
        ecs.stopTask(r -> r.cluster("app").task(running.get(1)).reason("during the deployment"));
        sandbox.clock().advance(Duration.ofMinutes(1));
        EcsDeploymentEvidence evidence = new EcsDeploymentEvidence(sessions, clients, new EcsDeploys(sessions,
                clients));

        List<StoppedTask> during = evidence.stoppedTasks(stage, new ServiceRef("app", service), deploymentStarted);

        assertThat(during).extracting(StoppedTask::stoppedReason).contains("during the deployment")
                .doesNotContain("before the deployment");
        assertThat(during).isSubsetOf(stoppedTasks.stoppedTasks(stage, new ServiceRef("app", service)));
    }

    @Test
    void aTaskStoppedThroughTheConsolesCallIsStoppedByTheUserWithTheReasonGiven() {
        EcsClient ecs = clients.ecs(sessions.context(stage));
        List<String> running = ecs.listTasks(r -> r.cluster("internal").serviceName("feature-flags")).taskArns();
        assertThat(running).as("feature-flags runs tasks in stage").isNotEmpty();

        String requestId = new EcsDeploys(sessions, clients).requestStop(stage,
                new StopTaskCommand("internal", running.get(0), "feature-flags", "stopped from the console"));
        sandbox.clock().advance(Duration.ofMinutes(2));

        assertThat(requestId).isNotBlank();
        StoppedTask stopped = stoppedTasks.stoppedTasks(stage, new ServiceRef("internal", "feature-flags")).stream()
                .filter(t -> t.taskArn().equals(running.get(0))).findFirst().orElseThrow();
        assertThat(stopped.stoppedReason()).isEqualTo("stopped from the console");
        assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
        assertThat(ecs.listTasks(r -> r.cluster("internal").serviceName("feature-flags")).taskArns())
                .as("the scheduler replaced it").hasSameSizeAs(running).doesNotContain(running.get(0));
    }

    @Test
    void aTaskThatIsNotThereIsToldInTheOperatorsWords() {
        assertThatThrownBy(() -> new EcsDeploys(sessions, clients).requestStop(stage, new StopTaskCommand("internal",
                "0123456789abcdef0123456789abcdef", "status-page", "typo")))
                .isInstanceOf(OperatorException.class).hasMessageContaining("0123456789abcdef0123456789abcdef");
    }

    @Test
    void aServiceWithNoStoppedTaskHasNone() {
        assertThat(stoppedTasks.stoppedTasks(stage, new ServiceRef("internal", "status-page"))).isEmpty();
    }
}
