package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * ECS throttling over the wire, by AWS's categories: actions of one category share a bucket, categories do not,
 * and each bucket bursts and refills as AWS publishes. The buckets refill on a hand-moved clock, so every count is
 * exact however slowly the machine answers.
 */
@Isolated // starts sandboxes and counts calls: never beside the concurrent CLI tests (junit-platform.properties)
class ThrottlingTest {

    private final AtomicLong nanos = new AtomicLong();
    private Sandbox sandbox;
    private SdkClients clients;
    private AwsSessionCredentials dev;
    private EcsClient ecs;
    private String cluster;
    private String service;
    private int desiredCount;
    private String family;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests(), nanos::get);
        clients = new SdkClients(sandbox);
        dev = (AwsSessionCredentials) clients.role("alice", "dev", "admin");
        ecs = clients.ecs(dev);
        cluster = ecs.listClusters().clusterArns().get(0);
        service = ecs.listServices(b -> b.cluster(cluster).maxResults(100)).serviceArns().get(0);
        var described = ecs.describeServices(b -> b.cluster(cluster).services(service)).services().get(0);
        desiredCount = described.desiredCount();
        family = described.taskDefinition().replaceAll(".*/", "").replaceAll(":\\d+$", "");
        // Turning throttling on starts every bucket full: the set-up calls above cost nothing.
        sandbox.control().setThrottling(true);
    }

    @AfterEach
    void stop() {
        ecs.close();
        clients.close();
        sandbox.close();
    }

    @Test
    void actionsOfOneCategoryShareItsBucket() {
        // Cluster resource read (ListTasks, DescribeTasks, …): 100 tokens for them all.
        for (int i = 0; i < 60; i++) {
            assertThat(throttled(this::listTasks)).as("ListTasks %d", i + 1).isFalse();
        }
        for (int i = 0; i < 40; i++) {
            assertThat(throttled(this::describeTasks)).as("DescribeTasks %d", i + 1).isFalse();
        }
        assertThat(throttled(this::describeTasks)).as("the 101st call of the category").isTrue();
        assertThat(throttled(this::listTasks)).isTrue();
        assertThat(throttled(this::listContainerInstances)).isTrue();
    }

    @Test
    void categoriesHaveTheirOwnBuckets() {
        assertThat(untilThrottled(this::describeServices)).isEqualTo(100);
        // Service read is empty; cluster resource read, cluster read and task definition read are still full.
        assertThat(untilThrottled(this::describeTasks)).isEqualTo(100);
        assertThat(throttled(this::listServices)).isTrue();
        assertThat(throttled(() -> ecs.describeClusters(b -> b.clusters(cluster)))).isFalse();
        assertThat(throttled(() -> ecs.describeTaskDefinition(b -> b.taskDefinition(family)))).isFalse();
    }

    @Test
    void eachCategoryBurstsAndRefillsAsAwsPublishes() {
        // category -> one of its actions, burst, refill per second (AWS ECS API Reference, throttling quotas)
        record Probe(String category, Runnable call, int burst, int perSecond) {
        }
        List<Probe> probes = List.of(
                new Probe("cluster read", () -> ecs.describeClusters(b -> b.clusters(cluster)), 50, 20),
                new Probe("service read", this::listServices, 100, 20),
                new Probe("cluster resource read", this::listContainerInstances, 100, 20),
                new Probe("task definition read", () -> ecs.listTaskDefinitionFamilies(b -> b.maxResults(1)), 50, 20),
                new Probe("task definition modify", this::registerTaskDefinition, 20, 1),
                new Probe("service modify", () -> ecs.updateService(b -> b.cluster(cluster).service(service)
                        .desiredCount(desiredCount)), 50, 5),
                new Probe("cluster resource modify", this::stopMissingTask, 100, 40));
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        for (Probe p : probes) {
            int burst = untilThrottled(p.call());
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
            int afterOneSecond = untilThrottled(p.call());
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
            int afterThreeMore = untilThrottled(p.call());
            seen.put(p.category(), List.of(burst, afterOneSecond, afterThreeMore));
            expected.put(p.category(), List.of(p.burst(), p.perSecond(), Math.min(p.burst(), 3 * p.perSecond())));
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void aThrottledCallKeepsEcsWireShape() throws Exception {
        untilThrottled(() -> ecs.describeClusters(b -> b.clusters(cluster)));
        EcsException e = throttledBy(() -> ecs.describeClusters(b -> b.clusters(cluster)));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");

        String date = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpRequest raw = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + dev.accessKeyId() + "/" + date
                        + "/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", date + "T000000Z")
                .header("X-Amz-Security-Token", dev.sessionToken())
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(raw, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        assertThat(answer.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("__type").asText()).isEqualTo("ThrottlingException");
        assertThat(body.path("message").asText()).isEqualTo("Rate exceeded");
    }

    @Test
    void bucketsArePerAccount() {
        untilThrottled(this::describeServices);
        try (EcsClient stage = clients.ecs(clients.role("alice", "stage", "admin"))) {
            String stageCluster = stage.listClusters().clusterArns().get(0);
            assertThat(throttled(() -> stage.listServices(b -> b.cluster(stageCluster)))).isFalse();
        }
    }

    @Test
    void throttlingSwitchedOffLetsEveryCallThrough() {
        untilThrottled(this::describeServices);
        sandbox.control().setThrottling(false);
        for (int i = 0; i < 150; i++) {
            assertThat(throttled(this::describeServices)).isFalse();
        }
        sandbox.control().setThrottling(true);
        assertThat(untilThrottled(this::describeServices)).as("switched back on with full buckets").isEqualTo(100);
    }

    // ---- calls --------------------------------------------------------------------------------------------

    private void listTasks() {
        ecs.listTasks(b -> b.cluster(cluster).maxResults(1));
    }

    private void describeTasks() {
        ecs.describeTasks(b -> b.cluster(cluster).tasks("0123456789abcdef0123456789abcdef"));
    }

    private void listContainerInstances() {
        ecs.listContainerInstances(b -> b.cluster(cluster).maxResults(1));
    }

    private void describeServices() {
        ecs.describeServices(b -> b.cluster(cluster).services(service));
    }

    private void listServices() {
        ecs.listServices(b -> b.cluster(cluster).maxResults(1));
    }

    private void registerTaskDefinition() {
        ecs.registerTaskDefinition(b -> b.family("throttle-probe")
                .containerDefinitions(c -> c.name("app").image("nginx:1.27").memory(128)));
    }

    /** StopTask of a task that does not exist: answered InvalidParameterException, but only once it has a token. */
    private void stopMissingTask() {
        ecs.stopTask(b -> b.cluster(cluster).task("0123456789abcdef0123456789abcdef"));
    }

    // ---- counting -----------------------------------------------------------------------------------------

    /** Whether the call was throttled; any other answer (a success, or another error) got through the bucket. */
    private static boolean throttled(Runnable call) {
        try {
            call.run();
            return false;
        } catch (AwsServiceException e) {
            return isThrottle(e);
        }
    }

    private static boolean isThrottle(AwsServiceException e) {
        return "ThrottlingException".equals(e.awsErrorDetails().errorCode());
    }

    private static EcsException throttledBy(Runnable call) {
        try {
            call.run();
        } catch (EcsException e) {
            if (isThrottle(e)) {
                return e;
            }
            throw e;
        }
        throw new AssertionError("the call was not throttled");
    }

    /** Calls until the first ThrottlingException; answers how many got through before it. */
    private static int untilThrottled(Runnable call) {
        List<String> otherErrors = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            try {
                call.run();
            } catch (AwsServiceException e) {
                if (isThrottle(e)) {
                    return n;
                }
                otherErrors.add(e.awsErrorDetails().errorCode());
            }
        }
        throw new AssertionError("never throttled in 1,000 calls; other errors: " + otherErrors.stream().distinct().toList());
    }
}
