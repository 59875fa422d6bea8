package io.harbormaster.aws.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Route 53's quota is the account's (five requests a second), so two environments in one account, each with its own
 * credentials and so its own client, draw on one pacer: ten calls at once from the two take about a second, as AWS
 * would let them through, where two buckets would send all ten into AWS's one. Against a local HTTP server that
 * notes when each call arrives.
 */
class Route53AccountPacingTest {

    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListHostedZonesResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><HostedZones/>"
            + "<IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListHostedZonesResponse>";

    private HttpServer server;
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final ExecutorService callers = Executors.newFixedThreadPool(10);
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private AwsClientFactory factory;
    private Optional<URI> endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrivals.add(System.nanoTime());
            byte[] body = EMPTY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        factory = new AwsClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(10));
        endpoint = Optional.of(URI.create("http://localhost:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        factory.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private ClientContext context(String key) {
        return new ClientContext(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, "secret")),
                "us-east-1", endpoint);
    }

    private List<CompletableFuture<Integer>> calls(Route53Client client, int n) {
        List<CompletableFuture<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(CompletableFuture.supplyAsync(() -> client.listHostedZones().hostedZones().size(), callers));
        }
        return out;
    }

    @Test
    void twoEnvironmentsInOneAccountShareTheAccountsFiveASecond() throws Exception {
        Route53Client dev = factory.route53(context("AKIDDEV"), "111111111111");
        Route53Client stage = factory.route53(context("AKIDSTAGE"), "111111111111");
        assertThat(dev).as("each environment its own client").isNotSameAs(stage);

        List<CompletableFuture<Integer>> all = new ArrayList<>(calls(dev, 5));
        all.addAll(calls(stage, 5));
        for (CompletableFuture<Integer> call : all) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isZero();
        }

        List<Long> at = new ArrayList<>(arrivals);
        at.sort(null);
        assertThat(at).hasSize(10);
        // A burst of five, then five more at (a little under) five a second: the tenth no sooner than ~1 s after
        // the first. Two buckets of five would have let all ten through at once.
        assertThat(Duration.ofNanos(at.get(9) - at.get(0))).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void anotherAccountOrAnotherSandboxHasAQuotaOfItsOwn() {
        PacedAttempts one = factory.route53Pacer("111111111111", endpoint);
        assertThat(factory.route53Pacer("111111111111", endpoint)).isSameAs(one);
        assertThat(factory.route53Pacer("222222222222", endpoint)).isNotSameAs(one);
        assertThat(factory.route53Pacer("111111111111", Optional.of(URI.create("http://localhost:1"))))
                .isNotSameAs(one);
        assertThat(factory.route53Pacer("111111111111", Optional.empty())).isNotSameAs(one);
    }
}
