package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bob and carol may not do, said in the UI: bob is not trusted in prod; carol's prod takes no writes. */
class RoleLimitsJourneyTest {

    @TempDir
    Path home;

    @Test
    void bobEntersDevButProdIsDeniedWithWhoWhichRoleAndWhere() throws Exception {
        try (AppHarness harness = AppHarness.start(home.resolve("bob"), "--sandbox", "--latency-ms=0",
                "--login=bob")) {
            harness.waitUntil("the environment bar is filled", () -> harness.exists("#env-sandbox-prod"));
            harness.robot.clickOn("#env-sandbox-dev");
            TableView<Cluster> table = harness.lookup("#clusters-table");
            harness.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());

            harness.robot.clickOn("#env-sandbox-prod");
            harness.waitUntil("prod asks for bob's code", () -> harness.exists("#mfa-code"));
            String code = harness.app.sandbox().orElseThrow().sandbox().currentTotpCode("bob");
            harness.robot.clickOn("#mfa-code").write(code);
            harness.robot.clickOn("#mfa-submit");
            harness.waitUntil("the denial is shown", () -> harness.exists("#problem-message"));
            assertThat(harness.<Label>lookup("#problem-message").getText()).isEqualTo(
                    "bob (ops 111111111111) is not trusted by role arn:aws:iam::444444444444:role/admin in prod");
            assertThat(harness.<ToggleButton>lookup("#env-sandbox-prod").isSelected()).isFalse();
            assertThat(harness.<ToggleButton>lookup("#env-sandbox-dev").isSelected()).isTrue();
            assertThat(harness.app.window().viewModel().titleProperty().get()).isEqualTo("Harbormaster — dev");
            WindowShots.save(harness.app.window().scene(), "env-05-bob-denied-prod");
            harness.robot.clickOn("Close");
        }
    }

    @Test
    void carolBrowsesProdAndScaleServiceIsDisabledWithTheReason() throws Exception {
        try (AppHarness harness = AppHarness.start(home.resolve("carol"), "--sandbox", "--latency-ms=0",
                "--login=carol")) {
            harness.enter("sandbox-prod");
            harness.waitUntil("carol is in prod", () -> harness.app.window().viewModel().environmentBar().session()
                    != null);
            assertThat(harness.app.window().viewModel().environmentBar().session().identity().arn())
                    .isEqualTo("arn:aws:sts::444444444444:assumed-role/readonly/carol");

            harness.robot.clickOn("#nav-services");
            ServicesViewModel services = harness.app.window().viewModel().page(ServicesPage.class).viewModel();
            harness.waitUntil("prod's services are loaded", () -> services.fleet().stateProperty().get()
                    == FleetViewModel.State.LOADED && !services.rows().isEmpty());
            FleetJourneys.filterAndSelect(harness, services.rows().get(0).name());
            harness.waitUntil("a service is selected", () -> services.detailProperty().get() != null);

            Node scale = harness.lookup("#scale-service");
            assertThat(scale.isDisabled()).isTrue();
            Node holder = harness.lookup("#scale-service-holder");
            Tooltip tooltip = (Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip");
            assertThat(tooltip.getText()).isEqualTo(
                    "Scale service… is not available:\nprod is read-only: role readonly cannot change anything");
            assertThat(harness.app.window().viewModel().writeGuard().writeDisabledReasonProperty().get())
                    .isEqualTo("prod is read-only: role readonly cannot change anything");

            harness.robot.moveTo("#scale-service-holder");
            harness.waitUntil("the reason pops up", () -> Window.getWindows().stream()
                    .anyMatch(w -> w instanceof Tooltip t && t.isShowing() && t.getText().contains("read-only")));
            WindowShots.save(harness.app.window().scene(), "env-06-carol-scale-disabled");
        }
    }
}
