package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** RegisterTaskDefinition validates as ECS does and answers bad input with ClientException in AWS's wording. */
class TaskDefinitionValidationTest {

    static Sandbox sandbox;
    static SdkClients clients;
    static EcsClient ecs;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        ecs = clients.ecs(clients.role("bob", "dev", "admin"));
    }

    @AfterAll
    static void stop() {
        ecs.close();
        clients.close();
        sandbox.close();
    }

    static ContainerDefinition.Builder web() {
        return ContainerDefinition.builder().name("web").image("registry.example.com/web:1.0.0").memory(256)
                .portMappings(p -> p.containerPort(8080));
    }

    static TaskDefinition register(Consumer<RegisterTaskDefinitionRequest.Builder> request) {
        return ecs.registerTaskDefinition(b -> {
            b.family("validation");
            request.accept(b);
        }).taskDefinition();
    }

    static String rejected(Consumer<RegisterTaskDefinitionRequest.Builder> request) {
        ClientException e = catchThrowableOfType(ClientException.class, () -> register(request));
        assertThat(e).as("ClientException expected").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
        assertThat(e.statusCode()).isEqualTo(400);
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void fargateTakesOnlyThePublishedCpuAndMemoryCombinations() {
        TaskDefinition ok = register(b -> b.requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc")
                .cpu("256").memory("512").containerDefinitions(web().memory(null).build()));
        assertThat(ok.cpu()).isEqualTo("256");
        assertThat(register(b -> b.requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("4 vCPU")
                .memory("30 GB").containerDefinitions(web().build())).memory()).isEqualTo("30720");
        assertThat(rejected(b -> b.requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("256")
                .memory("4096").containerDefinitions(web().build())))
                .isEqualTo("No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS "
                        + "documentation for the valid values.");
        assertThat(rejected(b -> b.requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").cpu("8192")
                .memory("18432").containerDefinitions(web().build()))).startsWith("No Fargate configuration exists");
        assertThat(rejected(b -> b.requiresCompatibilitiesWithStrings("FARGATE").networkMode("bridge").cpu("256")
                .memory("512").containerDefinitions(web().build()))).startsWith("Fargate only supports network mode");
        assertThat(rejected(b -> b.requiresCompatibilitiesWithStrings("FARGATE").networkMode("awsvpc").memory("512")
                .containerDefinitions(web().build()))).isEqualTo("Fargate requires that 'cpu' be defined at the task level.");
    }

    @Test
    void ec2TaskLevelValuesAndContainerSums() {
        assertThat(rejected(b -> b.cpu("64").containerDefinitions(web().build()))).startsWith("Invalid 'cpu' setting for task");
        assertThat(rejected(b -> b.memory("512").containerDefinitions(web().memory(1024).build())))
                .contains("'memory' must be less than or equal to the task's 'memory'");
        assertThat(rejected(b -> b.memory("512").containerDefinitions(web().memory(null).memoryReservation(300).build(),
                web().name("sidecar").memory(null).memoryReservation(300).portMappings(p -> p.containerPort(9000)).build())))
                .contains("600 MiB");
        assertThat(rejected(b -> b.cpu("256").containerDefinitions(web().cpu(200).build(),
                web().name("sidecar").cpu(200).portMappings(p -> p.containerPort(9000)).build()))).contains("400 units");
        assertThat(rejected(b -> b.containerDefinitions(web().memory(null).build())))
                .contains("At least one of 'memory' or 'memoryReservation' must be specified");
    }

    @Test
    void containerNamesAreUniqueLettersDigitsHyphensUnderscoresUpTo255() {
        assertThat(rejected(b -> b.containerDefinitions(web().build(), web().build())))
                .isEqualTo("Duplicate container name found: web. Container names must be unique.");
        assertThat(rejected(b -> b.containerDefinitions(web().name("web.1").build()))).contains("invalid characters");
        assertThat(rejected(b -> b.containerDefinitions(web().name("a".repeat(256)).build()))).contains("invalid characters");
        assertThat(register(b -> b.containerDefinitions(web().name("a_B-9".repeat(51)).build())).containerDefinitions()
                .get(0).name()).hasSize(255);
        assertThat(rejected(b -> b.containerDefinitions(web().essential(false).build())))
                .contains("at least one container in the task definition must be essential");
    }

    @Test
    void portMappingsFollowTheNetworkMode() {
        assertThat(rejected(b -> b.networkMode("awsvpc").containerDefinitions(web()
                .portMappings(p -> p.containerPort(8080).hostPort(80)).build())))
                .isEqualTo("When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
        assertThat(register(b -> b.networkMode("awsvpc").containerDefinitions(web().build())).containerDefinitions().get(0)
                .portMappings().get(0).hostPort()).as("hostPort defaults to containerPort in awsvpc").isEqualTo(8080);
        assertThat(register(b -> b.networkMode("bridge").containerDefinitions(web().build())).containerDefinitions().get(0)
                .portMappings().get(0).hostPort()).as("dynamic in bridge").isZero();
        assertThat(rejected(b -> b.containerDefinitions(web().portMappings(p -> p.hostPort(80)).build())))
                .contains("'containerPort'");
        assertThat(rejected(b -> b.containerDefinitions(web().portMappings(p -> p.containerPort(70000)).build())))
                .contains("'containerPort'");
        assertThat(rejected(b -> b.containerDefinitions(web().portMappings(p -> p.containerPort(80).hostPort(65536)).build())))
                .contains("'hostPort'");
        assertThat(rejected(b -> b.containerDefinitions(web().portMappings(p -> p.containerPort(80).protocol("sctp")).build())))
                .contains("'protocol'");
    }
}
