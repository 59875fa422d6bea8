package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

@Isolated // timing-sensitive: never beside the concurrent CLI tests (junit-platform.properties)
class ThrottlingTest {

    @Test
    void burstingClientIsThrottledWhenThrottlingIsOn() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withThrottling(true));
             SdkClients clients = new SdkClients(sandbox);
             EcsClient ecs = clients.ecs(clients.role("alice", "dev", "admin"))) {
            List<String> errors = new ArrayList<>();
            int ok = 0;
            for (int i = 0; i < 160; i++) {
                try {
                    ecs.describeClusters(b -> b.clusters("dev"));
                    ok++;
                } catch (EcsException e) {
                    errors.add(e.awsErrorDetails().errorCode() + " " + e.statusCode());
                }
            }
            assertThat(ok).isGreaterThanOrEqualTo(100);
            assertThat(errors).isNotEmpty().allMatch(e -> e.equals("ThrottlingException 400"));
            // Another family (List*) has its own bucket.
            assertThat(ecs.listClusters().clusterArns()).isNotEmpty();

            sandbox.control().setThrottling(false);
            for (int i = 0; i < 150; i++) {
                ecs.describeClusters(b -> b.clusters("dev"));
            }
        }
    }
}
