package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * The sandbox counts what a client sent, by operation (the soak holds a refresh's calls against the planner's
 * minimum with it): every request on the wire, a faulted one too, the control API's own left out.
 */
class RequestTallyTest {

    private Sandbox sandbox;
    private SdkClients clients;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void everyRequestIsCountedByServiceAndOperationFaultedOrNot() throws Exception {
        AwsCredentials dev = clients.role("alice", "dev", "admin");
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

        HttpClient http = HttpClient.newHttpClient();
        String listed = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/chaos")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(listed).contains("\"requests\":{").contains("\"ecs.ListClusters\":" + after.get("ecs.ListClusters"));
        assertThat(sandbox.control().requestsByOperation()).as("the control API is not AWS: not counted")
                .doesNotContainKey("*.*").isEqualTo(after);
    }
}
