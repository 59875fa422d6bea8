package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.chaos.FaultKind;
import io.harbormaster.sandbox.chaos.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standalone sandbox: what it prints for CLIs older than 2.13, which ignore endpoint_url in profiles, and its
 * {@code --chaos} faults, switched on at start as the control API switches them.
 */
class SandboxMainTest {

    @Test
    void oldCliAdviceNamesTheEndpointOnEveryCommand() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
            String advice = SandboxMain.oldCliAdvice(sandbox, "alice");
            String key = sandbox.control().accessKey("alice").accessKeyId();
            assertThat(advice).contains("export AWS_ACCESS_KEY_ID=" + key)
                    .contains("aws --endpoint-url " + sandbox.endpoint() + " sts assume-role --role-arn arn:aws:iam::222222222222:role/admin")
                    .contains("aws --endpoint-url " + sandbox.endpoint() + " ecs list-clusters")
                    .contains("--serial-number arn:aws:iam::111111111111:mfa/alice");
            assertThat(SandboxMain.oldCliAdvice(sandbox, "carol")).contains("role/readonly").doesNotContain("--serial-number");
        }
    }

    @Test
    void everyKindOfFaultCanBeSwitchedOnAtStartAndIsInForceAsFromTheControlApi() throws Exception {
        List<String> kinds = Arrays.stream(FaultKind.values()).map(k -> k.spec() + ":logs,rate=0.5,for=2m").toList();
        List<String> args = new java.util.ArrayList<>(List.of("--port", "0", "--speed", "0", "--no-throttling",
                "--night", "--seed", "7", "--chaos", "internal-failure:ecs.ListClusters"));
        kinds.forEach(k -> args.addAll(List.of("--chaos", k)));
        SandboxMain.Args parsed = SandboxMain.parse(args.toArray(String[]::new));
        assertThat(parsed.faults()).hasSize(FaultKind.values().length + 1);
        assertThat(parsed.faults().stream().skip(1).map(f -> FaultRule.parse(f).kind()))
                .containsExactly(FaultKind.values());
        assertThat(parsed.options().seed()).isEqualTo(7);
        assertThat(parsed.options().businessDay()).as("--night").isFalse();
        assertThat(SandboxMain.parse(new String[] {"--port", "0"}).options().businessDay()).isTrue();

        try (Sandbox sandbox = parsed.start()) {
            assertThat(sandbox.control().faults().values().stream().map(FaultRule::spec))
                    .containsExactlyElementsOf(parsed.faults());
            HttpClient http = HttpClient.newHttpClient();
            String listed = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/chaos"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listed).contains("internal-failure:ecs.ListClusters", "region-down:logs", "skew:logs");
            HttpResponse<String> listClusters = http.send(HttpRequest.newBuilder(sandbox.endpoint())
                    .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential="
                            + sandbox.control().accessKey("alice").accessKeyId()
                            + "/20261206/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listClusters.statusCode()).isEqualTo(500);
            assertThat(listClusters.body()).contains("InternalFailure");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SandboxMain.parse(
                new String[] {"--chaos", "meteor:ecs"}))).hasMessageContaining("unknown fault 'meteor'");
    }
}
