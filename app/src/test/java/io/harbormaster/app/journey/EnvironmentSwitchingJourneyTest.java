package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 through the real app against the sandbox, as alice: dev, stage, prod (MFA: a wrong code refused, the right
 * one works), stage beside prod, the Environments… dialog, and a production write behind the typed name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnvironmentSwitchingJourneyTest {

    @TempDir
    static Path home;

    private static final String TIME_LEFT = "\\d+ min|\\d+h \\d\\dm";

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    private static ShellViewModel shell() {
        return harness.app.window().viewModel();
    }

    private static String account() {
        var session = shell().environmentBar().session();
        return session == null ? "" : session.identity().account();
    }

    @Test
    @Order(1)
    void aliceSwitchesToDevStageAndProdAndProdAsksForMfa() throws Exception {
        harness.waitUntil("the environment bar is filled", () -> harness.exists("#env-sandbox-prod"));
        harness.robot.clickOn("#env-sandbox-dev");
        harness.waitUntil("dev is entered", () -> account().equals("222222222222"));
        TableView<Cluster> table = harness.lookup("#clusters-table");
        harness.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());

        harness.robot.clickOn("#env-sandbox-stage");
        harness.waitUntil("stage is entered", () -> account().equals("333333333333"));

        harness.robot.clickOn("#env-sandbox-prod");
        harness.waitUntil("the MFA prompt shows", () -> harness.exists("#mfa-dialog"));
        harness.robot.clickOn("#mfa-code").write("000000");
        harness.robot.clickOn("#mfa-submit");
        harness.waitUntil("the wrong code is refused", () -> harness.exists("#problem-title"));
        Label title = harness.lookup("#problem-title");
        assertThat(title.getText()).isEqualTo("MFA code refused");
        assertThat(harness.<ToggleButton>lookup("#env-sandbox-prod").isSelected()).isFalse();
        assertThat(account()).isEqualTo("333333333333");
        harness.robot.clickOn("Close");
        harness.waitUntil("the problem is closed", () -> !harness.exists("#problem-dialog"));

        harness.robot.clickOn("#env-sandbox-prod");
        FleetJourneys.answerMfa(harness);
        harness.waitUntil("prod is entered", () -> account().equals("444444444444"));
        assertThat(harness.<ToggleButton>lookup("#env-sandbox-prod").isSelected()).isTrue();
        assertThat(shell().titleProperty().get()).isEqualTo("Harbormaster — PRODUCTION prod");
        assertThat(harness.exists("#production-banner")).isTrue();

        ToggleButton prod = harness.lookup("#env-sandbox-prod");
        assertThat(prod.getTooltip().getText()).contains("entered from sandbox-ops → account 444444444444");
        // Looked up each time: a toggle is rebuilt when what the bar knows about its environment changes.
        harness.waitUntil("prod shows its session time", () -> harness.<Label>lookup("#env-left-sandbox-prod")
                .getText().matches(TIME_LEFT));
        assertThat(harness.<Label>lookup("#env-left-sandbox-dev").getText()).matches(TIME_LEFT);
    }

    @Test
    @Order(2)
    void stageOpensBesideProdEachUnderItsOwnBand() throws Exception {
        harness.robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        harness.waitUntil("the second half opens", () -> harness.exists("#split-choice"));
        ComboBox<Environment> choice = harness.lookup("#split-choice");
        Environment stage = shell().environmentBar().find("sandbox-stage").orElseThrow();
        harness.robot.interact(() -> choice.setValue(stage));
        TableView<Cluster> stageTable = harness.lookup("#split-clusters-table");
        harness.waitUntil("stage's clusters show beside prod", () -> !stageTable.getItems().isEmpty());
        TableView<Cluster> prodTable = harness.lookup("#clusters-table");
        harness.waitUntil("prod's clusters show", () -> !prodTable.getItems().isEmpty());
        assertThat(prodTable.getItems().get(0).arn()).contains(":444444444444:");
        assertThat(stageTable.getItems().get(0).arn()).contains(":333333333333:");

        assertThat(harness.<Label>lookup("#primary-env-name").getText()).isEqualTo("prod");
        assertThat(harness.<Node>lookup("#primary-production-badge").isVisible()).isTrue();
        assertThat(harness.<Node>lookup("#primary-production-banner").isVisible()).isTrue();
        assertThat(harness.<Label>lookup("#split-env-name").getText()).isEqualTo("stage");
        assertThat(harness.<Node>lookup("#split-production-badge").isVisible()).isFalse();
        assertThat(harness.<Label>lookup("#split-env-detail").getText()).contains("assumed-role/admin/alice @ 333333333333")
                .containsPattern("session (" + TIME_LEFT + ") left");
        WindowShots.save(harness.app.window().scene(), "env-02-stage-beside-prod");

        harness.robot.clickOn("#split-close");
        harness.waitUntil("back to one environment", () -> !harness.exists("#split-choice"));
        assertThat(harness.exists("#clusters-table")).isTrue();
    }

    @Test
    @Order(3)
    void theEnvironmentsDialogEditsAndTheBarFollows() throws Exception {
        harness.robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        harness.waitUntil("Environments… opens", () -> harness.exists("#settings-dialog"));
        ListView<Environment> list = harness.lookup("#settings-list");
        harness.waitUntil("it lists the three", () -> list.getItems().size() == 3);
        harness.robot.clickOn("#settings-detect");
        Label status = harness.lookup("#settings-detect-status");
        harness.waitUntil("detection reports", () -> status.getText().startsWith("Every profile"));

        harness.robot.interact(() -> list.getSelectionModel().select(1));
        TextField name = harness.lookup("#settings-name");
        harness.waitUntil("stage is in the form", () -> "stage".equals(name.getText()));
        harness.robot.interact(() -> name.setText(""));
        Node save = harness.lookup("#settings-save");
        harness.waitUntil("an empty name cannot be saved", save::isDisabled);
        harness.robot.interact(() -> name.setText("staging"));
        WindowShots.save(harness.app.window().scene(), "env-03-environments-dialog");
        harness.robot.clickOn("#settings-save");
        harness.waitUntil("the bar shows the new name", () -> harness.robot.lookup("#env-sandbox-stage .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> "staging".equals(l.getText())));
        harness.robot.clickOn("#settings-close");
        harness.waitUntil("the dialog is closed", () -> !harness.exists("#settings-dialog"));
    }

    @Test
    @Order(4)
    void scalingAProdServiceNeedsItsNameTyped() throws Exception {
        harness.robot.clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        FleetViewModel fleet = services.fleet();
        harness.waitUntil("prod's services are loaded", () -> fleet.stateProperty().get() == FleetViewModel.State.LOADED
                && !services.rows().isEmpty());
        ServiceRow row = services.rows().get(0);
        FleetJourneys.filterAndSelect(harness, row.name());
        harness.waitUntil("the service is selected", () -> services.detailProperty().get() != null);
        Node scale = harness.lookup("#scale-service");
        harness.waitUntil("Scale service… is enabled", () -> !scale.isDisabled());
        harness.robot.clickOn("#scale-service");
        harness.waitUntil("the scale dialog shows", () -> harness.exists("#scale-dialog"));
        TextField desired = harness.lookup("#scale-desired");
        int wanted = row.desired() + 1;
        harness.robot.interact(() -> desired.setText(Integer.toString(wanted)));
        harness.robot.clickOn("#scale-submit");
        harness.waitUntil("the typed-name guard shows", () -> harness.exists("#confirm-typing-dialog"));
        Node confirm = harness.lookup("#confirm-typing-submit");
        harness.robot.clickOn("#confirm-typing-field").write(row.name().toUpperCase());
        assertThat(confirm.isDisabled()).isTrue();
        WindowShots.save(harness.app.window().scene(), "env-04-typed-name-in-prod");
        TextField typed = harness.lookup("#confirm-typing-field");
        harness.robot.interact(() -> typed.setText(row.name()));
        assertThat(confirm.isDisabled()).isFalse();
        harness.robot.clickOn("#confirm-typing-submit");
        harness.waitUntil("the scale dialog closes after the write", () -> !harness.exists("#scale-dialog"));
        assertThat(harness.exists("#problem-dialog")).isFalse();
        harness.waitUntil("the new desired count shows", () -> services.allRows().stream()
                .anyMatch(r -> r.arn().equals(row.arn()) && r.desired() == wanted));
    }
}
