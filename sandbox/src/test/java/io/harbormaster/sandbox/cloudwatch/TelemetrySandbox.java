package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.SandboxClock;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.HttpEndpoint;
import io.harbormaster.sandbox.core.RequestIds;
import io.harbormaster.sandbox.core.RunningClock;
import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.core.Telemetry;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.ecs.EcsModule;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.Session;
import io.harbormaster.sandbox.logs.LogsModule;
import io.harbormaster.sandbox.sts.StsModule;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The sandbox's services (STS, ECS, CloudWatch, Logs, and any more a test names) on a manual clock, with a {@link FakeTelemetry} in place of
 * the traffic model so tests decide what the fleet measures. Built like {@code Sandbox}, module by module.
 */
public final class TelemetrySandbox implements AutoCloseable {

    public static final String DEV = "222222222222";
    public static final String PROD = "444444444444";

    public final World world;
    public final RunningClock clock;
    public final FakeTelemetry telemetry;
    private final Iam iam;
    private final HttpEndpoint http;
    private final AtomicLong throttleNanos = new AtomicLong();
    private final Throttler throttler = new Throttler(false, throttleNanos::get);
    private final int port;
    private final SdkHttpClient sdkHttp = ApacheHttpClient.builder().maxConnections(8).build();

    public TelemetrySandbox() {
        this(List.of());
    }

    /** With the given modules installed after the usual ones (e.g. Application Auto Scaling). */
    public TelemetrySandbox(List<SandboxModule> more) {
        clock = new RunningClock(Instant.now().truncatedTo(ChronoUnit.HOURS), 0, System::nanoTime);
        world = new World(clock, 42L);
        clock.onAdvance(t -> world.locked(() -> world.timeline().runDue(t)));
        iam = new Iam(world);
        world.register(Iam.class, iam);
        telemetry = new FakeTelemetry(world::now);
        world.register(Telemetry.class, telemetry);
        RequestIds ids = new RequestIds(42L);
        Edge edge = new Edge(ids, iam, throttler);
        http = new HttpEndpoint(ids, Duration.ZERO);
        SandboxModule.Installation in = new SandboxModule.Installation(world, edge, http, "default", true);
        for (SandboxModule m : List.of(new StsModule(), new EcsModule(), new CloudWatchModule(), new LogsModule())) {
            m.install(in);
        }
        more.forEach(m -> m.install(in));
        port = http.start(0, 4);
    }

    public SandboxClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public HttpEndpoint http() {
        return http;
    }

    /**
     * Off unless a test turns it on: then every account's buckets hold AWS's published rates. Its buckets refill on
     * a clock of their own that stands still until {@link #refillThrottles} moves it, so a test decides when.
     */
    public Throttler throttler() {
        return throttler;
    }

    public void refillThrottles(Duration elapsed) {
        throttleNanos.addAndGet(elapsed.toNanos());
    }

    /** Credentials of alice's session in an environment's role ("admin" or "readonly"). */
    public Session session(String account, String role) {
        return world.locked(() -> iam.issue(iam.user("alice"), iam.role("arn:aws:iam::" + account + ":role/" + role),
                "alice", false, Duration.ofHours(12)));
    }

    public StaticCredentialsProvider credentials(String account, String role) {
        Session s = session(account, role);
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(),
                s.sessionToken()));
    }

    public CloudWatchClient cloudWatch(String account, String role) {
        return cloudWatch(account, role, AwsRetryStrategy.doNotRetry());
    }

    public CloudWatchClient cloudWatch(String account, String role, RetryStrategy retries) {
        return CloudWatchClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials(account, role)).httpClient(sdkHttp)
                .overrideConfiguration(o -> o.retryStrategy(retries)).build();
    }

    public CloudWatchLogsClient logs(String account, String role) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials(account, role)).httpClient(sdkHttp)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Override
    public void close() {
        sdkHttp.close();
        http.close();
    }
}
