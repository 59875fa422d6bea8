package io.harbormaster.model.journal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line to append to the {@link WriteJournal}: part of one operation (a scale, a deploy, a cutover), written by an
 * operator's console. Facts are short key/value strings a feature needs to reconcile after a crash (step index,
 * requested weights, a change id); never a secret.
 *
 * @param operationId  groups the lines of one operation; stable across restarts (e.g. a UUID chosen at the start)
 * @param kind         what sort of operation: {@code scale}, {@code deploy}, {@code cutover}, …
 * @param phase        intent before a call, its outcome after, notes, and the end
 * @param environmentId the environment the write goes to (registry id)
 * @param resource     what is written: a service ARN, a record name, a listener rule ARN
 * @param actor        who: the ops identity (user ARN or name) of the console that wrote it
 * @param summary      one line an operator reads in the audit log
 * @param awsRequestId the AWS request id of the call, when there was an answer; empty otherwise
 * @param facts        machine-readable details, sorted by key
 */
public record JournalRecord(String operationId, String kind, JournalPhase phase, String environmentId,
                            String resource, String actor, String summary, String awsRequestId,
                            Map<String, String> facts) {

    private static final int MAX_FACT_CHARS = 16_384;

    public JournalRecord {
        operationId = requireText(operationId, "operationId");
        kind = requireText(kind, "kind");
        Objects.requireNonNull(phase, "phase");
        environmentId = Objects.requireNonNull(environmentId, "environmentId");
        resource = Objects.requireNonNull(resource, "resource");
        actor = Objects.requireNonNull(actor, "actor");
        summary = requireText(summary, "summary");
        awsRequestId = awsRequestId == null ? "" : awsRequestId;
        facts = Map.copyOf(new TreeMap<>(Objects.requireNonNull(facts, "facts")));
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            if (fact.getKey().isBlank() || fact.getValue().length() > MAX_FACT_CHARS) {
                throw new IllegalArgumentException("journal fact '" + fact.getKey() + "' is blank or too long");
            }
        }
    }

    /** The same line in another phase, e.g. the DONE that answers an INTENT. */
    public JournalRecord as(JournalPhase newPhase, String newSummary, String requestId, Map<String, String> moreFacts) {
        Map<String, String> merged = new TreeMap<>(facts);
        merged.putAll(moreFacts);
        return new JournalRecord(operationId, kind, newPhase, environmentId, resource, actor, newSummary, requestId,
                merged);
    }

    public String fact(String key) {
        return facts.getOrDefault(key, "");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a journal line needs a " + name);
        }
        return value;
    }
}
