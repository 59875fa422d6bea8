package io.harbormaster.model.journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The local journal with every line also copied to the team's {@link AuditSink}. The local line is written first,
 * together with its place in the {@link AuditBacklog} ({@link AuditBacklog#addAppended}: both or neither), and is
 * what counts; the copy runs on the given executor, so a slow or failing sink never holds up a write. Lines that
 * could not be copied stay in the backlog (oldest first, with whether they were sent already) and go with the next
 * line or {@link #retryPending()}, in this run or the next; the first failure of a streak is said in the journal
 * itself, as a NOTE of the line's operation.
 */
public final class AuditedJournal extends ForwardingJournal {

    private static final System.Logger LOG = System.getLogger(AuditedJournal.class.getName());
    /** The NOTE's event fact when a copy is pending. */
    public static final String AUDIT_PENDING = "audit-pending";

    private final AuditSink sink;
    private final AuditBacklog backlog;
    private final Executor executor;
    private final Object flushing = new Object();
    private volatile boolean failing;
    private volatile String problem = "";

    /** With a backlog that lives as long as this journal. */
    public AuditedJournal(WriteJournal local, AuditSink sink, Executor executor) {
        this(local, new InMemoryAuditBacklog(), sink, executor);
    }

    /** @param backlog lines an earlier run left waiting are copied with the first line or retry */
    public AuditedJournal(WriteJournal local, AuditBacklog backlog, AuditSink sink, Executor executor) {
        super(local);
        this.sink = sink;
        this.backlog = backlog;
        this.executor = executor;
    }

    @Override
    public JournalEntry append(JournalRecord record) {
        JournalEntry entry = backlog.addAppended(() -> inner().append(record));
        if (!failing) {
            executor.execute(this::retryPending);   // while the sink fails, only the periodic retry tries again
        }
        return entry;
    }

    /** Copies what waits; call it now and then (the app does every minute) to catch up after a failure. */
    public void retryPending() {
        synchronized (flushing) {
            List<AuditCopy> batch = backlog.waiting();
            if (batch.isEmpty()) {
                return;
            }
            try {
                sink.copy(batch, backlog);
                backlog.copied(batch.stream().map(AuditCopy::entry).toList());
                failing = false;
                problem = "";
            } catch (RuntimeException e) {
                if (failing) {
                    LOG.log(System.Logger.Level.INFO, "audit copy of " + batch.size() + " journal lines still pending: "
                            + e.getMessage());
                } else {
                    LOG.log(System.Logger.Level.WARNING, "audit copy of " + batch.size() + " journal lines pending",
                            e);
                    failing = true;
                    problem = String.valueOf(e.getMessage());
                    JournalRecord last = batch.get(batch.size() - 1).entry().record();
                    inner().append(new JournalRecord(last.operationId(), last.kind(), JournalPhase.NOTE,
                            last.environmentId(), last.resource(), last.actor(), "Copy to the team's audit log pending"
                            + " (" + batch.size() + " lines): " + e.getMessage() + "; retried later", "",
                            Map.of("event", AUDIT_PENDING, "pending", String.valueOf(batch.size()))));
                }
            }
        }
    }

    /**
     * Why the copy fails, while it does (the first failure of the streak): what the operator is told, once, beside
     * the NOTE in the journal; empty once a copy went through.
     */
    public Optional<String> copyProblem() {
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    /** How many lines wait to be copied. */
    public int pending() {
        return backlog.waiting().size();
    }
}
