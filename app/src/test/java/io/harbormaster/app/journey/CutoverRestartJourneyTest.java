package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverPhase;
import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.Reconciliation;
import io.harbormaster.views.cutovers.live.CutoverLiveViewModel;
import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console stops in the middle of a cutover (closed while step 2 bakes, its journal left without an END) and is
 * started again on the same data directory: the Cutovers page offers the open cutover, showing what the journal
 * says against the live weights, and the operator rolls it back from the live view.
 */
class CutoverRestartJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    @Test
    void anOpenCutoverIsOfferedAfterARestartWithTheJournalAgainstTheLiveWeightsAndRolledBack() throws Exception {
        JourneyOptions options = JourneyOptions.sandbox().speed(0).entering("sandbox-prod");
        journey.start(options);
        Journey first = journey;
        CutoverJourneys journeys = new CutoverJourneys(first);
        String cutoverId;
        {
            journeys.sandbox().clock().advance(Duration.ofMinutes(10));
            journeys.select("prod", "www.example.com.");
            CutoverWizardViewModel w = journeys.openWizard();
            journeys.next();
            first.robot().interact(() -> w.bakeSecondsProperty().set("90"));
            journeys.next();
            first.robot().interact(() -> w.noDataProperty().set(io.harbormaster.model.cutover.NoDataPolicy.PASS));
            journeys.next();
            CutoverLiveViewModel live = journeys.start("www.example.com.");
            journeys.drive(live, s -> s.phase() == CutoverPhase.BAKING && s.step() == 2);
            cutoverId = live.plan().cutoverId();
        }

        journey.restart(options);
        Journey second = journey;
        {
            CutoverJourneys again = new CutoverJourneys(second);
            second.waitUntil("the restart notice names the open cutover", () -> second.shell().restartNotice().lines()
                    .stream().anyMatch(l -> l.text().startsWith("Cutover of ")));
            javafx.scene.control.Label told = second.lookup("#restart-notice-line-0");
            assertThat(second.onUi(() -> told.getText())).contains("was cut short when the console stopped")
                    .endsWith("Open Cutovers: it is compared with the live weights there, to resume or roll back.");
            again.shots("cutover-restart-notice");
            second.robot().clickOn("#restart-notice-dismiss");
            second.robot().clickOn("#nav-cutovers");
            ListView<Reconciliation> open = second.lookup("#cutovers-recovered");
            second.waitUntil("the open cutover is offered", () -> !open.getItems().isEmpty());
            Reconciliation rec = second.copy(open.getItems()).get(0);
            assertThat(rec.plan().cutoverId()).isEqualTo(cutoverId);
            assertThat(rec.checkpoint().step()).isEqualTo(2);
            // a new sandbox started with the console: its weights are the seed's, not the journal's step 2
            assertThat(rec.live().percent("prod")).isZero();
            assertThat(rec.situation()).isEqualTo(Reconciliation.Situation.DRIFTED);
            again.shots("cutover-restart-offered");
            second.robot().clickOn("#cutovers-restore");
            second.waitUntil("the restored cutover shows live", () -> second.exists("#cutover-live"));
            CutoverLiveViewModel live = again.page().liveProperty().get();
            assertThat(live.current().phase()).isEqualTo(CutoverPhase.PAUSED);
            Label detail = second.lookup("#cutover-live-detail");
            assertThat(detail.getText()).contains("Restarted after the console stopped");
            assertThat(second.lookup("#cutover-resume").isDisabled()).isFalse();
            again.shots("cutover-restart-live");
            second.robot().clickOn("#cutover-rollback");
            CutoverState done = again.drive(live, s -> s.phase().finished());
            assertThat(done.phase()).isEqualTo(CutoverPhase.ROLLED_BACK);
            assertThat(done.confirmed().percent("prod")).isZero();
        }
    }
}
