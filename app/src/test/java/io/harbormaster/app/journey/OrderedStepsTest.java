package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** An ordered class run as Surefire's rerun runs it: the failed step picked alone, in a class run of its own. */
class OrderedStepsTest {

    private static final List<String> RAN = new ArrayList<>();
    private static boolean secondFails;

    @BeforeEach
    void reset() {
        RAN.clear();
        secondFails = false;
    }

    @Test
    void aStepPickedAloneFirstRunsTheStepsBeforeItInOrder() {
        TestExecutionSummary summary = run(selectMethod(Steps.class, "third"));

        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(RAN).containsExactly("first", "second", "third");
    }

    @Test
    void theWholeClassRunsEachStepOnce() {
        TestExecutionSummary summary = run(selectClass(Steps.class));

        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(RAN).containsExactly("first", "second", "third");
    }

    @Test
    void anEarlierStepFailingAgainFailsTheStepPickedNamingIt() {
        secondFails = true;

        TestExecutionSummary summary = run(selectMethod(Steps.class, "third"));

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("Step second, run again before third");
        assertThat(RAN).containsExactly("first", "second");
    }

    @Test
    void twoStepsRerunTogetherReplayOnlyWhatNeitherRan() {
        TestExecutionSummary summary = run(selectMethod(Steps.class, "second"), selectMethod(Steps.class, "third"));

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(RAN).containsExactly("first", "second", "third");
    }

    private static TestExecutionSummary run(DiscoverySelector... selectors) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(),
                listener);
        return listener.getSummary();
    }

    /** Each step needs the one before it to have run, as a journey's steps need its console's state. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @ExtendWith(OrderedSteps.class)
    static class Steps {

        @Test
        @Order(1)
        void first() {
            RAN.add("first");
        }

        @Test
        @Order(2)
        void second() {
            assertThat(RAN).endsWith("first");
            RAN.add("second");
            if (secondFails) {
                throw new AssertionError("second failed");
            }
        }

        @Test
        @Order(3)
        void third() {
            assertThat(RAN).endsWith("second");
            RAN.add("third");
        }
    }
}
