package io.harbormaster.model.error;

import java.util.Objects;

/**
 * A failure put in words an operator can act on.
 *
 * @param kind     what sort of failure, for icons and for deciding whether a retry can help
 * @param title    one line: what happened ("Role not trusted")
 * @param message  who, what, where ("bob (ops 111111111111) is not trusted by role … in prod")
 * @param nextStep what to do about it
 * @param details  technical detail for copying into a ticket (request id, raw error); may be empty
 */
public record Problem(Kind kind, String title, String message, String nextStep, String details) {

    public enum Kind {
        ACCESS_DENIED, MFA_REQUIRED, MFA_INVALID, CREDENTIALS_EXPIRED, CREDENTIALS_MISSING, CONFIGURATION,
        NETWORK, THROTTLED, NOT_FOUND, INVALID_INPUT, REGION_DISABLED, STORAGE, UNEXPECTED
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        nextStep = nextStep == null ? "" : nextStep;
        details = details == null ? "" : details;
    }

    /** A failure nothing translated: its stack trace goes into the details, for the bug report. */
    public static Problem unexpected(Throwable cause) {
        return new Problem(Kind.UNEXPECTED, "Something went wrong",
                String.valueOf(cause.getMessage()), "Try again; if it persists, copy the details into a bug report.",
                StackTrace.of(cause));
    }
}
