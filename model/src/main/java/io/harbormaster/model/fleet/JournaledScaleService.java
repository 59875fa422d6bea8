package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournaledCall;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Scales through {@link UpdateDesiredCount}, journalling the write as one {@value #KIND} operation: INTENT before the
 * call, DONE with the request id or FAILED after, then END (a scale is over when the call answered). A scale whose
 * outcome is unknown (no answer, no read-back) or whose console died mid-call stays open: {@link InterruptedScales}
 * reads it back.
 */
public final class JournaledScaleService implements ScaleService {

    public static final String KIND = "scale";
    /**
     * The INTENT's fact: the desired count scaled from. Absent from lines written before it was journalled (and when
     * the console did not know it).
     */
    public static final String FROM_COUNT = "fromCount";

    private final UpdateDesiredCount call;
    private final WriteJournal journal;
    private final Supplier<String> operationIds;

    public JournaledScaleService(UpdateDesiredCount call, WriteJournal journal, Supplier<String> operationIds) {
        this.call = Objects.requireNonNull(call, "call");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.operationIds = Objects.requireNonNull(operationIds, "operationIds");
    }

    @Override
    public void scale(EnvironmentSession session, ScaleServiceCommand command) {
        Map<String, String> facts = new LinkedHashMap<>(Map.of("region", session.region(), "cluster",
                command.cluster(), "service", command.service(), "desiredCount",
                String.valueOf(command.desiredCount())));
        command.fromCount().ifPresent(from -> facts.put(FROM_COUNT, String.valueOf(from)));
        String from = command.fromCount().isPresent() ? " " + command.fromCount().getAsInt() + " →" : "";
        JournalRecord intent = new JournalRecord(operationIds.get(), KIND, JournalPhase.INTENT,
                session.environment().id(), command.service(), session.identity().arn(),
                "UpdateService " + command.serviceName() + " desiredCount" + from + " " + command.desiredCount(), "",
                facts);
        JournaledCall.run(journal, intent, () -> call.updateDesiredCount(session, command),
                command.serviceName() + " scaled to " + command.desiredCount() + " tasks",
                "Scale of " + command.serviceName());
    }
}
