package io.harbormaster.app.journey;

import static io.harbormaster.app.journey.DeployJourneys.deploys;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.EmbeddedSandbox;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.deploys.live.DeployRow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the console mid-deploy loses nothing: a blue/green deploy waiting at a PAUSE hook is started, the console
 * closed and started again on the same data directory against the same (still running) AWS — here a sandbox the
 * test runs, as the operator's own AWS configuration — and on entering the environment the deploy is found in the
 * journal, followed again, shown on the Deploys page, continued and seen to its end.
 */
class DeployRestartJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.startedByTest();

    @TempDir
    static Path awsDir;

    private static EmbeddedSandbox aws;

    @BeforeAll
    static void startAws() {
        aws = EmbeddedSandbox.start(SandboxOptions.defaults().withServiceTime(Duration.ZERO).withBusinessDay(false), "alice",
                awsDir);
        aws.sandbox().control().setCredentialExpiry(false);
        DeployJourneys.outsideClock = aws.sandbox().clock();
    }

    @AfterAll
    static void stopAws() {
        DeployJourneys.outsideClock = null;
        aws.close();
        aws = null; // the class stays loaded for the rest of the test JVM
    }

    private static JourneyOptions ownAws() {
        return JourneyOptions.ownAws(aws.files().config(), aws.files().credentials()).entering("sandbox-dev");
    }

    @Test
    void aDeployRunningWhenTheConsoleClosedIsFollowedAgainAfterItStarts() throws Exception {
        try (LocalStore store = LocalStore.open(journey.home().resolve("harbormaster.db"))) {
            aws.register(new SqliteEnvironmentRegistry(store));
        }
        journey.start(ownAws());
        DeployJourneys.setWindow(journey, 1280, 800);
        Journey first = journey;
        String operation;
        {
            DeployJourneys.deployBlueGreen(first, "app-web", "8.0.0", "1",
                    strategy -> strategy.pauses().add(LifecycleStage.POST_SCALE_UP));
            DeployRow paused = DeployJourneys.waitForDeploy(first, "the PAUSE hook waits", r -> r.progress() != null
                    && r.progress().deployment().awaitingHook().isPresent(), Duration.ofSeconds(120));
            operation = paused.operationId();
        }

        journey.restart(ownAws());
        DeployJourneys.setWindow(journey, 1280, 800);
        Journey second = journey;
        {
            second.waitUntil("the restart notice says the deploy left open was taken up again", () -> {
                var lines = second.shell().restartNotice().lines();
                return lines.size() == 1 && lines.get(0).text().contains("Read back: under way");
            });
            Label told = second.lookup("#restart-notice-line-0");
            assertThat(second.onUi(told::getText)).startsWith("Deploy of app-web to ").contains("asked by alice at ")
                    .contains("was cut short when the console stopped")
                    .endsWith("Open Deploys to follow it, or to roll back.");
            second.robot().clickOn("#restart-notice-open-0");
            TextArea entry = second.lookup("#restart-notice-journal-0");
            assertThat(second.onUi(entry::isVisible)).isTrue();
            assertThat(second.onUi(() -> entry.getText())).contains(operation).contains("INTENT").contains("Following");
            DeployJourneys.shot(second, "deploy-restart-00-notice-1280");
            second.robot().clickOn("#restart-notice-dismiss");
            assertThat(second.onUi(() -> second.lookup("#restart-notice").isVisible())).isFalse();
            second.robot().clickOn("#nav-deploys");
            second.waitUntil("the open deploy is listed again", () -> deploys(second).rows().stream()
                    .anyMatch(r -> r.operationId().equals(operation)));
            second.robot().interact(() -> deploys(second).selectedProperty().set(operation));
            DeployRow resumed = DeployJourneys.waitForDeploy(second, "it is followed again and still paused",
                    r -> r.operationId().equals(operation) && r.following() && r.progress() != null
                            && r.progress().deployment().awaitingHook().isPresent(), Duration.ofSeconds(60));
            assertThat(resumed.startedBy()).contains("alice");
            DeployJourneys.shot(second, "deploy-restart-01-followed-again-1280");
            second.waitUntil("Continue is offered", () -> deploys(second).live().continueBlockedProperty().get()
                    .isEmpty());
            DeployJourneys.press(second, "#deploy-continue");
            DeployRow done = DeployJourneys.waitForDeploy(second, "SUCCESSFUL",
                    DeployJourneys.status(DeploymentStatus.SUCCESSFUL), Duration.ofSeconds(150));
            assertThat(done.operationId()).isEqualTo(operation);
            DeployJourneys.shot(second, "deploy-restart-02-successful-1280");
        }
    }
}
