package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.deploys.DeploysPage;
import io.harbormaster.views.palette.PaletteEntry;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * carol's readonly role in prod: every place a deploy starts — the Services table with a service's detail open, the
 * Deploys page, the View menu and the palette — shows "Deploy…" disabled with the reason, and none of them opens
 * the wizard.
 */
class DeployReadOnlyJourneyTest {

    private static final String REASON = "prod is read-only: role readonly cannot change anything";

    @RegisterExtension
    final Journey harness = Journey.of(JourneyOptions.sandbox().speed(0).login("carol"));

    @Test
    void everyDeployEntryPointIsDisabledWithTheReason() throws Exception {
        harness.enter("sandbox-prod");
        harness.robot().clickOn("#nav-services");
        ServicesViewModel services = harness.shell().page(ServicesPage.class).viewModel();
        harness.awaitFleetLoaded();
        harness.filterAndSelect(harness.onUi(() -> services.rows().get(0).name()));
        harness.waitUntil("a service is selected, its detail open", () -> services.detailProperty().get() != null);
        assertDisabledWithTheReason("deploy-service");
        assertDisabledWithTheReason("service-detail-deploy");

        PaletteEntry entry = DeployJourneys.paletteDeploy(harness);
        assertThat(entry.unavailable()).isTrue();
        assertThat(entry.detail()).isEqualTo(PaletteEntry.UNAVAILABLE + REASON);
        harness.screenshot("deploy-readonly-palette");
        harness.robot().type(KeyCode.ENTER);
        assertThat(harness.shell().palette().showingProperty().get()).as("Enter on it does nothing").isTrue();
        harness.robot().type(KeyCode.ESCAPE);
        harness.waitUntil("the palette closes", () -> !harness.shell().palette().showingProperty().get());
        assertThat(harness.shell().pageProperty().get()).isEqualTo(ServicesPage.ID);

        MenuItem viewMenuItem = harness.onUi(() -> harness.<MenuBar>lookup("#menu-bar").getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> ("menu-" + DeploysPage.DEPLOY.id()).equals(i.getId()))
                .findFirst().orElseThrow());
        assertThat(viewMenuItem.isDisable()).isTrue();
        harness.robot().press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        assertThat(harness.shell().pageProperty().get()).as("its shortcut does nothing").isEqualTo(ServicesPage.ID);

        harness.robot().clickOn("#nav-deploys");
        assertDisabledWithTheReason("deploys-new");
        assertThat(DeployJourneys.deploys(harness).wizardProperty().get()).isNull();
        harness.screenshot("deploy-readonly-deploys-page");
    }

    private void assertDisabledWithTheReason(String id) {
        Node button = harness.lookup("#" + id);
        assertThat(button.isDisabled()).as(id).isTrue();
        Tooltip tooltip = (Tooltip) harness.lookup("#" + id + "-holder").getProperties()
                .get("javafx.scene.control.Tooltip");
        assertThat(tooltip.getText()).isEqualTo("Deploy is not available:\n" + REASON);
    }
}
