package io.harbormaster.aws.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.utils.UserHomeDirectoryUtils;

/** Where the AWS shared config and credentials files are, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
public record AwsConfigFiles(Path config, Path credentials) {

    public AwsConfigFiles {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(credentials, "credentials");
    }

    public static AwsConfigFiles fromEnvironment(Map<String, String> env, Path home) {
        Path config = pathOr(env.get("AWS_CONFIG_FILE"), home.resolve(".aws").resolve("config"), home);
        Path credentials = pathOr(env.get("AWS_SHARED_CREDENTIALS_FILE"),
                home.resolve(".aws").resolve("credentials"), home);
        return new AwsConfigFiles(config, credentials);
    }

    public static AwsConfigFiles fromSystem() {
        return fromEnvironment(System.getenv(), userHome());
    }

    /**
     * The home directory exactly as the AWS SDK (and the aws CLI) resolve it: {@code $HOME} first, then Windows'
     * {@code USERPROFILE} and {@code HOMEDRIVE}+{@code HOMEPATH}, then Java's {@code user.home} (which comes from the
     * password database and may differ from {@code $HOME}). The console and the CLI must read the same files.
     */
    public static Path userHome() {
        return Path.of(UserHomeDirectoryUtils.userHomeDirectory());
    }

    /** True when either file exists: the operator has some AWS configuration of their own. */
    public boolean anyExists() {
        return Files.isRegularFile(config) || Files.isRegularFile(credentials);
    }

    private static Path pathOr(String value, Path fallback, Path home) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (value.startsWith("~/")) {
            return home.resolve(value.substring(2));
        }
        return Path.of(value);
    }
}
