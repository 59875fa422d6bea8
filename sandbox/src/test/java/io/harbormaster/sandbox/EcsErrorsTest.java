package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

class EcsErrorsTest {

    static Sandbox sandbox;
    static SdkClients clients;
    static EcsClient prodAdmin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        prodAdmin = clients.ecs(clients.role("alice", "prod", "admin"));
    }

    @AfterAll
    static void stop() {
        prodAdmin.close();
        clients.close();
        sandbox.close();
    }

    @Test
    void describeServicesOverTheLimitIsInvalidParameter() {
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class, () ->
                prodAdmin.describeServices(b -> b.cluster("app").services(Collections.nCopies(11, "app-web"))));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).contains("at most 10");
        InvalidParameterException tasks = catchThrowableOfType(InvalidParameterException.class, () ->
                prodAdmin.describeTasks(b -> b.cluster("app").tasks(Collections.nCopies(101, "x"))));
        assertThat(tasks).isNotNull();
        InvalidParameterException page = catchThrowableOfType(InvalidParameterException.class, () ->
                prodAdmin.listServices(b -> b.cluster("app").maxResults(101)));
        assertThat(page).isNotNull();
    }

    @Test
    void missingParametersAndUnknownThings() {
        InvalidParameterException empty = catchThrowableOfType(InvalidParameterException.class, () ->
                prodAdmin.describeServices(b -> b.cluster("app")));
        assertThat(empty.awsErrorDetails().errorMessage()).isEqualTo("Services cannot be empty.");
        assertThat(catchThrowableOfType(ClusterNotFoundException.class, () ->
                prodAdmin.listServices(b -> b.cluster("nope")))).isNotNull();
        assertThat(catchThrowableOfType(ServiceNotFoundException.class, () ->
                prodAdmin.updateService(b -> b.cluster("app").service("nope").desiredCount(1)))).isNotNull();
        assertThat(catchThrowableOfType(ClientException.class, () ->
                prodAdmin.describeTaskDefinition(b -> b.taskDefinition("nope:7")))).isNotNull();
        InvalidParameterException noService = catchThrowableOfType(InvalidParameterException.class, () ->
                prodAdmin.updateService(b -> b.cluster("app").desiredCount(1)));
        assertThat(noService.awsErrorDetails().errorMessage()).isEqualTo("Service cannot be empty.");
    }

    @Test
    void registerTaskDefinitionValidatesLikeEcs() {
        ClientException noMemory = catchThrowableOfType(ClientException.class, () -> prodAdmin.registerTaskDefinition(b -> b
                .family("probe").containerDefinitions(c -> c.name("probe").image("busybox"))));
        assertThat(noMemory.awsErrorDetails().errorMessage()).contains("At least one of 'memory' or 'memoryReservation'");
        ClientException noContainers = catchThrowableOfType(ClientException.class, () ->
                prodAdmin.registerTaskDefinition(b -> b.family("probe")));
        assertThat(noContainers.awsErrorDetails().errorMessage()).isEqualTo("Container list cannot be empty.");
        ClientException badFamily = catchThrowableOfType(ClientException.class, () -> prodAdmin.registerTaskDefinition(b -> b
                .family("bad family!").containerDefinitions(c -> c.name("x").image("x").memory(64))));
        assertThat(badFamily).isNotNull();
    }

    @Test
    void readonlyRoleIsDeniedEveryWrite() {
        try (EcsClient ro = clients.ecs(clients.role("carol", "prod", "readonly"))) {
            assertThat(ro.listClusters().clusterArns()).isNotEmpty();
            AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () ->
                    ro.updateService(b -> b.cluster("app").service("app-web").desiredCount(1)));
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                    "User: arn:aws:sts::444444444444:assumed-role/readonly/carol is not authorized to perform: "
                            + "ecs:UpdateService on resource: arn:aws:ecs:us-east-1:444444444444:service/app/app-web");
            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> ro.registerTaskDefinition(b -> b
                    .family("x").containerDefinitions(c -> c.name("x").image("x").memory(64))))).isNotNull();
        }
    }

    @Test
    void accountsSeeOnlyTheirOwnResources() {
        try (EcsClient dev = clients.ecs(clients.role("alice", "dev", "admin"))) {
            assertThat(dev.listClusters().clusterArns()).allMatch(a -> a.contains(":222222222222:"));
            assertThat(catchThrowableOfType(ClusterNotFoundException.class, () ->
                    dev.listServices(b -> b.cluster("arn:aws:ecs:us-east-1:444444444444:cluster/api")))).isNotNull();
            assertThat(dev.describeClusters(b -> b.clusters("arn:aws:ecs:us-east-1:444444444444:cluster/api")).failures())
                    .singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        }
        try (EcsClient opsUser = clients.ecs(clients.user("alice"))) {
            AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, opsUser::listClusters);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                    "User: arn:aws:iam::111111111111:user/alice is not authorized to perform: ecs:ListClusters");
        }
    }

    @Test
    void unknownKeyIsUnrecognizedClient() {
        try (EcsClient ecs = clients.ecs(AwsBasicCredentials.create("AKIANOPENOPENOPENOPE", "x"))) {
            EcsException e = catchThrowableOfType(EcsException.class, ecs::listClusters);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        }
    }

    @Test
    void rawBadRequestsGetAwsErrorsNotFailures() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "AWS4-HMAC-SHA256 Credential=" + sandbox.control().accessKey("alice").accessKeyId()
                + "/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0";
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.FlyToTheMoon")
                .header("Content-Type", "application/x-amz-json-1.1").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(unknown.headers().firstValue("x-amzn-RequestId")).isPresent();

        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .header("Content-Type", "application/x-amz-json-1.1").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("{\"maxResults\": ")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("SerializationException");

        var role = (software.amazon.awssdk.auth.credentials.AwsSessionCredentials) clients.role("alice", "dev", "admin");
        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", auth.replace(sandbox.control().accessKey("alice").accessKeyId(), role.accessKeyId()))
                .header("X-Amz-Security-Token", role.sessionToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"maxResults\": \"ten\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("SerializationException");

        HttpResponse<String> noAuth = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noAuth.statusCode()).isEqualTo(403);
        assertThat(noAuth.body()).contains("<Code>MissingAuthenticationToken</Code>");

        HttpResponse<String> unknownAction = http.send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", auth.replace("/ecs/", "/sts/"))
                .POST(HttpRequest.BodyPublishers.ofString("Action=Teleport&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertThat(unknownAction.body()).contains("<Code>InvalidAction</Code>").contains("<Type>Sender</Type>");

        HttpResponse<String> nowhere = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/nothing/here"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nowhere.statusCode()).isEqualTo(400);
    }
}
