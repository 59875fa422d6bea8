package io.harbormaster.views.dialog;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bug report needs to say about this copy of the console: its version, where it keeps its data, and the log
 * file to attach. Shown in Help → About and under every problem's details.
 *
 * @param logFile the log being written, or null when there is none (tests, a data directory that cannot be written)
 */
public record AppInfo(String version, Path dataDirectory, Path logFile) {

    public AppInfo {
        Objects.requireNonNull(version, "version");
    }

    /** For windows made without the app around them (view tests). */
    public static AppInfo unknown() {
        return new AppInfo("development build", null, null);
    }

    public Optional<Path> log() {
        return Optional.ofNullable(logFile);
    }

    public Optional<Path> data() {
        return Optional.ofNullable(dataDirectory);
    }
}
