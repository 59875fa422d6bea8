package io.harbormaster.model.journal;

import java.util.Objects;

/**
 * A journal line waiting for its copy in the team's audit log.
 *
 * @param sent whether it was sent before without an answer known (the console lost it, or died waiting): it may be
 *             in the log already, so it is looked for there before it is sent again
 */
public record AuditCopy(JournalEntry entry, boolean sent) {

    public AuditCopy {
        Objects.requireNonNull(entry, "entry");
    }
}
