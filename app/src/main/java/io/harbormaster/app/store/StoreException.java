package io.harbormaster.app.store;

/** A failure of the local database after it was opened (disk full, locked by another process). */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
