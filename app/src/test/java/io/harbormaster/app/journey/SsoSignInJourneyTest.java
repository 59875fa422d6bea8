package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.HarbormasterApp;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.settings.EnvironmentSettingsDialog;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in with IAM Identity Center on the sandbox: the console opens the browser at the approval address (here
 * recorded) and shows the code; the test approves or denies on the sandbox's approval page as the user would.
 * The SSO environment is defined before start, as an operator would have picked it from the environments dialog.
 */
class SsoSignInJourneyTest {

    private static final String PROD_READ_ONLY = "sso-prod-readonly";
    /** Bob's Identity Center assignments are dev only. */
    private static final String BOB_DEV = "sso-dev-readonly";
    private static final String DEV_READ_ONLY = "sso-dev-readonly";

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    private final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordTheBrowser() {
        HarbormasterApp.openBrowserWith(opened::add);
    }

    @AfterEach
    void forgetTheBrowser() {
        HarbormasterApp.openBrowserWith(null);
    }

    @Test
    void aliceSignsInEntersProdReadOnlyAndFindsWritesDisabled() throws Exception {
        journey.start(withSsoEnvironment("alice", PROD_READ_ONLY, "sandbox-sso-prod-readonly", "444444444444",
                true));
        String code = awaitPrompt(PROD_READ_ONLY);
        assertThat(opened).as("the browser opened at the approval address, code filled in").singleElement()
                .satisfies(address -> assertThat(address).contains("/_sandbox/sso/device").contains(code));
        journey.screenshot("sso-01-sign-in-prompt");

        assertThat(decide(code, "alice", "approve")).isEqualTo(200);
        journey.awaitEntered(PROD_READ_ONLY);
        assertThat(journey.exists("#sso-user-code")).as("the prompt closed").isFalse();
        assertThat(journey.shell().environmentBar().session().identity().arn())
                .startsWith("arn:aws:sts::444444444444:assumed-role/AWSReservedSSO_ReadOnlyAccess_")
                .endsWith("/alice");
        assertThat(journey.onUi(() -> journey.<Label>lookup("#status-identity").getText()))
                .as("the status bar names the role by its permission set").isEqualTo(
                        "assumed-role/ReadOnlyAccess (SSO)/alice @ 444444444444");
        journey.waitUntil("the sign-in's time shows beside the role session's",
                () -> journey.<Label>lookup("#env-left-" + PROD_READ_ONLY).getText()
                        .matches(".+ · SSO (\\d+h \\d\\dm|\\d+ min)"));

        assertThat(journey.writesAreDisabled()).startsWith("prod (SSO read-only) is read-only: role"
                + " AWSReservedSSO_ReadOnlyAccess_").endsWith(" cannot change anything");
        journey.screenshot("sso-02-prod-read-only");

        // Four environments are wider than 1280 px: the chosen one, last, is scrolled into view, and an arrow says
        // more lie to the left; it brings dev back
        Button left = journey.lookup("#env-scroll-left");
        Button right = journey.lookup("#env-scroll-right");
        journey.waitUntil("the arrows show, the left one live", () -> left.isVisible() && !left.isDisabled()
                && right.isVisible() && right.isDisabled());
        assertThat(journey.onUi(() -> wholeInView("#env-sandbox-dev"))).as("dev's toggle, scrolled away").isFalse();
        journey.robot().clickOn(left);
        journey.waitUntil("dev's toggle is in view again", () -> wholeInView("#env-sandbox-dev"));
        journey.waitUntil("the right arrow is live, the left one at its end", () -> !right.isDisabled()
                && left.isDisabled());
        journey.screenshot("sso-07-environments-scrolled-left");
    }

    /** Whether the environment's toggle shows whole in the strip of toggles. */
    private boolean wholeInView(String toggleId) {
        Node toggle = journey.lookup(toggleId);
        Node strip = journey.lookup("#env-toggles-scroller");
        var t = toggle.localToScene(toggle.getLayoutBounds());
        var s = strip.localToScene(strip.getLayoutBounds());
        return t.getMinX() >= s.getMinX() - 1 && t.getMaxX() <= s.getMaxX() + 1;
    }

