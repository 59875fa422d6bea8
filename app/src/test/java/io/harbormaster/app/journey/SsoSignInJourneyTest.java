package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.HarbormasterApp;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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
        journey.waitUntil("the sign-in's time shows beside the role session's",
                () -> journey.<Label>lookup("#env-left-" + PROD_READ_ONLY).getText()
                        .matches(".+ · SSO (\\d+h \\d\\dm|\\d+ min)"));

        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();
        journey.filterAndSelect(journey.onUi(() -> services.rows().get(0).name()));
        journey.waitUntil("a service is selected", () -> services.detailProperty().get() != null);
        Node scale = journey.lookup("#scale-service");
        assertThat(scale.isDisabled()).isTrue();
        Node holder = journey.lookup("#scale-service-holder");
        Tooltip tooltip = (Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip.getText()).startsWith("Scale service… is not available:\nprod (SSO read-only) is read-only:"
                + " role AWSReservedSSO_ReadOnlyAccess_").endsWith(" cannot change anything");
        journey.screenshot("sso-02-prod-read-only");
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
