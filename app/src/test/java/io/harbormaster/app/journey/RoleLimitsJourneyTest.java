package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.services.ServicesViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What bob and carol may not do, said in the UI: bob is not trusted in prod; carol's prod takes no writes (Scale
 * service… and Stop task… disabled with the reason).
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

        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();
        journey.filterAndSelect(journey.onUi(() -> services.rows().get(0).name()));
        journey.waitUntil("a service is selected", () -> services.detailProperty().get() != null);

        Node scale = journey.lookup("#scale-service");
        assertThat(scale.isDisabled()).isTrue();
        Node holder = journey.lookup("#scale-service-holder");
        Tooltip tooltip = (Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip.getText()).isEqualTo(
                "Scale service… is not available:\nprod is read-only: role readonly cannot change anything");
        assertThat(journey.shell().writeGuard().writeDisabledReasonProperty().get())
                .isEqualTo("prod is read-only: role readonly cannot change anything");

        journey.robot().moveTo("#scale-service-holder");
        journey.waitUntil("the reason pops up", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t && t.isShowing() && t.getText().contains("read-only")));
        journey.screenshot("env-06-carol-scale-disabled");

        javafx.scene.control.TabPane tabs = journey.lookup("#service-detail-tabs");
        journey.robot().interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "service-tab-tasks".equals(t.getId())).findFirst().orElseThrow()));
        TableView<?> tasks = journey.lookup("#service-detail-tasks");
        journey.waitUntil("its tasks are listed", () -> !tasks.getItems().isEmpty());
        journey.robot().interact(() -> tasks.getSelectionModel().select(0));
        assertThat(journey.<Node>lookup("#stop-task").isDisabled()).isTrue();
        Tooltip stopTip = (Tooltip) journey.lookup("#stop-task-holder").getProperties()
                .get("javafx.scene.control.Tooltip");
        assertThat(stopTip.getText()).isEqualTo(
                "Stop task is not available:\nprod is read-only: role readonly cannot change anything");
    }
}