    @Test
    void bobsDeniedApprovalSaysSo() throws Exception {
        journey.start(withSsoEnvironment("bob", BOB_DEV, "sandbox-sso-dev-readonly", "222222222222", false));
        String code = awaitPrompt(BOB_DEV);
        assertThat(decide(code, "bob", "deny")).isEqualTo(200);
        journey.waitUntil("the denial is shown", () -> journey.exists("#problem-message"));
        String message = journey.<Label>lookup("#problem-message").getText();
        assertThat(message).containsIgnoringCase("denied");
        assertThat(journey.exists("#sso-user-code")).as("the prompt closed").isFalse();
        assertThat(journey.isEntered(BOB_DEV)).isFalse();
        journey.screenshot("sso-03-bob-denied");
    }

    /**
     * Once signed in, Detect profiles names each Identity Center account (the portal's ListAccounts) beside its
     * profile, adds nothing by itself, and the dialog fits a 1280×800 screen: nothing beyond it, no text cut.
     */
    @Test
    void theEnvironmentsDialogOffersTheSignedInAccountsByNameAt1280x800() throws Exception {
        journey.start(withSsoEnvironment("alice", PROD_READ_ONLY, "sandbox-sso-prod-readonly", "444444444444",
                true));
        assertThat(decide(awaitPrompt(PROD_READ_ONLY), "alice", "approve")).isEqualTo(200);
        journey.awaitEntered(PROD_READ_ONLY);
        journey.robot().interact(() -> {
            javafx.stage.Window main = journey.app().window().scene().getWindow();
            main.setX(0);
            main.setY(0);
            main.setWidth(1280);
            main.setHeight(800);
        });

        journey.robot().push(KeyCode.CONTROL, KeyCode.COMMA);
        journey.waitUntil("Environments… opens", () -> journey.exists("#settings-dialog"));
        ListView<Environment> list = journey.lookup("#settings-list");
        journey.waitUntil("it lists the four", () -> list.getItems().size() == 4);
        journey.robot().clickOn("#settings-detect");
        Label status = journey.lookup("#settings-detect-status");
        journey.waitUntil("detection reports", () -> status.getText().contains("not yet environments"));
        assertThat(status.getText()).isEqualTo("5 profiles not yet environments. Tick the ones to add.");
        assertThat(journey.<CheckBox>lookup("#candidate-sandbox-sso-stage-admin").getText())
                .isEqualTo("sandbox-sso-stage-admin — IAM Identity Center role AdministratorAccess · account stage"
                        + " (333333333333) · us-east-1");
        assertThat(journey.<CheckBox>lookup("#candidate-sandbox-sso-prod-admin").getText())
                .contains("· account prod (444444444444)");
        assertThat(journey.copy(list.getItems())).as("nothing added by itself").hasSize(4);

        // The headless screen is 1600×1000: the dialog is sized as it sizes itself on a 1280×800 one.
        Rectangle2D small = new Rectangle2D(0, 0, 1280, 800);
        Scene dialog = journey.<Node>lookup("#settings-dialog").getScene();
        journey.robot().interact(() -> EnvironmentSettingsDialog.fit(dialog.getWindow(), small));
        journey.waitUntil("the dialog is sized for 1280×800", () -> dialog.getHeight() == 780);
        assertThat(journey.onUi(() -> {
            dialog.getRoot().layout();
            return LayoutCheck.clipped(dialog, small);
        })).as("clipped at 1280×800").isEmpty();
        assertThat(journey.onUi(() -> LayoutCheck.clipped(journey.app().window().scene(), small)))
                .as("the main window at 1280×800").isEmpty();
        journey.screenshot("sso-06-environments-dialog-1280");
        journey.robot().clickOn("#settings-close");
        journey.waitUntil("the dialog is closed", () -> !journey.exists("#settings-dialog"));
    }

