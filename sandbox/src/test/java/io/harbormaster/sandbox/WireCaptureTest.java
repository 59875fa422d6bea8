package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records what SDK 2.40.2 actually puts on the wire for the protocols the sandbox answers, and prints it, so that
 * handlers are written against observed requests rather than guesses.
 */
class WireCaptureTest {

    @Test
    void sdkSendsQueryForStsAndJson11ForEcs() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests()); SdkClients clients = new SdkClients(sandbox)) {
            sandbox.control().recordRequests(true);
            try (var sts = clients.sts(clients.user("alice"))) {
                sts.getCallerIdentity();
            }
            try (var ecs = clients.ecs(clients.role("alice", "dev", "admin"))) {
                ecs.listClusters();
                ecs.describeServices(b -> b.cluster("dev").services("api"));
            }
            List<SandboxControl.RecordedRequest> recorded = sandbox.control().recordedRequests();
            recorded.forEach(r -> System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "WIRE " + r.method() + " " + r.path() + " "
                    + r.headers() + "\n     " + r.body()));

            SandboxControl.RecordedRequest identity = recorded.get(0);
            assertThat(identity.method()).isEqualTo("POST");
            assertThat(identity.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
            assertThat(identity.body()).isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
            assertThat(identity.headers().get("authorization")).contains("/us-east-1/sts/aws4_request");

            SandboxControl.RecordedRequest assume = recorded.get(1);
            assertThat(assume.body()).startsWith("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222");

            SandboxControl.RecordedRequest list = recorded.get(2);
            assertThat(list.headers().get("x-amz-target")).isEqualTo("AmazonEC2ContainerServiceV20141113.ListClusters");
            assertThat(list.headers().get("content-type")).isEqualTo("application/x-amz-json-1.1");
            assertThat(list.headers()).containsKey("x-amz-security-token");
            assertThat(list.body()).isEqualTo("{}");
            assertThat(recorded.get(3).body()).isEqualTo("{\"cluster\":\"dev\",\"services\":[\"api\"]}");
            assertThat(recorded).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        }
    }
}
