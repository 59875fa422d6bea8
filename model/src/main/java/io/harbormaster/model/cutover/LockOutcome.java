package io.harbormaster.model.cutover;

import java.util.Objects;

/** What became of an attempt to take a lock. */
public sealed interface LockOutcome {

    /** Taken: the caller holds it. {@code where} says where it lives ("TXT _harbormaster-lock.api.example.com."). */
    record Acquired(LockHolder holder, String where) implements LockOutcome {
        public Acquired {
            Objects.requireNonNull(holder, "holder");
        }
    }

    /** Someone else holds it (or the stale holder changed in between): nothing was changed. */
    record HeldBy(LockHolder holder, String where) implements LockOutcome {
        public HeldBy {
            Objects.requireNonNull(holder, "holder");
        }
    }
}