    /**
     * Identity Center's clock is the sandbox's, stopped and stepped by the test: past the access token's hour the
     * console refreshes it without a prompt (the cache file rewritten, the time left back to an hour); past the
     * eight-hour session it asks to sign in again, saying why, and carries on once approved.
     */
    @Test
    void pastItsHourTheSignInIsRefreshedSilentlyAndAnEndedSessionAsksAgain() throws Exception {
        journey.start(withSsoEnvironment("alice", DEV_READ_ONLY, "sandbox-sso-dev-readonly", "222222222222", false)
                .speed(0));
        assertThat(decide(awaitPrompt(DEV_READ_ONLY), "alice", "approve")).isEqualTo(200);
        journey.awaitEntered(DEV_READ_ONLY);
        journey.awaitFleetLoaded();
        Label left = journey.lookup("#env-left-" + DEV_READ_ONLY);
        journey.waitUntil("an hour of sign-in shows", () -> left.getText().equals("1h 00m · SSO 1h 00m"));
        String firstToken = cachedAccessToken();

        journey.sandbox().clock().advance(Duration.ofMinutes(50));
        journey.waitUntil("the times left follow Identity Center's clock",
                () -> left.getText().equals("10 min · SSO 10 min"));
        journey.screenshot("sso-04-ten-minutes-left");

        journey.sandbox().clock().advance(Duration.ofMinutes(11));
        refreshFleet();
        journey.waitUntil("the refreshed sign-in's hour shows", () -> left.getText().equals("1h 00m · SSO 1h 00m"));
        assertThat(opened).as("no second sign-in").hasSize(1);
        assertThat(journey.exists("#sso-dialog")).isFalse();
        assertThat(cachedAccessToken()).as("the CLI's cache file holds the refreshed token").isNotEqualTo(firstToken);

        FleetViewModel fleet = journey.shell().fleet();
        Instant before = fleet.asOfProperty().get();
        journey.sandbox().clock().advance(Duration.ofHours(9));
        journey.waitUntil("the bar says the sign-in ran out", () -> left.getText().equals("expired · SSO expired"));
        refreshFleet();
        journey.waitUntil("asked to sign in again", () -> journey.exists("#sso-again"));
        assertThat(journey.<Label>lookup("#sso-again").getText()).startsWith("Your sign-in expired and its session has"
                + " ended, so it could not be renewed without you. Sign in again");
        journey.screenshot("sso-05-sign-in-again");
        assertThat(decide(journey.onUi(() -> journey.<Label>lookup("#sso-user-code").getText()), "alice", "approve"))
                .isEqualTo(200);
        journey.waitUntil("the prompt closes", () -> !journey.exists("#sso-dialog"));
        refreshFleet();
        journey.waitUntil("a refresh completes after the new sign-in", () -> fleet.asOfProperty().get() != null
                && fleet.asOfProperty().get().isAfter(before) && !fleet.refreshingProperty().get());
        assertThat(fleet.loadProblemProperty().get()).isNull();
        assertThat(journey.exists("#problem-dialog")).isFalse();
        assertThat(opened).hasSize(2);
        journey.waitUntil("a new hour shows", () -> left.getText().equals("1h 00m · SSO 1h 00m"));
    }

    /** F5 on Clusters, unless something already asked to sign in (the prompt is modal over the window). */
    private void refreshFleet() {
        if (!journey.exists("#sso-dialog")) {
            journey.robot().clickOn("#clusters-table");
            journey.robot().type(KeyCode.F5);
        }
    }

    /** The access token in the sandbox's copy of the aws CLI's cache (sha1 of the session name "sandbox-sso"). */
    private String cachedAccessToken() throws IOException {
        Path file = journey.app().sandbox().orElseThrow().files().config().resolveSibling("sso").resolve("cache")
                .resolve("894fb14886f1419ec59be27d016efd4963465d08.json");
        Matcher m = Pattern.compile("\"accessToken\": \"([^\"]+)\"").matcher(Files.readString(file));
        assertThat(m.find()).as(file + " holds an access token").isTrue();
        return m.group(1);
    }

    /** An account's read-only permission set, as the environment an operator added from the SSO candidates. */
    private static JourneyOptions withSsoEnvironment(String user, String id, String profile, String account,
            boolean prod) {
        String name = (prod ? "prod" : "dev") + " (SSO read-only)";
        return JourneyOptions.sandbox().login(user).seeded(home -> {
            try (LocalStore store = LocalStore.open(home.resolve("sandbox.db"))) {
                new SqliteEnvironmentRegistry(store).save(EnvironmentBuilder.anEnvironment(id).displayName(name)
                        .profile(profile).account(account).colour("#8e24aa").production(prod).order(8).build());
            }
        });
    }

    private String awaitPrompt(String environmentId) {
        journey.select(environmentId);
        journey.waitUntil("the sign-in prompt shows its code", () -> journey.exists("#sso-user-code"));
        journey.waitUntil("the browser was asked to open", () -> !opened.isEmpty());
        return journey.onUi(() -> journey.<Label>lookup("#sso-user-code").getText());
    }

    /** What the user's click on Allow or Deny on the approval page sends. */
    private int decide(String code, String user, String decision) throws Exception {
        String form = "user_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&user=" + user
                + "&decision=" + decision;
        HttpRequest post = HttpRequest.newBuilder(URI.create(journey.sandbox().endpoint() + "/_sandbox/sso/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
