package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.HarbormasterApp;
import io.harbormaster.views.actions.ShortcutsDialog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new operator's first hour (issue 13): a home with no AWS files opens the sandbox, marked as such; prod is
 * entered with the code the sandbox's practice device offers, after a wrong one, in one dialog; the sandbox and
 * the operator's own configuration are each one menu item from the other ({@link OpenSandboxJourneyTest}).
 */
class FirstHourJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    /** A home with no ~/.aws at all: the files named here do not exist. */
    private JourneyOptions freshHome() {
        Path none = journey.workDir().resolve("no-aws");
        return JourneyOptions.ownAws(none.resolve("config"), none.resolve("credentials")).latencyMs(0);
    }

    @Test
    void aFreshHomeOpensTheMarkedSandboxAndProdOpensWithTheOfferedCodeAfterAWrongOne() throws Exception {
        journey.start(freshHome());
        assertThat(journey.app().sandbox()).as("no AWS files: the sandbox").isPresent();
        journey.awaitOffered("sandbox-prod");
        assertThat(journey.<Label>lookup("#sandbox-marker").getText()).as("real time: no speed").isEqualTo("SANDBOX");
        assertThat(journey.<Label>lookup("#sandbox-note").getText()).contains("forgets every change");
        assertThat(journey.shell().titleProperty().get()).isEqualTo("Harbormaster — SANDBOX");

        journey.robot().push(KeyCode.CONTROL, KeyCode.DIGIT3);
        journey.waitUntil("prod asks for alice's code", () -> journey.exists("#mfa-code"));
        Label offered = journey.lookup("#mfa-practice-code");
        assertThat(offered.getText()).as("the practice device's code").matches("\\d{6}");
        journey.screenshot("first-hour-01-mfa-practice-code");

        journey.robot().clickOn("#mfa-code").write(offered.getText().equals("000000") ? "111111" : "000000");
        journey.robot().clickOn("#mfa-submit");
        Label hint = journey.lookup("#mfa-hint");
        journey.waitUntil("the wrong code is refused in the same dialog", () -> hint.getText().startsWith("Refused"));
        assertThat(journey.exists("#problem-dialog")).as("no dead end behind Close").isFalse();
        journey.screenshot("first-hour-02-mfa-refused");

        journey.robot().clickOn("#mfa-use-practice");
        assertThat(journey.<TextField>lookup("#mfa-code").getText()).matches("\\d{6}");
        journey.robot().clickOn("#mfa-submit");
        journey.awaitEntered("sandbox-prod");
        journey.waitUntil("the dialog is gone", () -> !journey.exists("#mfa-dialog"));
        assertThat(journey.shell().titleProperty().get()).isEqualTo("Harbormaster — SANDBOX · PRODUCTION prod");
        assertThat(journey.<Label>lookup("#production-banner").getText())
                .startsWith("PRODUCTION (sandbox) — prod").doesNotContain("affects live traffic");
        journey.screenshot("first-hour-03-sandbox-prod");
        Window main = journey.app().window().scene().getWindow();
        journey.robot().interact(() -> {
            main.setWidth(1600);
            main.setHeight(1000);
        });
        journey.screenshot("first-hour-03b-sandbox-prod-1600");
    }

    @Test
    void bobIsOfferedHisOwnDevicesCode() throws Exception {
        journey.start(freshHome().login("bob"));
        journey.select("sandbox-prod");
        journey.waitUntil("prod asks for bob's code", () -> journey.exists("#mfa-code"));
        assertThat(journey.<Label>lookup("#mfa-serial").getText()).endsWith(":mfa/bob");
        assertThat(journey.<Label>lookup("#mfa-practice-code").getText()).isEqualTo(journey.sandbox()
                .currentTotpCode("bob"));
        journey.robot().clickOn("Cancel");
    }

    @Test
    void aFastSandboxShowsItsClockAndScaleServiceAnswersItsShortcut() throws Exception {
        journey.start(JourneyOptions.sandbox().speed(60).entering("sandbox-dev"));
        assertThat(journey.<Label>lookup("#sandbox-marker").getText()).isEqualTo("SANDBOX · clock ×60");
        assertThat(journey.<Label>lookup("#sandbox-marker").getTooltip().getText())
                .contains("sandbox time").contains("forgets every change");

        journey.robot().clickOn("#nav-services");
        journey.awaitFleetLoaded();
        journey.filterAndSelect(journey.serviceRows().get(0).name());
        Node scale = journey.lookup("#scale-service");
        journey.waitUntil("Scale service… is enabled", () -> !scale.isDisabled());
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K);
        journey.waitUntil("Ctrl+Shift+K opens the scale dialog", () -> journey.exists("#scale-dialog"));
        journey.screenshot("first-hour-04-fast-sandbox-scale");
        journey.robot().clickOn("Cancel");
    }

    @Test
    void helpOpensTheReadmeOfThisBuildAndListsTheShortcuts() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        HarbormasterApp.openBrowserWith(opened::add);
        try {
            journey.start(freshHome());
            journey.robot().clickOn("#menu-help");
            journey.robot().clickOn("#menu-readme");
            journey.waitUntil("the README is opened", () -> !opened.isEmpty());
            Path readme = Path.of(URI.create(opened.get(0)));
            assertThat(readme).isEqualTo(journey.home().resolve("README.md"));
            assertThat(Files.readString(readme)).startsWith("# Harbormaster").contains("\"Use this code\"");

            journey.robot().clickOn("#menu-help");
            journey.robot().clickOn("#menu-shortcuts");
            journey.waitUntil("the shortcuts show", () -> journey.exists("#shortcuts-table"));
            TableView<ShortcutsDialog.Shortcut> table = journey.lookup("#shortcuts-table");
            assertThat(journey.copy(table.getItems())).extracting(ShortcutsDialog.Shortcut::keys)
                    .contains("Ctrl+Shift+K", "Ctrl+Shift+R", "Ctrl+Alt+P", "Ctrl+K");
            journey.screenshot("first-hour-08-shortcuts");
            journey.robot().clickOn("Close");

            // A fresh home has no own configuration to go back to: the console says so, and stays on the sandbox.
            journey.robot().clickOn("File");
            journey.robot().clickOn("#menu-open-own-aws");
            journey.waitUntil("it says there is none yet", () -> journey.exists("#info-dialog"));
            assertThat(journey.app().sandbox()).isPresent();
            journey.robot().clickOn("Close");
        } finally {
            HarbormasterApp.openBrowserWith(null);
        }
    }

    @Test
    void aBrokenConfigIsNamedFixedAndReloaded() throws Exception {
        Path config = journey.workDir().resolve("config");
        Path credentials = journey.workDir().resolve("credentials");
        Files.writeString(config, "[profile ops]\nregion = eu-west-1\n[profile prod\nrole_arn = x\n");
        Files.writeString(credentials, "[ops]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n");
        journey.start(JourneyOptions.ownAws(config, credentials));
        journey.waitUntil("the problem is shown", () -> journey.exists("#problem-message"));
        assertThat(journey.<Label>lookup("#problem-message").getText()).contains(config.toString())
                .containsIgnoringCase("line 3");
        assertThat(journey.<Label>lookup("#env-empty").getText()).contains("Environments…");
        journey.screenshot("first-hour-06-broken-config");
        journey.robot().clickOn("Close");

        // Two role profiles without a source: both are named at once, not the first only.
        Files.writeString(config, "[profile ops]\nregion = eu-west-1\n\n[profile stage]\n"
                + "role_arn = arn:aws:iam::333333333333:role/admin\n\n[profile prod]\n"
                + "role_arn = arn:aws:iam::444444444444:role/admin\n");
        reload();
        journey.waitUntil("both bad profiles are named", () -> journey.exists("#problem-message"));
        assertThat(journey.<Label>lookup("#problem-message").getText()).contains("'stage'").contains("'prod'");
        journey.robot().clickOn("Close");

        Files.writeString(config, "[profile ops]\nregion = eu-west-1\n\n[profile prod]\n"
                + "role_arn = arn:aws:iam::444444444444:role/admin\nsource_profile = ops\nregion = eu-west-1\n");
        reload();
        // No environment yet: the reload offers the fixed files' profiles, ticked, as a first start would want.
        journey.waitUntil("the fixed profile is offered as an environment", () -> journey.exists("#settings-dialog")
                && journey.exists("#candidate-prod"));
        assertThat(journey.exists("#info-dialog")).as("the offer is the answer; no second dialog").isFalse();
        journey.screenshot("first-hour-07-reloaded-profiles");
        journey.robot().clickOn("#settings-add-selected");
        journey.robot().clickOn("#settings-close");
        journey.awaitOffered("prod");
        assertThat(journey.<Label>lookup("#env-empty").isVisible()).as("the bar is no longer empty").isFalse();
        journey.screenshot("first-hour-07b-environments-after-reload");
    }

    private void reload() {
        journey.robot().clickOn("File");
        journey.robot().clickOn("#menu-reload-aws");
    }

    /** The info may show twice: once for the menu, once more if the window noticed the edit on getting focus. */
    private void closeInfoDialogs() {
        journey.robot().interact(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#info-dialog") != null)
                .map(Stage.class::cast).toList().forEach(Stage::close));
    }
}
