package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Deploys through the SDK, as the console will: register a revision, UpdateService, watch it roll on the sandbox clock. */
class EcsDeploymentTest {

    static Sandbox sandbox;
    static SdkClients clients;
    static EcsClient dev;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        dev = clients.ecs(clients.role("bob", "dev", "admin"));
    }

    @AfterAll
    static void stop() {
        dev.close();
        clients.close();
        sandbox.close();
    }

    private TaskDefinition newRevision(String service, String tag) {
        Service s = describe(service);
        TaskDefinition current = dev.describeTaskDefinition(b -> b.taskDefinition(s.taskDefinition())).taskDefinition();
        ContainerDefinition c = current.containerDefinitions().get(0);
        String image = c.image().substring(0, c.image().lastIndexOf(':') + 1) + tag;
        return dev.registerTaskDefinition(b -> b.family(current.family()).networkMode(current.networkMode())
                .containerDefinitions(c.toBuilder().image(image).build())).taskDefinition();
    }

    private Service describe(String service) {
        return dev.describeServices(b -> b.cluster("dev").services(service)).services().get(0);
    }

    @Test
    void updateServiceRollsToSteadyState() {
        Service before = describe("app-web");
        TaskDefinition next = newRevision("app-web", "7.15.0");
        assertThat(next.revision()).isGreaterThan(1);
        assertThat(next.containerDefinitions().get(0).environment()).isNotEmpty();

        Service updated = dev.updateService(b -> b.cluster("dev").service("app-web").taskDefinition(next.taskDefinitionArn())
                .desiredCount(4)).service();
        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.deployments().get(0).status()).isEqualTo("PRIMARY");
        assertThat(updated.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(updated.deployments().get(0).taskDefinition()).isEqualTo(next.taskDefinitionArn());
        assertThat(updated.deployments().get(1).status()).isEqualTo("ACTIVE");
        assertThat(updated.deployments().get(1).taskDefinition()).isEqualTo(before.taskDefinition());

        List<String> states = new ArrayList<>();
        Service s = updated;
        for (int i = 0; i < 40 && !(s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())); i++) {
            sandbox.clock().advance(Duration.ofSeconds(10));
            s = describe("app-web");
            states.add(s.deployments().size() + ":" + s.runningCount() + "/" + s.pendingCount());
        }
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.runningCount()).isEqualTo(4);
            assertThat(d.taskDefinition()).isEqualTo(next.taskDefinitionArn());
        });
        assertThat(s.events().get(0).message()).isEqualTo("(service app-web) has reached a steady state.");
        assertThat(s.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.startsWith("(service app-web) has started "))
                .anyMatch(m -> m.startsWith("(service app-web) has stopped "));
        assertThat(states).as("the rollout took sandbox time: %s", states).hasSizeGreaterThan(2);

        List<String> running = dev.listTasks(b -> b.cluster("dev").serviceName("app-web")).taskArns();
        List<Task> tasks = dev.describeTasks(b -> b.cluster("dev").tasks(running)).tasks();
        assertThat(tasks).hasSize(4).allSatisfy(t -> {
            assertThat(t.taskDefinitionArn()).isEqualTo(next.taskDefinitionArn());
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.group()).isEqualTo("service:app-web");
        });
        List<String> stopped = dev.listTasks(b -> b.cluster("dev").serviceName("app-web").desiredStatus(DesiredStatus.STOPPED)).taskArns();
        assertThat(dev.describeTasks(b -> b.cluster("dev").tasks(stopped)).tasks()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppedAt()).isNotNull();
            assertThat(t.stoppedReason()).isNotBlank();
        });
    }

    @Test
    void faultyImageFailsTheDeploymentAndRollsBack() {
        Service before = describe("app-notifications");
        dev.updateService(b -> b.cluster("dev").service("app-notifications")
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        TaskDefinition faulty = newRevision("app-notifications", "2.9.0-faulty");
        dev.updateService(b -> b.cluster("dev").service("app-notifications").taskDefinition(faulty.taskDefinitionArn()));
        sandbox.clock().advance(Duration.ofMinutes(15));
        Service s = describe("app-notifications");
        assertThat(s.taskDefinition()).isEqualTo(before.taskDefinition());
        assertThat(s.events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.contains("deployment failed: tasks failed to start."));
        assertThat(s.deployments()).singleElement().satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
        assertThat(s.runningCount()).isEqualTo(s.desiredCount());
    }

    @Test
    void stopTaskIsReplacedByTheScheduler() {
        List<String> arns = dev.listTasks(b -> b.cluster("dev").serviceName("api-auth")).taskArns();
        Task stopped = dev.stopTask(b -> b.cluster("dev").task(arns.get(0)).reason("practice")).task();
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("practice");
        sandbox.clock().advance(Duration.ofMinutes(1));
        Service s = describe("api-auth");
        assertThat(s.runningCount()).isEqualTo(s.desiredCount());
        assertThat(dev.listTasks(b -> b.cluster("dev").serviceName("api-auth")).taskArns()).doesNotContain(arns.get(0));
    }

    @Test
    void createServiceWithPlacementRules() {
        TaskDefinition td = dev.registerTaskDefinition(b -> b.family("probe").containerDefinitions(c -> c
                .name("probe").image("registry.example.com/probe:1.0.0").cpu(128).memory(128)
                .portMappings(p -> p.containerPort(9000).hostPort(9000)))).taskDefinition();
        Service created = dev.createService(b -> b.cluster("dev").serviceName("probe").taskDefinition(td.taskDefinitionArn())
                .desiredCount(2)
                .placementConstraints(c -> c.type("distinctInstance"))
                .placementStrategy(p -> p.type("spread").field("attribute:ecs.availability-zone"))).service();
        assertThat(created.status()).isEqualTo("ACTIVE");
        sandbox.clock().advance(Duration.ofMinutes(1));
        Service s = describe("probe");
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(s.events().get(0).message()).isEqualTo("(service probe) has reached a steady state.");

        assertThat(catchThrowableOfType(InvalidParameterException.class, () ->
                dev.deleteService(b -> b.cluster("dev").service("probe")))).isNotNull();
        assertThat(dev.deleteService(b -> b.cluster("dev").service("probe").force(true)).service().status()).isEqualTo("DRAINING");
        sandbox.clock().advance(Duration.ofMinutes(1));
        assertThat(describe("probe").status()).isEqualTo("INACTIVE");
        assertThat(dev.listServices(b -> b.cluster("dev").maxResults(100)).serviceArns()).noneMatch(a -> a.endsWith("/probe"));
    }
}
