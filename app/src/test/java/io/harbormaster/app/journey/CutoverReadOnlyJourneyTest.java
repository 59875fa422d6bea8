package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** carol's readonly role in prod: the wizard plans and checks, but Start stays disabled and says why. */
class CutoverReadOnlyJourneyTest {

    @RegisterExtension
    final Journey harness = Journey.of(JourneyOptions.sandbox().speed(0).login("carol"));

    @Test
    void carolCanPlanACutoverInProdButNotStartItAndIsToldWhy() throws Exception {
        {
            harness.enter("sandbox-prod");
            CutoverJourneys journeys = new CutoverJourneys(harness);
            journeys.select("prod", "www.example.com.");
            CutoverWizardViewModel w = journeys.openWizard();
            harness.waitUntil("the refusal is known", () -> !w.refusedBecauseProperty().get().isEmpty());
            assertThat(w.refusedBecauseProperty().get()).isEqualTo(
                    "prod is read-only: role readonly cannot change anything");
            journeys.next();
            journeys.next();
            journeys.next();
            assertThat(harness.lookup("#cutover-wizard-start").isDisabled()).isTrue();
            assertThat(harness.<Label>lookup("#cutover-wizard-error").getText()).isEqualTo(
                    "prod is read-only: role readonly cannot change anything");
            journeys.shots("cutover-readonly");
        }
    }
}
