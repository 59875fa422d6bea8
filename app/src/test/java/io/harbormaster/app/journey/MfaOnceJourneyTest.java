package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.views.allenv.AllEnvironmentsViewModel;
import java.util.Arrays;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two MFA-protected environments loaded at once (All environments): alice is asked for one code, not one per
 * environment, and that code opens both. The second environment is a second view of the sandbox's prod profile,
 * defined before start as an operator would have defined it.
 */
class MfaOnceJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().seeded(home -> {
        try (LocalStore store = LocalStore.open(home.resolve("sandbox.db"))) {
            new SqliteEnvironmentRegistry(store).save(EnvironmentBuilder.anEnvironment("sandbox-prod-2")
                    .displayName("prod (2nd view)").profile("sandbox-prod").login("sandbox-ops")
                    .account("444444444444").colour("#aa3333").production(true).order(9).build());
        }
    }));

    @Test
    void bothProdViewsLoadWithOneCode() throws Exception {
        journey.awaitOffered("sandbox-prod-2");
        journey.robot().clickOn("#nav-allenv");
        CheckBox prod = journey.lookup("#allenv-env-sandbox-prod");
        CheckBox prodAgain = journey.lookup("#allenv-env-sandbox-prod-2");
        journey.robot().interact(() -> {
            prod.setSelected(true);
            prodAgain.setSelected(true);
        });

        journey.robot().clickOn("#allenv-load");
        journey.waitUntil("the MFA prompt shows", () -> journey.exists("#mfa-code"));
        AllEnvironmentsViewModel all = journey.shell().page(AllEnvironmentsPage.class).viewModel();
        // Both loads are then past the point where either could ask: one waits in the prompt, the other for its code.
        journey.waitUntil("both loads wait for the ops login's one MFA code", () -> waitingForTheCode() == 2);
        assertThat(journey.onUi(() -> journey.robot().lookup("#mfa-code").queryAll())).as("one MFA prompt for both").hasSize(1);
        assertThat(all.loadingProperty().get()).as("both wait for it").isEqualTo(2);
        journey.screenshot("mfa-once-01-one-prompt");

        journey.answerMfa();
        journey.waitUntil("both prod views are loaded", () -> all.loadingProperty().get() == 0
                && all.rows().stream().map(r -> r.environment().id()).distinct().count() == 2);
        assertThat(journey.onUi(() -> journey.robot().lookup("#mfa-code").tryQuery())).as("not asked again").isEmpty();
        journey.screenshot("mfa-once-02-both-loaded");
    }

    /**
     * Background threads inside the ops login's MFA step ({@code OpsLogin.mfaSession}): the one asking for the code
     * and every one waiting for that same code.
     */
    private static long waitingForTheCode() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(frame -> frame.getClassName()
                        .equals("io.harbormaster.aws.session.OpsLogin") && frame.getMethodName().equals("mfaSession")))
                .count();
    }
}
