package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 4 through the real app against the sandbox, as alice: dev, stage, prod (MFA: a wrong code refused, the right
 * one works), stage beside prod, the Environments… dialog, and a production write behind the typed name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnvironmentSwitchingJourneyTest {

    private static final String TIME_LEFT = "\\d+ min|\\d+h \\d\\dm";

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    private static ShellViewModel shell() {
        return journey.shell();
    }

    private static String account() {
        var session = shell().environmentBar().session();
        return session == null ? "" : session.identity().account();
    }

    @Test
    @Order(1)
    void aliceSwitchesToDevStageAndProdAndProdAsksForMfa() throws Exception {
        journey.awaitOffered("sandbox-prod");
        journey.robot().clickOn("#env-sandbox-dev");
        journey.waitUntil("dev is entered", () -> account().equals("222222222222"));
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());

        journey.robot().clickOn("#env-sandbox-stage");
        journey.waitUntil("stage is entered", () -> account().equals("333333333333"));

        journey.robot().clickOn("#env-sandbox-prod");
        journey.waitUntil("the MFA prompt shows", () -> journey.exists("#mfa-dialog"));
        journey.robot().clickOn("#mfa-code").write("000000");
        journey.robot().clickOn("#mfa-submit");
        // Refused in the same dialog, which takes the next code: no dead end behind a Close button.
        Label hint = journey.lookup("#mfa-hint");
        journey.waitUntil("the wrong code is refused", () -> hint.getText().startsWith("Refused: "));
        assertThat(journey.exists("#problem-dialog")).isFalse();
        assertThat(account()).isEqualTo("333333333333");

        journey.answerMfa();
        journey.waitUntil("prod is entered", () -> account().equals("444444444444"));
        assertThat(journey.<ToggleButton>lookup("#env-sandbox-prod").isSelected()).isTrue();
        assertThat(shell().titleProperty().get()).isEqualTo("Harbormaster — SANDBOX · PRODUCTION prod");
        assertThat(journey.exists("#production-banner")).isTrue();

        ToggleButton prod = journey.lookup("#env-sandbox-prod");
        assertThat(prod.getTooltip().getText()).contains("entered from sandbox-ops → account 444444444444");
        // Looked up each time: a toggle is rebuilt when what the bar knows about its environment changes.
        journey.waitUntil("prod shows its session time", () -> journey.<Label>lookup("#env-left-sandbox-prod")
                .getText().matches(TIME_LEFT));
        assertThat(journey.<Label>lookup("#env-left-sandbox-dev").getText()).matches(TIME_LEFT);
    }

    @Test
    @Order(2)
    void stageOpensBesideProdEachUnderItsOwnBand() throws Exception {
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        journey.waitUntil("the second half opens", () -> journey.exists("#split-choice"));
        ComboBox<Environment> choice = journey.lookup("#split-choice");
        Environment stage = shell().environmentBar().find("sandbox-stage").orElseThrow();
        journey.robot().interact(() -> choice.setValue(stage));
        TableView<Cluster> stageTable = journey.lookup("#split-clusters-table");
        journey.waitUntil("stage's clusters show beside prod", () -> !stageTable.getItems().isEmpty());
        TableView<Cluster> prodTable = journey.lookup("#clusters-table");
        journey.waitUntil("prod's clusters show", () -> !prodTable.getItems().isEmpty());
        assertThat(journey.copy(prodTable.getItems()).get(0).arn()).contains(":444444444444:");
        assertThat(journey.copy(stageTable.getItems()).get(0).arn()).contains(":333333333333:");

        assertThat(journey.<Label>lookup("#primary-env-name").getText()).isEqualTo("prod");
        assertThat(journey.<Node>lookup("#primary-production-badge").isVisible()).isTrue();
        assertThat(journey.<Node>lookup("#primary-production-banner").isVisible()).isTrue();
        assertThat(journey.<Label>lookup("#split-env-name").getText()).isEqualTo("stage");
        assertThat(journey.<Node>lookup("#split-production-badge").isVisible()).isFalse();
        assertThat(journey.<Label>lookup("#split-env-detail").getText()).contains("assumed-role/admin/alice @ 333333333333")
                .containsPattern("session (" + TIME_LEFT + ") left");
        journey.screenshot("env-02-stage-beside-prod");

        journey.robot().clickOn("#split-close");
        journey.waitUntil("back to one environment", () -> !journey.exists("#split-choice"));
        assertThat(journey.exists("#clusters-table")).isTrue();
    }

    @Test
    @Order(3)
    void theEnvironmentsDialogEditsAndTheBarFollows() throws Exception {
        journey.robot().push(KeyCode.CONTROL, KeyCode.COMMA);
        journey.waitUntil("Environments… opens", () -> journey.exists("#settings-dialog"));
        ListView<Environment> list = journey.lookup("#settings-list");
        journey.waitUntil("it lists the three", () -> list.getItems().size() == 3);
        journey.robot().clickOn("#settings-detect");
        Label status = journey.lookup("#settings-detect-status");
        // The role profiles are all environments; alice's Identity Center profile set is offered, never added.
        journey.waitUntil("detection reports", () -> !status.getText().isEmpty()
                && status.getText().contains("environment"));
        assertThat(status.getText()).isEqualTo("6 profiles not yet environments. Tick the ones to add.");
        assertThat(journey.copy(list.getItems())).as("nothing added by itself").hasSize(3);

        journey.robot().interact(() -> list.getSelectionModel().select(1));
        TextField name = journey.lookup("#settings-name");
        journey.waitUntil("stage is in the form", () -> "stage".equals(name.getText()));
        journey.robot().interact(() -> name.setText(""));
        Node save = journey.lookup("#settings-save");
        journey.waitUntil("an empty name cannot be saved", save::isDisabled);
        journey.robot().interact(() -> name.setText("staging"));
        journey.screenshot("env-03-environments-dialog");
        journey.robot().clickOn("#settings-save");
        journey.waitUntil("the bar shows the new name", () -> journey.robot().lookup("#env-sandbox-stage .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> "staging".equals(l.getText())));
        journey.robot().clickOn("#settings-close");
        journey.waitUntil("the dialog is closed", () -> !journey.exists("#settings-dialog"));
    }

    @Test
    @Order(4)
    void scalingAProdServiceNeedsItsNameTyped() throws Exception {
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();
        ServiceRow row = journey.onUi(() -> services.rows().get(0));
        journey.filterAndSelect(row.name());
        journey.waitUntil("the service is selected", () -> services.detailProperty().get() != null);
        Node scale = journey.lookup("#scale-service");
        journey.waitUntil("Scale service… is enabled", () -> !scale.isDisabled());
        journey.robot().clickOn("#scale-service");
        journey.waitUntil("the scale dialog shows", () -> journey.exists("#scale-dialog"));
        TextField desired = journey.lookup("#scale-desired");
        int wanted = row.desired() + 1;
        journey.robot().interact(() -> desired.setText(Integer.toString(wanted)));
        journey.robot().clickOn("#scale-submit");
        journey.waitUntil("the typed-name guard shows", () -> journey.exists("#confirm-typing-dialog"));
        Node confirm = journey.lookup("#confirm-typing-submit");
        journey.robot().clickOn("#confirm-typing-field").write(row.name().toUpperCase());
        assertThat(confirm.isDisabled()).isTrue();
        journey.screenshot("env-04-typed-name-in-prod");
        TextField typed = journey.lookup("#confirm-typing-field");
        journey.robot().interact(() -> typed.setText(row.name()));
        assertThat(confirm.isDisabled()).isFalse();
        journey.robot().clickOn("#confirm-typing-submit");
        journey.waitUntil("the scale dialog closes after the write", () -> !journey.exists("#scale-dialog"));
        assertThat(journey.exists("#problem-dialog")).isFalse();
        journey.waitUntil("the new desired count shows", () -> services.allRows().stream()
                .anyMatch(r -> r.arn().equals(row.arn()) && r.desired() == wanted));
    }

    @Test
    @Order(5)
    void stoppingADevTaskAsksForNothingTypedAndItShowsInStoppedTasks() throws Exception {
        journey.robot().clickOn("#env-sandbox-dev");
        journey.waitUntil("dev is entered", () -> account().equals("222222222222"));
        journey.robot().clickOn("#nav-services");
        journey.awaitFleetLoaded();
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        String service = journey.onUi(() -> services.allRows().stream().filter(r -> r.running() > 0
                && r.running() == r.desired()).findFirst().orElseThrow().name());
        var tasks = StopTaskSteps.showTasks(journey, service);

        String reason = "Stopped in dev by the switching journey";
        var victim = StopTaskSteps.stopFirst(journey, tasks, service, reason, false, "env-07-stop-task-in-dev");
        StopTaskSteps.awaitStopped(journey, victim, reason);
        StopTaskSteps.selectTab(journey, "service-tab-deployments");
        journey.filterServices("");
    }
}
