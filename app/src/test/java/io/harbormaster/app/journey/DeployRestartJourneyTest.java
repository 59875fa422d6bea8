package io.harbormaster.app.journey;

import static io.harbormaster.app.journey.DeployJourneys.deploys;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.EmbeddedSandbox;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.deploys.live.DeployRow;
import io.harbormaster.views.deploys.wizard.DeployWizardViewModel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the console mid-deploy loses nothing: a blue/green deploy waiting at a PAUSE hook is started, the console
 * closed and started again on the same data directory against the same (still running) AWS — here a sandbox the
 * test runs, as the operator's own AWS configuration — and on entering the environment the deploy is found in the
 * journal, followed again, shown on the Deploys page, continued and seen to its end.
 */
class DeployRestartJourneyTest {

    @TempDir
    static Path home;

    private static EmbeddedSandbox aws;

    @BeforeAll
    static void startAws() throws Exception {
        aws = EmbeddedSandbox.start(SandboxOptions.defaults().withServiceTime(Duration.ZERO), "alice",
                home.resolve("aws"));
        aws.sandbox().control().setCredentialExpiry(false);
        DeployJourneys.outsideClock = aws.sandbox().clock();
        System.setProperty("harbormaster.aws.config", aws.files().config().toString());
        System.setProperty("harbormaster.aws.credentials", aws.files().credentials().toString());
        try (LocalStore store = LocalStore.open(home.resolve("harbormaster.db"))) {
            aws.register(new SqliteEnvironmentRegistry(store));
        }
    }

    @AfterAll
    static void stopAws() {
        System.clearProperty("harbormaster.aws.config");
        System.clearProperty("harbormaster.aws.credentials");
        DeployJourneys.outsideClock = null;
        aws.close();
    }

    private static AppHarness startAndEnterDev() throws Exception {
        AppHarness harness = AppHarness.start(home);
        harness.enter("sandbox-dev");
        harness.waitUntil("dev is entered", () -> harness.app.window().viewModel().environmentBar().session()
                != null);
        DeployJourneys.setWindow(harness, 1280, 800);
        return harness;
    }

    @Test
    void aDeployRunningWhenTheConsoleClosedIsFollowedAgainAfterItStarts() throws Exception {
        AppHarness first = startAndEnterDev();
        String operation;
        try {
            DeployWizardViewModel wizard = DeployJourneys.openWizard(first, "app-web");
            first.robot.interact(() -> wizard.change().images().get(0).newImageProperty().set("8.0.0"));
            DeployJourneys.next(first, wizard);
            DeployJourneys.waitForRouting(first, wizard);
            first.robot.interact(() -> {
                wizard.strategy().strategyProperty().set(DeployStrategy.BLUE_GREEN);
                wizard.strategy().bakeProperty().set("1");
                wizard.strategy().pauses().add(LifecycleStage.POST_SCALE_UP);
            });
            DeployJourneys.next(first, wizard);
            first.waitUntil("the preview is in", () -> wizard.previewProperty().get() != null);
            DeployJourneys.next(first, wizard);
            DeployJourneys.press(first, "#deploy-submit");
            first.waitUntil("the wizard closes", () -> deploys(first).wizardProperty().get() == null);
            DeployRow paused = DeployJourneys.waitForDeploy(first, "the PAUSE hook waits", r -> r.progress() != null
                    && r.progress().deployment().awaitingHook().isPresent(), Duration.ofSeconds(120));
            operation = paused.operationId();
        } finally {
            first.close();
        }

        AppHarness second = startAndEnterDev();
        try {
            second.robot.clickOn("#nav-deploys");
            second.waitUntil("the open deploy is listed again", () -> deploys(second).rows().stream()
                    .anyMatch(r -> r.operationId().equals(operation)));
            second.robot.interact(() -> deploys(second).selectedProperty().set(operation));
            DeployRow resumed = DeployJourneys.waitForDeploy(second, "it is followed again and still paused",
                    r -> r.operationId().equals(operation) && r.following() && r.progress() != null
                            && r.progress().deployment().awaitingHook().isPresent(), Duration.ofSeconds(60));
            assertThat(resumed.startedBy()).contains("alice");
            second.screenshot("deploy-restart-01-followed-again-1280");
            second.waitUntil("Continue is offered", () -> deploys(second).live().continueBlockedProperty().get()
                    .isEmpty());
            DeployJourneys.press(second, "#deploy-continue");
            DeployRow done = DeployJourneys.waitForDeploy(second, "SUCCESSFUL",
                    DeployJourneys.status(DeploymentStatus.SUCCESSFUL), Duration.ofSeconds(150));
            assertThat(done.operationId()).isEqualTo(operation);
            second.screenshot("deploy-restart-02-successful-1280");
        } finally {
            second.close();
        }
    }
}
