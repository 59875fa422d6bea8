package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.fleet.FleetViewModel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console on the sandbox with wire faults switched on (issue 17's fault suite, CI size): while ECS fails, a
 * refresh of the fleet says what is wrong and that what is shown is old (never as current), in words, not a stack
 * trace, and opens no dialog; once the fault ends, one refresh makes the fleet current again.
 */
class FaultJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @Test
    void whileEcsFailsTheFleetIsMarkedStaleAndOneRefreshAfterTheFaultMakesItCurrent() throws Exception {
        journey.awaitFleetLoaded();
        journey.robot().clickOn("#nav-services");
        FleetViewModel fleet = journey.shell().fleet();
        for (String fault : new String[] {"internal-failure:ecs", "unavailable:ecs", "expired-token:ecs"}) {
            Instant before = journey.onUi(() -> fleet.asOfProperty().get());
            long id = journey.sandbox().control().addFault(fault);
            long t0 = System.nanoTime();
            journey.robot().interact(fleet::refresh);
            journey.waitUntil(fault + ": the refresh ended", Duration.ofSeconds(120),
                    () -> !fleet.refreshingProperty().get());
            String staleness = journey.onUi(() -> fleet.stalenessProperty().get());
            String missing = journey.onUi(() -> fleet.missingProperty().get());
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "{0}: refresh ended after {1} ms;"
                    + " stale: \"{2}\"; missing: \"{3}\"", fault, (System.nanoTime() - t0) / 1_000_000, staleness, missing);
            assertThat(staleness + missing).as(fault + ": the operator is told the data is old").isNotBlank();
            assertThat(journey.onUi(() -> fleet.asOfProperty().get())).as(fault + ": not shown as current")
                    .isEqualTo(before);
            assertThat(staleness + missing).as(fault + ": words, not a stack trace")
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("software.amazon").doesNotContain("..");
            assertThat(journey.exists("#problem-dialog")).as(fault + ": no dialog for a failed background refresh")
                    .isFalse();
            assertThat(journey.onUi(() -> journey.lookup("#page-stale").isVisible()))
                    .as(fault + ": the Services page shows the banner").isTrue();
            journey.screenshot("fault-" + fault.replace(':', '-'));

            journey.sandbox().control().removeFault(id);
            journey.robot().interact(fleet::refresh);
            journey.waitUntil(fault + " ended: one refresh makes the fleet current", Duration.ofSeconds(60),
                    () -> !fleet.refreshingProperty().get() && fleet.stalenessProperty().get().isEmpty()
                            && fleet.missingProperty().get().isEmpty() && fleet.asOfProperty().get().isAfter(before));
        }
        assertThat(journey.sandbox().control().faultsInjected()).isNotEmpty();
    }
}
