package io.harbormaster.aws.ecs;

import io.harbormaster.aws.SandboxAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Scaling a service over the real wire: UpdateService desiredCount against the sandbox ({@link EcsDeploys}). */
class EcsScaleServiceTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox(@TempDir Path profiles) {
        access = SandboxAccess.start(profiles);
        sandbox = access.sandbox();
        clients = access.clients();
    }

    @AfterAll
    static void stopSandbox() {
        access.close();
    }

    private AwsSessions sessionsFor(String user) {
        return access.sessionsFor(user);
    }

    private static Environment dev() {
        return EnvironmentBuilder.sandbox("dev").build();
    }

    private record Target(String cluster, String service, int desired) {
    }

    private static Target firstService(AwsSessions sessions, EnvironmentSession session) {
        EcsClient ecs = clients.ecs(sessions.context(session));
        String cluster = ecs.listClusters().clusterArns().get(0);
        String service = ecs.listServices(r -> r.cluster(cluster).maxResults(100)).serviceArns().get(0);
        int desired = ecs.describeServices(r -> r.cluster(cluster).services(service)).services().get(0).desiredCount();
        return new Target(cluster, service, desired);
    }

    @Test
    void aliceScalesADevService() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(dev(), MfaPrompt.NONE);
        Target target = firstService(sessions, dev);
        int wanted = target.desired() + 2;

        new EcsDeploys(sessions, clients).updateDesiredCount(dev,
                new ScaleServiceCommand(target.cluster(), target.service(), wanted));

        EcsClient ecs = clients.ecs(sessions.context(dev));
        assertThat(ecs.describeServices(r -> r.cluster(target.cluster()).services(target.service())).services()
                .get(0).desiredCount()).isEqualTo(wanted);
    }

    @Test
    void carolsReadOnlyRoleIsDeniedWithWhatWasAttempted() throws Exception {
        AwsSessions sessions = sessionsFor("carol");
        EnvironmentSession dev = sessions.enter(dev(), MfaPrompt.NONE);
        Target target = firstService(sessions, dev);

        assertThatThrownBy(() -> new EcsDeploys(sessions, clients).updateDesiredCount(dev,
                new ScaleServiceCommand(target.cluster(), target.service(), target.desired() + 1)))
                .isInstanceOfSatisfying(OperatorException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.ACCESS_DENIED);
                    assertThat(e.problem().message()).startsWith("Denied while scaling ")
                            .contains(" in dev (us-east-1)");
                });
    }

    @Test
    void anUnknownServiceIsNotFound() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(dev(), MfaPrompt.NONE);
        Target target = firstService(sessions, dev);

        assertThatThrownBy(() -> new EcsDeploys(sessions, clients).updateDesiredCount(dev,
                new ScaleServiceCommand(target.cluster(), "no-such-service", 1)))
                .isInstanceOfSatisfying(OperatorException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND));
    }

    private static long updateServiceCalls() {
        return sandbox.control().recordedRequests().stream()
                .filter(r -> "AmazonEC2ContainerServiceV20141113.UpdateService".equals(r.headers().get("x-amz-target")))
                .count();
    }

    @Test
    void anUpdateWhoseAnswerWasLostIsReadBackNotSentTwice() {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(dev(), MfaPrompt.NONE);
        Target target = firstService(sessions, dev);
        int wanted = target.desired() + 1;
        sandbox.control().recordRequests(true);
        long before = updateServiceCalls();
        long id = sandbox.control().addFault("reset:ecs.UpdateService");
        try {
            String requestId = new EcsDeploys(sessions, clients).updateDesiredCount(dev,
                    new ScaleServiceCommand(target.cluster(), target.service(), wanted));
            assertThat(requestId).as("the answer was lost").isEmpty();
        } finally {
            sandbox.control().removeFault(id);
            sandbox.control().recordRequests(false);
        }
        assertThat(updateServiceCalls() - before).as("UpdateService sent once, though its answer was cut").isEqualTo(1);
        EcsClient ecs = clients.ecs(sessions.context(dev));
        assertThat(ecs.describeServices(r -> r.cluster(target.cluster()).services(target.service())).services()
                .get(0).desiredCount()).isEqualTo(wanted);
    }

    @Test
    void anUpdateThatFailedOnAwsSideIsSentOnceMoreAfterReadingBackThenReported() {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(dev(), MfaPrompt.NONE);
        Target target = firstService(sessions, dev);
        sandbox.control().recordRequests(true);
        long before = updateServiceCalls();
        long id = sandbox.control().addFault("internal-failure:ecs.UpdateService");
        try {
            assertThatThrownBy(() -> new EcsDeploys(sessions, clients).updateDesiredCount(dev,
                    new ScaleServiceCommand(target.cluster(), target.service(), target.desired() + 3)))
                    .isInstanceOf(OperatorException.class);
        } finally {
            sandbox.control().removeFault(id);
            sandbox.control().recordRequests(false);
        }
        // Not the SDK's three blind attempts (and three more): one, a read-back showing it not applied, one more.
        assertThat(updateServiceCalls() - before).isEqualTo(2);
    }
}
