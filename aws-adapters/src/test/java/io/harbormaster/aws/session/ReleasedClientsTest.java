package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A context released (its environment re-entered) while a task of the old session is mid-read on one of its clients:
 * the task's calls, the one under way and the ones after it, finish normally; the client is closed once quiet, and
 * every client at the factory's close. Against a local HTTP server that holds a call until told to answer.
 */
class ReleasedClientsTest {

    /** The quiet period (the API call timeout) after which a released client is closed. */
    private static final Duration QUIET = Duration.ofMillis(800);

    private HttpServer server;
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private AwsClientFactory factory;
    private ClientContext prod;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                answer.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"clusterArns\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        factory = new AwsClientFactory(Duration.ofSeconds(5), QUIET);
        prod = context("us-east-1");
    }

    @AfterEach
    void stop() {
        answer.countDown();
        factory.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private ClientContext context(String region) {
        return new ClientContext(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
                region, Optional.of(URI.create("http://localhost:" + server.getAddress().getPort())));
    }

    @Test
    void aReadUnderWayWhenItsContextIsReleasedFinishesAndTheClientIsClosedOnceQuiet() throws Exception {
        EcsClient held = factory.ecs(prod);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            int clusters = held.listClusters().clusterArns().size();
            // The next page, or the next call of the same read: on the client it was given, after the release.
            return clusters + held.listClusters().clusterArns().size();
        });
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

        factory.release(prod);
        assertThat(factory.ecs(prod)).as("new calls get a new client").isNotSameAs(held);
        answer.countDown();

        assertThat(read.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(factory.releasedOpen()).isEqualTo(1);
        long deadline = System.nanoTime() + QUIET.multipliedBy(5).toNanos();
        while (factory.releasedOpen() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(factory.releasedOpen()).as("closed once quiet").isZero();
        assertThatThrownBy(held::listClusters).as("the released client really is closed")
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void releaseForgetsTheContextsClientsInEveryRegionAndTheGlobalOnes() {
        answer.countDown();
        EcsClient east = factory.ecs(prod);
        ClientContext west = new ClientContext(prod.credentials(), "us-west-2", prod.endpoint());
        EcsClient inWest = factory.ecs(west);
        var route53 = factory.route53(prod, "111111111111");
        ClientContext other = context("us-east-1");
        EcsClient untouched = factory.ecs(other);

        factory.release(prod);

        assertThat(factory.releasedOpen()).isEqualTo(3);
        assertThat(factory.ecs(prod)).isNotSameAs(east);
        assertThat(factory.ecs(west)).isNotSameAs(inWest);
        assertThat(factory.route53(prod, "111111111111")).isNotSameAs(route53);
        assertThat(factory.ecs(other)).as("another environment's clients are kept").isSameAs(untouched);
    }

    @Test
    void theFactorysCloseClosesReleasedClientsAtOnce() {
        answer.countDown();
        EcsClient held = factory.ecs(prod);
        held.listClusters();
        factory.release(prod);
        assertThat(factory.releasedOpen()).isEqualTo(1);

        factory.close();

        assertThat(factory.releasedOpen()).isZero();
        assertThatThrownBy(held::listClusters).isInstanceOf(RejectedExecutionException.class);
    }
}
