package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Each wire fault of the sandbox's fault injector seen through real SDK v2 clients (retries off unless a test says
 * otherwise): the error in the protocol's own shape, a connection cut after the call took effect, answers that come
 * late or never, a Region that stops answering while the others go on, and a clock AWS disagrees with.
 */
@Isolated // times calls: never beside the concurrent CLI tests
class FaultInjectionTest {

    private Sandbox sandbox;
    private SdkClients clients;
    private AwsCredentials dev;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        sandbox.control().setCredentialExpiry(false);
        clients = new SdkClients(sandbox);
        dev = clients.role("alice", "dev", "admin");
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    private static AwsServiceException serviceError(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("the call succeeded; a fault was expected");
    }

    @Test
    void internalFailureInJson11AndRestXml() {
        sandbox.control().addFault("internal-failure:ecs.ListClusters");
        sandbox.control().addFault("internal-failure:route53");
        AwsServiceException ecs = serviceError(() -> clients.ecs(dev).listClusters());
        assertThat(ecs).isInstanceOf(EcsException.class);
        assertThat(ecs.statusCode()).isEqualTo(500);
        assertThat(ecs.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
        assertThat(ecs.requestId()).isNotBlank();
        // Another operation of the same service is not picked.
        assertThat(clients.ecs(dev).listServices(b -> b.cluster("dev")).serviceArns()).isNotNull();
        AwsServiceException r53 = serviceError(() -> clients.route53(dev).listHostedZones());
        assertThat(r53).isInstanceOf(Route53Exception.class);
        assertThat(r53.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
        assertThat(r53.statusCode()).isEqualTo(500);
    }

    @Test
    void stsUnavailableInQueryXml() {
        sandbox.control().addFault("unavailable:sts");
        AwsServiceException e = serviceError(() -> clients.sts(clients.user("alice")).getCallerIdentity());
        assertThat(e).isInstanceOf(StsException.class);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        // ECS still answers.
        assertThat(clients.ecs(dev).listClusters().clusterArns()).isNotEmpty();
        sandbox.control().clearFaults();
        assertThat(clients.sts(clients.user("alice")).getCallerIdentity().account()).isEqualTo("111111111111");
    }

    @Test
    void throttlingStormInRpcV2CborWhateverTheBucketsHold() {
        sandbox.control().addFault("throttle:monitoring");
        CloudWatchClient cw = clients.cloudWatch(dev);
        AwsServiceException e = serviceError(cw::listMetrics);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(sandbox.control().throttling()).isFalse();
    }

    @Test
    void expiredTokenMidLoad() {
        EcsClient ecs = clients.ecs(dev);
        assertThat(ecs.listClusters().clusterArns()).isNotEmpty();
        sandbox.control().addFault("expired-token:ecs");
        AwsServiceException e = serviceError(ecs::listClusters);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("expired");
    }

    @Test
    void restJsonServicesGetTheErrorTypeHeader() {
        sandbox.control().addFault("unavailable:*.ListAccounts");
        sandbox.control().addFault("unavailable");
        AwsServiceException e = serviceError(() -> clients.sso().listAccounts(b -> b.accessToken("t")));
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void connectionResetAfterTheWriteTookEffect() {
        EcsClient ecs = clients.ecs(dev);
        String cluster = ecs.listClusters().clusterArns().get(0);
        String service = ecs.listServices(b -> b.cluster(cluster).maxResults(100)).serviceArns().get(0);
        int before = ecs.describeServices(b -> b.cluster(cluster).services(service)).services().get(0).desiredCount();
        sandbox.control().addFault("reset:ecs.UpdateService");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster(cluster).service(service).desiredCount(before + 1)))
                .isInstanceOf(SdkClientException.class);
        sandbox.control().clearFaults();
        assertThat(ecs.describeServices(b -> b.cluster(cluster).services(service)).services().get(0).desiredCount())
                .as("the sandbox applied the update before it cut the answer").isEqualTo(before + 1);
        assertThat(sandbox.control().faultsInjected()).containsEntry(io.harbormaster.sandbox.chaos.FaultKind.CONNECTION_RESET, 1L);
    }

    @Test
    void latencyDelaysAndSlowAnswersOutlastAnAttemptTimeoutWithoutHoldingUpOthers() {
        sandbox.control().addFault("latency:ecs.ListClusters,ms=150");
        long t0 = System.nanoTime();
        clients.ecs(dev).listClusters();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        sandbox.control().clearFaults();

        sandbox.control().addFault("slow:ecs.ListClusters,ms=3000");
        try (EcsClient impatient = timedOut(Region.US_EAST_1, Duration.ofMillis(400))) {
            // Nine slow answers pending do not hold up the sandbox's eight handler threads.
            for (int i = 0; i < 9; i++) {
                assertThatThrownBy(impatient::listClusters).isInstanceOf(ApiCallAttemptTimeoutException.class);
            }
            long t1 = System.nanoTime();
            assertThat(clients.ecs(dev).listServices(b -> b.cluster("dev")).serviceArns()).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRegionThatStopsAnsweringLeavesTheOthersAndComesBack() {
        sandbox.control().addFault("region-down@eu-west-1");
        try (EcsClient ireland = timedOut(Region.EU_WEST_1, Duration.ofMillis(500));
                EcsClient virginia = timedOut(Region.US_EAST_1, Duration.ofMillis(2000))) {
            assertThatThrownBy(ireland::listClusters).isInstanceOf(ApiCallAttemptTimeoutException.class);
            assertThat(virginia.listClusters().clusterArns()).isNotEmpty();
            sandbox.control().clearFaults();
            assertThat(ireland.listClusters().clusterArns()).isNotNull();
        }
    }

    @Test
    void aFaultForAPeriodEndsByItself() throws InterruptedException {
        EcsClient ecs = clients.ecs(dev);
        ecs.listClusters();
        sandbox.control().addFault("internal-failure:ecs,for=1s");
        assertThat(serviceError(ecs::listClusters).statusCode()).isEqualTo(500);
        Thread.sleep(1100);
        assertThat(ecs.listClusters().clusterArns()).isNotEmpty();
        assertThat(sandbox.control().faults()).isEmpty();
    }

    @Test
    void clockSkewBeyondFiveMinutesIsAnsweredWithAwsTime() {
        sandbox.control().addFault("skew,seconds=1200");
        AwsServiceException e = serviceError(() -> clients.ecs(dev).listClusters());
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Signature expired:");
        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date")).isPresent();
        assertThat(e.statusCode()).isEqualTo(400);
        AwsServiceException query = serviceError(() -> clients.sts(dev).getCallerIdentity());
        assertThat(query.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(query.statusCode()).isEqualTo(403);
        sandbox.control().clearFaults();
        sandbox.control().addFault("skew:ecs,seconds=120");
        assertThat(clients.ecs(dev).listClusters().clusterArns()).as("within AWS's 5 minutes").isNotEmpty();
    }

    @Test
    void theControlApiSwitchesFaultsOnAndOff() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(sandbox.endpoint() + "/_sandbox/chaos");
        HttpResponse<String> on = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("internal-failure:ecs,rate=1\nlatency:sts,ms=10\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(on.body()).contains("internal-failure:ecs,rate=1.0").contains("latency:sts");
        assertThat(serviceError(() -> clients.ecs(dev).listClusters()).statusCode()).isEqualTo(500);
        String listed = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(listed).contains("\"injected\":{\"internal-failure\":1");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("meteor-strike:ecs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown fault 'meteor-strike'");
        http.send(HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(clients.ecs(dev).listClusters().clusterArns()).isNotEmpty();
    }

    /**
     * As CloudTrail records each call's user agent, the sandbox counts requests by a token of theirs: an SDK
     * client's ApiName ({@code name/version} appended to its User-Agent), retries included.
     */
    @Test
    void requestsAreCountedByTheApiNameTheirUserAgentCarries() {
        long mark = sandbox.control().requestMark();
        ApiName purpose = ApiName.builder().name("soak-check").version("7").build();
        clients.ecs(dev).listClusters(b -> b.overrideConfiguration(o -> o.addApiName(purpose)));
        clients.ecs(dev).listClusters();
        long fault = sandbox.control().addFault("internal-failure:ecs.DescribeClusters");
        assertThatThrownBy(() -> clients.ecs(dev).describeClusters(b -> b.clusters("dev")
                .overrideConfiguration(o -> o.addApiName(purpose).addPlugin(config -> config.overrideConfiguration(
                        c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))))))
                .isInstanceOf(EcsException.class);
        sandbox.control().removeFault(fault);

        Map<String, Long> tagged = sandbox.control().requestsByOperation(mark, "soak-check/7");
        assertThat(tagged.get("ecs.ListClusters")).isEqualTo(1);
        assertThat(tagged.get("ecs.DescribeClusters")).as("the SDK's retries of a 500 carry it too").isEqualTo(3);
        assertThat(sandbox.control().requestsByOperation(mark, "soak-check/8")).isEmpty();
    }

    /**
     * The sandbox counts what a client sent, by operation (the soak holds a refresh's calls against the planner's
     * minimum with it): every request on the wire, a faulted one too, the control API's own left out.
     */
    @Test
    void everyRequestIsCountedByServiceAndOperationFaultedOrNot() throws Exception {
        Map<String, Long> before = sandbox.control().requestsByOperation();
        assertThat(before).containsKey("sts.AssumeRole");

        clients.ecs(dev).listClusters();
        clients.ecs(dev).listClusters();
        long fault = sandbox.control().addFault("internal-failure:ecs.ListClusters");
        assertThatThrownBy(() -> clients.ecs(dev).listClusters()).isInstanceOf(EcsException.class);
        sandbox.control().removeFault(fault);
        clients.ecs(dev).describeClusters(b -> b.clusters("dev"));

        Map<String, Long> after = sandbox.control().requestsByOperation();
        assertThat(after.get("ecs.ListClusters") - before.getOrDefault("ecs.ListClusters", 0L)).isEqualTo(3);
        assertThat(after.get("ecs.DescribeClusters") - before.getOrDefault("ecs.DescribeClusters", 0L)).isEqualTo(1);
        String listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.endpoint()
                + "/_sandbox/chaos")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(listed).contains("\"requests\":{").contains("\"ecs.ListClusters\":" + after.get("ecs.ListClusters"));
        assertThat(sandbox.control().requestsByOperation()).as("the control API is not AWS: not counted")
                .isEqualTo(after);
    }

    private EcsClient timedOut(Region region, Duration attempt) {
        return EcsClient.builder().endpointOverride(sandbox.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(dev))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallAttemptTimeout(attempt))
                .build();
    }
}
