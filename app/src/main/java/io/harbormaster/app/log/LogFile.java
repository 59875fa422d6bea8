package io.harbormaster.app.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log an operator can send with a bug report: every {@code System.Logger} record (java.util.logging underneath,
 * the AWS SDK's SLF4J too) into {@code logs/harbormaster-0.log} under the data directory, 2 MB a file, five
 * generations ({@code -0} newest), credentials masked. {@code -Dharbormaster.log.level=FINE} records more.
 */
public final class LogFile implements AutoCloseable {

    static final String DIRECTORY = "logs";
    static final String PATTERN = "harbormaster-%g.log";
    static final int LIMIT_BYTES = 2 * 1024 * 1024;
    static final int GENERATIONS = 5;

    /**
     * The HTTP client's wire and header logs print request and response bodies and headers whole (signed
     * Authorization headers, session tokens, STS answers with secret keys); the signer prints canonical requests
     * with the session token in them. Never below INFO, whatever is asked; {@link Redaction} masks the rest.
     */
    private static final List<String> CREDENTIAL_CARRIERS = List.of("org.apache.http.wire", "org.apache.http.headers",
            "software.amazon.awssdk.http.auth", "software.amazon.awssdk.auth.signer", "jdk.internal.httpclient.debug");

    private final Path directory;
    private final FileHandler handler;
    private final Level rootLevelBefore;
    /** Held so java.util.logging (which keeps loggers weakly) does not forget their levels. */
    private final List<Logger> capped = new ArrayList<>();

    private LogFile(Path directory, FileHandler handler, Level rootLevelBefore) {
        this.directory = directory;
        this.handler = handler;
        this.rootLevelBefore = rootLevelBefore;
    }

    /** Starts writing the log under {@code dataHome} at the level {@code harbormaster.log.level} names (INFO). */
    public static LogFile open(Path dataHome) {
        return open(dataHome, level(System.getProperty("harbormaster.log.level")), LIMIT_BYTES);
    }

    static LogFile open(Path dataHome, Level level, int limitBytes) {
        Path directory = dataHome.resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
            FileHandler handler = new FileHandler(directory.resolve(PATTERN).toString(), limitBytes, GENERATIONS,
                    true);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new LogFormat());
            handler.setLevel(level);
            Logger root = Logger.getLogger("");
            LogFile log = new LogFile(directory, handler, root.getLevel());
            if (root.getLevel() == null || root.getLevel().intValue() > level.intValue()) {
                root.setLevel(level);
            }
            for (String name : CREDENTIAL_CARRIERS) {
                Logger carrier = Logger.getLogger(name);
                carrier.setLevel(Level.INFO);
                log.capped.add(carrier);
            }
            root.addHandler(handler);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the log under " + directory, e);
        }
    }

    static Level level(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.parse(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Level.INFO;
        }
    }

    /** The file being written now (older generations beside it end in -1, -2, …). */
    public Path file() {
        return directory.resolve(PATTERN.replace("%g", "0"));
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        root.setLevel(rootLevelBefore);
        handler.close();
    }
}
