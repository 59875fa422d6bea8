package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Route 53's five requests a second per account, met by an SDK client with its standard retry strategy: the
 * answers the sandbox throttles (HTTP 400, Throttling, "Rate exceeded") are ones the SDK recognises and retries, so
 * a burst of calls all succeed, a little later. Real time (the throttle refills on the wall clock), hence isolated.
 */
@Isolated // counts throttles in real time: never beside the concurrent CLI tests
class Route53ThrottlingRetryTest {

    @Test
    void aBurstOverFiveASecondIsThrottledAndTheSdkRetriesItThrough() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()); SdkClients clients = new SdkClients(sandbox)) {
            var credentials = clients.role("alice", "stage", "readonly");
            sandbox.control().setThrottling(true);
            sandbox.control().recordRequests(true);
            try (Route53Client r53 = Route53Client.builder().endpointOverride(sandbox.endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(StaticCredentialsProvider.create(credentials))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(12).build()))
                    .build()) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 15; i++) {
                    assertThat(r53.getHostedZoneCount().hostedZoneCount()).isEqualTo(2L);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                List<SandboxControl.RecordedRequest> route53 = sandbox.control().recordedRequests().stream()
                        .filter(r -> r.path().startsWith("/2013-04-01/")).toList();
                long throttled = route53.stream().filter(r -> r.status() == 400).count();
                assertThat(throttled).as("calls over five a second were throttled").isPositive();
                assertThat(route53).hasSize(15 + (int) throttled);
                assertThat(route53.stream().filter(r -> r.status() == 200)).hasSize(15);
                assertThat(ms).as("15 calls at five a second after a burst of five take about two seconds")
                        .isGreaterThanOrEqualTo(1_500);
            }
        }
    }
}
