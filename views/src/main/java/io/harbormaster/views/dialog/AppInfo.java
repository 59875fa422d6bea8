package io.harbormaster.views.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bug report needs to say about this copy of the console: its version, where it keeps its data, the log
 * file to attach, and which AWS files it reads. Shown in Help → About and under every problem's details.
 *
 * @param logFile  the log being written, or null when there is none (tests, a data directory that cannot be written)
 * @param awsFiles the AWS config and credentials files the console reads now (the sandbox's own when on it)
 */
public record AppInfo(String version, Path dataDirectory, Path logFile, List<Path> awsFiles) {

    public AppInfo {
        Objects.requireNonNull(version, "version");
        awsFiles = awsFiles == null ? List.of() : List.copyOf(awsFiles);
    }

    public AppInfo(String version, Path dataDirectory, Path logFile) {
        this(version, dataDirectory, logFile, List.of());
    }

    /** For windows made without the app around them (view tests). */
    public static AppInfo unknown() {
        return new AppInfo("development build", null, null);
    }

    /** The same copy, reading these AWS files (a switch to the sandbox and back changes them). */
    public AppInfo withAwsFiles(List<Path> files) {
        return new AppInfo(version, dataDirectory, logFile, files);
    }

    public Optional<Path> log() {
        return Optional.ofNullable(logFile);
    }

    public Optional<Path> data() {
        return Optional.ofNullable(dataDirectory);
    }
}
