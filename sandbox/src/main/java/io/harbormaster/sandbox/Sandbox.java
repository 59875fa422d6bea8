package io.harbormaster.sandbox;

import io.harbormaster.sandbox.chaos.Chaos;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.HttpEndpoint;
import io.harbormaster.sandbox.core.RequestIds;
import io.harbormaster.sandbox.core.RunningClock;
import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.Session;
import io.harbormaster.sandbox.iam.Totp;
import io.harbormaster.sandbox.sso.IdentityCenter;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A local AWS on loopback: STS and ECS (and the services added after them) over their real wire protocols, with
 * a living fleet on a sandbox clock. Start one, point AWS SDK clients or the AWS CLI at {@link #endpoint()}, close it.
 */
public final class Sandbox implements AutoCloseable {

    private static final int HTTP_THREADS = 8;

    private final World world;
    private final RunningClock clock;
    private final Iam iam;
    private final HttpEndpoint http;
    private final SandboxControl control;
    private final ScheduledExecutorService ticker;
    private final int port;

    private Sandbox(SandboxOptions options, LongSupplier throttleNanos) {
        // Start at the wall clock so SDK clients, which judge credential expiry by it, agree with the sandbox.
        clock = new RunningClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), options.speed(), System::nanoTime);
        world = new World(clock, options.seed());
        clock.onAdvance(t -> world.locked(() -> world.timeline().runDue(t)));
        iam = new Iam(world);
        world.register(Iam.class, iam);
        RequestIds ids = new RequestIds(options.seed());
        Throttler throttler = new Throttler(options.throttling(), throttleNanos);
        Edge edge = new Edge(ids, iam, throttler);
        Chaos chaos = new Chaos(options.seed(), System::nanoTime);
        http = new HttpEndpoint(ids, options.serviceTime(), chaos);
        SandboxModule.Installation installation = new SandboxModule.Installation(world, edge, http, options.fleet(),
                options.businessDay());
        boolean timings = Boolean.getBoolean("harbormaster.sandbox.timings");
        for (SandboxModule m : ServiceCatalog.modules()) {
            long t0 = System.nanoTime();
            m.install(installation);
            if (timings) {
                System.getLogger(Sandbox.class.getName()).log(System.Logger.Level.INFO, "sandbox: {0} installed in {1} ms",
                        m.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
        control = new SandboxControl(world, iam, throttler, http, chaos);
        port = http.start(options.port(), HTTP_THREADS);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-clock");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(world::catchUp, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Starts a sandbox; binds 127.0.0.1 on the requested port, or any free port if it is 0 or taken. */
    public static Sandbox start(SandboxOptions options) {
        return new Sandbox(options, System::nanoTime);
    }

    /** For tests that count tokens exactly: the token buckets refill on {@code throttleNanos}, not on real time. */
    static Sandbox start(SandboxOptions options, LongSupplier throttleNanos) {
        return new Sandbox(options, throttleNanos);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public SandboxClock clock() {
        return clock;
    }

    /** An AWS shared config file: profile sandbox-ops and a role profile per environment, all on this endpoint. */
    public String awsConfig(String loginUser) {
        return iam.configFile(loginUser, port);
    }

    /**
     * The SSO profile set for the user's Identity Center assignments: {@code [sso-session sandbox-sso]} and a profile
     * {@code sandbox-sso-<env>-<admin|readonly>} per account and permission set, all on this endpoint. Kept apart from
     * {@link #awsConfig} so a config written for role profiles stays as it was; append it to use both.
     */
    public String awsSsoConfig(String loginUser) {
        return world.locked(() -> world.component(IdentityCenter.class).configFile(loginUser, port));
    }

    /** An AWS shared credentials file with the user's ops access key under [sandbox-ops]. */
    public String awsCredentials(String loginUser) {
        return iam.credentialsFile(loginUser);
    }

    /** Every temporary credential STS and the SSO portal have issued, for a scan that none was written anywhere. */
    public List<Session> issuedSessions() {
        return world.locked(iam::issuedSessions);
    }

    /** The base32 secret of the user's virtual MFA device. */
    public String totpSecret(String user) {
        return iam.user(user).totpSecretBase32();
    }

    /** The TOTP code the user's device shows now, on the sandbox clock. */
    public String currentTotpCode(String user) {
        return Totp.code(iam.user(user).totpSecret(), clock.now());
    }

    public SandboxControl control() {
        return control;
    }

    World world() {
        return world;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        http.close();
    }
}
