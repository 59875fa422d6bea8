package io.harbormaster.model.cutover;

import io.harbormaster.model.journal.WriteJournal;
import java.time.Clock;
import java.util.Objects;

/**
 * What a {@link CutoverRunner} works through: the ports, the journal and the clock it is driven by.
 *
 * @param shift    writes and reads back weights
 * @param metrics  reads the gates' data
 * @param lock     the lock between operators
 * @param sessions the session of each environment involved
 * @param journal  the crash-safe journal (wrapped by the audit copy in the app)
 * @param clock    the runner's time: a manual clock in tests, the sandbox's clock in a sandbox session
 */
public record CutoverPorts(ShiftWeights shift, GateMetrics metrics, CutoverLock lock, CutoverSessions sessions,
                           WriteJournal journal, Clock clock) {

    public CutoverPorts {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(clock, "clock");
    }
}
