package io.harbormaster.app;

import io.harbormaster.aws.config.AwsConfigFiles;
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

    private final Sandbox sandbox;
    private final AwsConfigFiles files;
    private final String user;
    private final double speed;
    private final Optional<String> mfaSerial;

    private EmbeddedSandbox(Sandbox sandbox, AwsConfigFiles files, String user, double speed, String config) {
        this.sandbox = sandbox;
        this.files = files;
        this.user = user;
        this.speed = speed;
        Matcher serial = MFA_SERIAL.matcher(config);
        this.mfaSerial = serial.find() ? Optional.of(serial.group(1)) : Optional.empty();
    }

    /** Starts the sandbox on a free loopback port and writes the profiles for {@code user} under {@code dir}. */
    public static EmbeddedSandbox start(SandboxOptions options, String user, Path dir) {
        Sandbox sandbox = Sandbox.start(options);
        try {
            Files.createDirectories(dir);
            AwsConfigFiles files = new AwsConfigFiles(dir.resolve("config"), dir.resolve("credentials"));
            // The SSO profile set beside the role profiles: offered as candidates, never registered by themselves.
            String roles = sandbox.awsConfig(user);
            Files.writeString(files.config(), roles + "\n" + sandbox.awsSsoConfig(user));
            writePrivate(files.credentials(), sandbox.awsCredentials(user));
            return new EmbeddedSandbox(sandbox, files, user, options.speed(), roles);
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException("Cannot write the sandbox's AWS profiles under " + dir, e);
        }
    }

    public Sandbox sandbox() {
        return sandbox;
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
                return mfaSerial.filter(own -> own.equals(serial)).map(own -> sandbox.currentTotpCode(user));
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

    @Override
    public void close() {
        sandbox.close();
    }

    private static Environment environment(String name, String account, String colour, boolean prod, int order) {
        return new Environment("sandbox-" + name, name, "sandbox-" + name, "sandbox-ops", account, "",
                List.of("us-east-1"), colour, prod, false, order);
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
