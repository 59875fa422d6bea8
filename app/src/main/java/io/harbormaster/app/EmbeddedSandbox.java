package io.harbormaster.app;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.environment.PracticeWorld;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox running inside the console, reached exactly like AWS: through an ordinary config/credentials pair
 * (an ops login profile and one role profile per environment, each with endpoint_url, and the user's IAM Identity
 * Center profile set) written for it.
 */
public final class EmbeddedSandbox implements AutoCloseable {

    /** The sandbox's environments as the console shows them: profile name → display name, colour, prod. */
    private static final List<Environment> ENVIRONMENTS = List.of(
            environment("dev", "222222222222", "#2E7D32", false, 1),
            environment("stage", "333333333333", "#B26A00", false, 2),
            environment("prod", "444444444444", "#C62828", true, 3));

    private static final Pattern MFA_SERIAL = Pattern.compile("(?m)^\\s*mfa_serial\\s*=\\s*(\\S+)\\s*$");

    /** Completes once the sandbox listens and its profiles are written; fails if it could not start. */
    private final CompletableFuture<Sandbox> started;
    private final AwsConfigFiles files;
    private final String user;
    private final double speed;
    private volatile Optional<String> mfaSerial = Optional.empty();

    private EmbeddedSandbox(AwsConfigFiles files, String user, double speed) {
        this.started = new CompletableFuture<>();
        this.files = files;
        this.user = user;
        this.speed = speed;
    }

    /** Starts the sandbox on a free loopback port and writes the profiles for {@code user} under {@code dir}. */
    public static EmbeddedSandbox start(SandboxOptions options, String user, Path dir) {
        EmbeddedSandbox embedded = new EmbeddedSandbox(filesIn(dir), user, options.speed());
        embedded.run(options, dir);
        return embedded.awaitStarted();
    }

    /**
     * Starts the sandbox on a thread of {@code threads} and returns at once, so the window can open meanwhile
     * ({@link #whenStarted}). Its profile paths, user and clock speed are known now; what needs the running sandbox
     * (its endpoint, clock, MFA codes) waits for it.
     */
    public static EmbeddedSandbox startBeside(SandboxOptions options, String user, Path dir, ThreadFamily threads) {
        EmbeddedSandbox embedded = new EmbeddedSandbox(filesIn(dir), user, options.speed());
        threads.start("sandbox-start", () -> embedded.run(options, dir));
        return embedded;
    }

    private static AwsConfigFiles filesIn(Path dir) {
        return new AwsConfigFiles(dir.resolve("config"), dir.resolve("credentials"));
    }

    private void run(SandboxOptions options, Path dir) {
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (RuntimeException | Error e) {
            started.completeExceptionally(e);
            return;
        }
        try {
            Files.createDirectories(dir);
            // The SSO profile set beside the role profiles: offered as candidates, never registered by themselves.
            String roles = sandbox.awsConfig(user);
            Files.writeString(files.config(), roles + "\n" + sandbox.awsSsoConfig(user));
            writePrivate(files.credentials(), sandbox.awsCredentials(user));
            Matcher serial = MFA_SERIAL.matcher(roles);
            mfaSerial = serial.find() ? Optional.of(serial.group(1)) : Optional.empty();
        } catch (IOException e) {
            sandbox.close();
            started.completeExceptionally(
                    new UncheckedIOException("Cannot write the sandbox's AWS profiles under " + dir, e));
            return;
        }
        started.complete(sandbox);
    }

    /** Completes with this sandbox once it listens and its profiles are written (on the starting thread). */
    public CompletableFuture<EmbeddedSandbox> whenStarted() {
        return started.thenApply(s -> this);
    }

    /** Whether the sandbox is up (listening, profiles written). */
    public boolean isStarted() {
        return started.isDone() && !started.isCompletedExceptionally();
    }

    /** Waits until the sandbox is up; the reason it could not start otherwise (unchecked). */
    public EmbeddedSandbox awaitStarted() {
        try {
            started.join();
            return this;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The running sandbox; waits for it while it is still starting. */
    public Sandbox sandbox() {
        return awaitStarted().started.join();
    }

    /**
     * The sandbox's clock as a java.time.Clock (metric windows end at the sandbox's "now", moved by hand or not).
     * Never waits: until the sandbox is up it reads the wall clock, which is where the sandbox's clock starts.
     */
    public Clock clock(ZoneId zone) {
        return new SandboxTime(this, zone);
    }

    public AwsConfigFiles files() {
        return files;
    }

    public String user() {
        return user;
    }

    /**
     * What the console may know because it started this sandbox itself: its clock speed, and the code the login
     * user's practice MFA device (the serial in the profiles written for it) shows now. Any other serial has none.
     */
    public PracticeWorld practice() {
        return new PracticeWorld() {
            @Override
            public double clockSpeed() {
                return speed;
            }

            @Override
            public Optional<String> currentCode(String serial) {
                return mfaSerial.filter(own -> own.equals(serial)).map(own -> sandbox().currentTotpCode(user));
            }
        };
    }

    /**
     * Puts the sandbox environments in the registry for this run's user; an operator's own edits of name, colour and
     * order are kept.
     */
    public void register(EnvironmentRegistry registry) {
        boolean readOnly = "carol".equals(user);
        java.util.Map<String, Environment> known = registry.environments().stream()
                .collect(java.util.stream.Collectors.toMap(Environment::id, x -> x));
        for (Environment e : ENVIRONMENTS) {
            Environment base = known.getOrDefault(e.id(), e);
            String role = "arn:aws:iam::" + e.accountId() + ":role/" + (readOnly ? "readonly" : "admin");
            registry.save(new Environment(e.id(), base.displayName(), e.profileName(), e.loginProfile(),
                    e.accountId(), role, e.regions(), base.colour(), e.production(), readOnly, base.order()));
        }
    }

    /** Stops the sandbox; one still starting stops as soon as it is up. */
    @Override
    public void close() {
        started.thenAccept(Sandbox::close);
    }

    private static Environment environment(String name, String account, String colour, boolean prod, int order) {
        return new Environment("sandbox-" + name, name, "sandbox-" + name, "sandbox-ops", account, "",
                List.of("us-east-1"), colour, prod, false, order);
    }

    /** Never waits for the sandbox: before it is up, the wall clock (the sandbox's clock starts there). */
    private static final class SandboxTime extends Clock {
        private final EmbeddedSandbox embedded;
        private final ZoneId zone;

        SandboxTime(EmbeddedSandbox embedded, ZoneId zone) {
            this.embedded = embedded;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new SandboxTime(embedded, other);
        }

        @Override
        public Instant instant() {
            return embedded.isStarted() ? embedded.started.join().clock().now() : Instant.now();
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | FileSystemException e) {
            // Not a POSIX file system (Windows): the file lives in the user's own profile directory anyway.
            System.getLogger(EmbeddedSandbox.class.getName()).log(System.Logger.Level.DEBUG,
                    "credentials file permissions not set", e);
        }
    }
}
