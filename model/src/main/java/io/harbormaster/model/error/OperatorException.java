package io.harbormaster.model.error;

import java.util.Objects;

/** A failure that has been translated, at the adapter edge, into a {@link Problem} an operator can act on. */
public class OperatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public OperatorException(Problem problem) {
        this(problem, null);
    }

    public OperatorException(Problem problem, Throwable cause) {
        super(problem.title() + ": " + problem.message(), cause);
        this.problem = Objects.requireNonNull(problem);
    }

    public Problem problem() {
        return problem;
    }
}
