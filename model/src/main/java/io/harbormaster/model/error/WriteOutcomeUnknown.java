package io.harbormaster.model.error;

/**
 * A write whose answer was lost and whose read-back failed too: AWS may or may not have applied it. Not a failure
 * (nothing says it was refused) and not a success: whoever journals the write leaves its operation open, so the
 * next look (a restart, entering the environment again) reads it back and records what it finds.
 */
public final class WriteOutcomeUnknown extends OperatorException {

    private static final long serialVersionUID = 1L;

    public WriteOutcomeUnknown(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
