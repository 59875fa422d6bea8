package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What bob and carol may not do, said in the UI: bob is not trusted in prod; carol's prod takes no writes (Scale
 * service… and Stop task… disabled with the reason, on the Services page and on the Hosts page).
 */
class RoleLimitsJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    @Test
    void bobEntersDevButProdIsDeniedWithWhoWhichRoleAndWhere() throws Exception {
        journey.start(JourneyOptions.sandbox().login("bob"));
        journey.awaitOffered("sandbox-prod");
        journey.robot().clickOn("#env-sandbox-dev");
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());

        journey.robot().clickOn("#env-sandbox-prod");
        journey.waitUntil("prod asks for bob's code", () -> journey.exists("#mfa-code"));
        String code = journey.sandbox().currentTotpCode("bob");
        journey.robot().clickOn("#mfa-code").write(code);
        journey.robot().clickOn("#mfa-submit");
        journey.waitUntil("the denial is shown", () -> journey.exists("#problem-message"));
        assertThat(journey.<Label>lookup("#problem-message").getText()).isEqualTo(
                "bob (ops 111111111111) is not trusted by role arn:aws:iam::444444444444:role/admin in prod");
        assertThat(journey.<ToggleButton>lookup("#env-sandbox-prod").isSelected()).isFalse();
        assertThat(journey.<ToggleButton>lookup("#env-sandbox-dev").isSelected()).isTrue();
        assertThat(journey.shell().titleProperty().get()).isEqualTo("Harbormaster — SANDBOX · dev");
        journey.screenshot("env-05-bob-denied-prod");
        journey.robot().clickOn("Close");
    }

    @Test
    void carolBrowsesProdAndScaleServiceAndStopTaskAreDisabledWithTheReason() throws Exception {
        journey.start(JourneyOptions.sandbox().login("carol"));
        journey.enter("sandbox-prod");
        assertThat(journey.shell().environmentBar().session().identity().arn())
                .isEqualTo("arn:aws:sts::444444444444:assumed-role/readonly/carol");

        assertThat(journey.writesAreDisabled()).isEqualTo("prod is read-only: role readonly cannot change anything");

        journey.robot().moveTo("#scale-service-holder");
        journey.waitUntil("the reason pops up", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t && t.isShowing() && t.getText().contains("read-only")));
        journey.screenshot("env-06-carol-scale-disabled");

        // On the Hosts page too: a task block picked, Stop task… refused with the same reason, in the detail and
        // in the block's menu.
        io.harbormaster.model.fleet.Task task = StopTaskSteps.pickABlock(journey);
        WritesDisabled.assertRefused(journey, "hosts-stop-task", "Stop task",
                "prod is read-only: role readonly cannot change anything");
        StopTaskSteps.blockMenuOffersStopTask(journey, task, false);
        journey.screenshot("env-07-carol-hosts-stop-task-disabled");
    }
}
