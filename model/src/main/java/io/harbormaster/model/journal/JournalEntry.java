package io.harbormaster.model.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A line as stored: its place in the journal (strictly increasing, never reused) and when it was written.
 */
public record JournalEntry(long sequence, Instant at, JournalRecord record) {

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(record, "record");
    }
}
