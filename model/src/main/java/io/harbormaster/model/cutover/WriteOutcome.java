package io.harbormaster.model.cutover;

/** What became of one weight write. */
public sealed interface WriteOutcome {

    /**
     * AWS accepted it.
     *
     * @param changeId  Route 53's change id (without "/change/"); blank for ALB, which applies it at once
     * @param requestId AWS's request id, for the journal
     */
    record Accepted(String changeId, String requestId) implements WriteOutcome {
        public Accepted {
            changeId = changeId == null ? "" : changeId;
            requestId = requestId == null ? "" : requestId;
        }
    }

    /**
     * AWS refused for now (PriorRequestNotComplete, Throttling): nothing changed; ask again later, backing off.
     *
     * @param code    AWS's error code
     * @param message AWS's message
     */
    record Busy(String code, String message) implements WriteOutcome {
    }
}
