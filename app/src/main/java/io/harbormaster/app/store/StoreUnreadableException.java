package io.harbormaster.app.store;

import java.nio.file.Path;

/** The local database exists but cannot be used (corrupt, not a database, unreadable). */
public final class StoreUnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public StoreUnreadableException(Path path, String reason, Throwable cause) {
        super("The local database " + path + " cannot be used: " + reason, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
