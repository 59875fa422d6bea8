package io.harbormaster.aws;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The adapters' way into a sandbox, as an operator's would be: the user's generated AWS profiles written to files,
 * sessions built from them, environments entered with the user's MFA device when asked.
 */
public final class SandboxAccess implements AutoCloseable {

    private final Sandbox sandbox;
    private final AwsClientFactory clients;
    private final Path dir;

    private SandboxAccess(Sandbox sandbox, Path dir, AwsClientFactory clients) {
        this.sandbox = sandbox;
        this.dir = dir;
        this.clients = clients;
    }

    /** A sandbox on a manual clock, no latency, no throttling; profile files go under {@code dir}. */
    public static SandboxAccess start(Path dir) {
        return start(dir, new AwsClientFactory());
    }

    /** As {@link #start(Path)}, with the console's clients made by {@code clients}. */
    public static SandboxAccess start(Path dir, AwsClientFactory clients) {
        return new SandboxAccess(Sandbox.start(SandboxOptions.forTests()), dir, clients);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public AwsClientFactory clients() {
        return clients;
    }

    /** Sessions reading {@code user}'s generated profiles (alice: admin everywhere, bob: dev, carol: read-only). */
    public AwsSessions sessionsFor(String user) {
        try {
            Path config = dir.resolve(user + "-config");
            Path credentials = dir.resolve(user + "-credentials");
            Files.writeString(config, sandbox.awsConfig(user));
            Files.writeString(credentials, sandbox.awsCredentials(user));
            AwsConfigFiles files = new AwsConfigFiles(config, credentials);
            return new AwsSessions(() -> AwsProfiles.load(files), clients, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sandbox environment {@code name} (dev, stage or prod) as the console registers it. */
    public static Environment environment(String name) {
        return EnvironmentBuilder.sandbox(name).build();
    }

    /** {@code user}'s MFA device: answers with the code valid now on the sandbox clock. */
    public MfaPrompt deviceOf(String user) {
        return (environment, serial) -> Optional.of(sandbox.currentTotpCode(user));
    }

    @Override
    public void close() {
        clients.close();
        sandbox.close();
    }
}
