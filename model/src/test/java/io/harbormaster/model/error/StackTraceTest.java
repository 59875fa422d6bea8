package io.harbormaster.model.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class StackTraceTest {

    @Test
    void anUnexpectedProblemKeepsTheWholeTraceCausesAndSuppressedIncluded() {
        IllegalStateException failure = new IllegalStateException("the fleet could not be read",
                new UncheckedIOException(new java.io.IOException("disk full")));
        failure.addSuppressed(new IllegalArgumentException("closing failed too"));

        String details = Problem.unexpected(failure).details();

        assertThat(details).startsWith("java.lang.IllegalStateException: the fleet could not be read\n")
                .contains("    at io.harbormaster.model.error.StackTraceTest."
                        + "anUnexpectedProblemKeepsTheWholeTraceCausesAndSuppressedIncluded(StackTraceTest.java:")
                .contains("    Suppressed: java.lang.IllegalArgumentException: closing failed too")
                .contains("Caused by: java.io.UncheckedIOException: java.io.IOException: disk full")
                .contains("Caused by: java.io.IOException: disk full");
    }

    @Test
    void aCauseThatLoopsBackIsNamedOnce() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(StackTrace.of(a)).contains("Caused by: java.lang.RuntimeException: b")
                .contains("[circular reference: java.lang.RuntimeException: a]");
    }
}
