package io.harbormaster.app;

import io.harbormaster.aws.config.AwsConfigFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Harbormaster keeps its local state: the platform's user data directory. */
public final class AppDirectories {

    private AppDirectories() {
    }

    /**
     * The home directory is the AWS SDK's ({@code $HOME} first, see {@link AwsConfigFiles#userHome()}), so the data
     * directory and the AWS files are looked for where the aws CLI looks. XDG data home on Linux, Application Support
     * on macOS, %APPDATA% on Windows; the system property
     * {@code harbormaster.home} overrides all of them (tests, portable installs).
     */
    public static Path dataHome(Map<String, String> env, String osName, Path userHome, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Harbormaster");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? userHome.resolve("AppData").resolve("Roaming")
                    : Path.of(appData);
            return base.resolve("Harbormaster");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? userHome.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("harbormaster");
    }

    public static Path dataHome() {
        return dataHome(System.getenv(), System.getProperty("os.name", ""), AwsConfigFiles.userHome(),
                System.getProperty("harbormaster.home"));
    }
}
