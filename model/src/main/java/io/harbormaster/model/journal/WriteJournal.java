package io.harbormaster.model.journal;

import java.util.List;

/**
 * The local, append-only record of every write the console makes to AWS: an {@link JournalPhase#INTENT} before each
 * call, its outcome after, so a console killed at any point can tell on restart what it had asked and what it knows
 * of the answer. Also the audit log an operator reads in the app. Lines are never changed or deleted.
 *
 * <p>Usage around one AWS call:
 * <pre>{@code
 * JournalRecord intent = new JournalRecord(opId, "deploy", INTENT, env, serviceArn, actor,
 *         "UpdateService api → api:43", "", Map.of("taskDefinition", "api:43"));
 * journal.append(intent);
 * UpdateServiceResponse r = ecs.updateService(...);          // may throw: then append intent.as(FAILED, …)
 * journal.append(intent.as(DONE, "api now deploying api:43", r.responseMetadata().requestId(), Map.of()));
 * }</pre>
 */
public interface WriteJournal {

    /** Appends a line; it is durable (survives the process being killed) when this returns. */
    JournalEntry append(JournalRecord record);

    /** Every line of one operation, oldest first. */
    List<JournalEntry> operation(String operationId);

    /** The newest lines of every operation, newest first: the audit log. */
    List<JournalEntry> recent(int limit);

    /** Operations of a kind that have no {@link JournalPhase#END} line yet, each as its lines, oldest first. */
    List<List<JournalEntry>> openOperations(String kind);
}
