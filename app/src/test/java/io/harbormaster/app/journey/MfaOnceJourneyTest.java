package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.views.allenv.AllEnvironmentsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two MFA-protected environments loaded at once (All environments): alice is asked for one code, not one per
 * environment, and that code opens both. The second environment is a second view of the sandbox's prod profile,
 * defined before start as an operator would have defined it.
 */
class MfaOnceJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        Files.createDirectories(home);
        try (LocalStore store = LocalStore.open(home.resolve("sandbox.db"))) {
            new SqliteEnvironmentRegistry(store).save(new Environment("sandbox-prod-2", "prod (2nd view)",
                    "sandbox-prod", "sandbox-ops", "444444444444", "", List.of("us-east-1"), "#aa3333", true, false,
                    9));
        }
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    @Test
    void bothProdViewsLoadWithOneCode() throws Exception {
        harness.waitUntil("the environment bar is filled", () -> harness.exists("#env-sandbox-prod-2"));
        harness.robot.clickOn("#nav-allenv");
        CheckBox prod = harness.lookup("#allenv-env-sandbox-prod");
        CheckBox prodAgain = harness.lookup("#allenv-env-sandbox-prod-2");
        harness.robot.interact(() -> {
            prod.setSelected(true);
            prodAgain.setSelected(true);
        });

        harness.robot.clickOn("#allenv-load");
        harness.waitUntil("the MFA prompt shows", () -> harness.exists("#mfa-code"));
        AllEnvironmentsViewModel all = harness.app.window().viewModel().page(AllEnvironmentsPage.class).viewModel();
        // Give the second load time to ask too, were it going to.
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(harness.robot.lookup("#mfa-code").queryAll()).as("one MFA prompt for both").hasSize(1);
        assertThat(all.loadingProperty().get()).as("both wait for it").isEqualTo(2);
        harness.screenshot("mfa-once-01-one-prompt");

        FleetJourneys.answerMfa(harness);
        harness.waitUntil("both prod views are loaded", () -> all.loadingProperty().get() == 0
                && all.rows().stream().map(r -> r.environment().id()).distinct().count() == 2);
        assertThat(harness.robot.lookup("#mfa-code").tryQuery()).as("not asked again").isEmpty();
        harness.screenshot("mfa-once-02-both-loaded");
    }
}
