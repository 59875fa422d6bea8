package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Asking for a port another program holds is not an error: the sandbox takes another free one, silently. */
class SandboxPortTest {

    @Test
    void aTakenPortIsReplacedByAFreeOneWithoutComplaint() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withPort(squatter.getLocalPort()))) {
            assertThat(sandbox.port()).isPositive().isNotEqualTo(squatter.getLocalPort());
            assertThat(sandbox.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + sandbox.port()));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(sandbox.endpoint().resolve("/_sandbox/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("ok");
        }
    }
}
