package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.JournaledCall;
import io.harbormaster.model.journal.WriteJournal;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Stops tasks through {@link RequestTaskStop}, journalling each as one {@value #KIND} operation, the same way a scale
 * is: INTENT before the call, DONE with the request id or FAILED after, then END. The reason goes into the journal
 * too: it is what the audit log is read for.
 */
public final class JournaledStopTask implements StopTask {

    public static final String KIND = "stop-task";

    private final RequestTaskStop call;
    private final WriteJournal journal;
    private final Supplier<String> operationIds;

    public JournaledStopTask(RequestTaskStop call, WriteJournal journal, Supplier<String> operationIds) {
        this.call = Objects.requireNonNull(call, "call");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.operationIds = Objects.requireNonNull(operationIds, "operationIds");
    }

    @Override
    public void stop(EnvironmentSession session, StopTaskCommand command) {
        String of = command.serviceName().isEmpty() ? "" : " of " + command.serviceName();
        JournalRecord intent = new JournalRecord(operationIds.get(), KIND, JournalPhase.INTENT,
                session.environment().id(), command.task(), session.identity().arn(),
                "StopTask " + command.taskId() + of + ": " + command.reason(), "",
                Map.of("region", session.region(), "cluster", command.cluster(), "task", command.task(),
                        "service", command.service(), "reason", command.reason()));
        JournaledCall.run(journal, intent, () -> call.requestStop(session, command),
                "Task " + command.taskId() + of + " stopping", "Stop of task " + command.taskId());
    }
}
