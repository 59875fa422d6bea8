package io.harbormaster.app.journey;

import static io.harbormaster.app.journey.DeployJourneys.deploys;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.deploys.live.DeployRow;
import io.harbormaster.views.deploys.wizard.DeployWizardViewModel;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys in the sandbox's prod through the UI (the sandbox's clock moved on by hand while a deploy runs):
 * blue/green with the name typed, watched through its bake time; a canary whose faulty image rolls back with the
 * evidence shown; a PAUSE hook continued from the console; stage's image promoted to prod.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployProdJourneyTest {

    @RegisterExtension
    static final Journey harness = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    @BeforeAll
    static void keepCredentialsAndSize() {
        harness.app().sandbox().orElseThrow().sandbox().control().setCredentialExpiry(false);
        DeployJourneys.setWindow(harness, 1280, 800);
    }

    @Test
    @Order(1)
    void aBlueGreenDeployInProdNeedsTheNameTypedAndIsWatchedThroughItsBakeTime() throws Exception {
        DeployWizardViewModel wizard = DeployJourneys.openWizard(harness, "api-docs");
        harness.robot().interact(() -> wizard.change().images().get(0).newImageProperty().set("5.1.0"));
        DeployJourneys.next(harness, wizard);
        DeployJourneys.waitForRouting(harness, wizard);
        harness.robot().interact(() -> {
            wizard.strategy().strategyProperty().set(DeployStrategy.BLUE_GREEN);
            wizard.strategy().bakeProperty().set("10");
        });
        DeployJourneys.shot(harness, "deploy-prod-01-blue-green-strategy-1280");
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the preview is in", () -> wizard.previewProperty().get() != null
                && wizard.fitProperty().get() != null);
        assertThat(wizard.previewProperty().get().timeline().steps()).anyMatch(s -> s.stage()
                == LifecycleStage.BAKE_TIME);
        DeployJourneys.shot(harness, "deploy-prod-02-blue-green-preview-1280");
        DeployJourneys.next(harness, wizard);
        DeployJourneys.press(harness, "#deploy-submit");
        DeployJourneys.typeName(harness, "api-docs");
        harness.waitUntil("the wizard closes", () -> deploys(harness).wizardProperty().get() == null);

        DeployJourneys.waitForDeploy(harness, "it bakes", r -> r.progress() != null
                && r.progress().deployment().lifecycleStage() == LifecycleStage.BAKE_TIME, Duration.ofSeconds(120));
        DeployJourneys.shot(harness, "deploy-prod-03-blue-green-baking-1280");
        DeployRow done = DeployJourneys.waitForDeploy(harness, "SUCCESSFUL",
                DeployJourneys.status(DeploymentStatus.SUCCESSFUL), Duration.ofSeconds(150));
        assertThat(done.progress().deployment().strategy()).isEqualTo(DeployStrategy.BLUE_GREEN);
        assertThat(done.progress().deployment().target().productionTrafficPercent()).isEqualTo(100.0);
        DeployJourneys.shot(harness, "deploy-prod-04-blue-green-successful-1280");
    }

    @Test
    @Order(2)
    void aCanaryWithAFaultyImageRollsBackAndShowsTheEvidence() throws Exception {
        DeployWizardViewModel wizard = DeployJourneys.openWizard(harness, "status-page");
        harness.robot().interact(() -> wizard.change().images().get(0).newImageProperty().set("9.0.0-faulty"));
        DeployJourneys.next(harness, wizard);
        DeployJourneys.waitForRouting(harness, wizard);
        harness.robot().interact(() -> {
            wizard.strategy().strategyProperty().set(DeployStrategy.CANARY);
            wizard.strategy().canaryPercentProperty().set("10");
            wizard.strategy().canaryBakeProperty().set("3");
            wizard.strategy().bakeProperty().set("2");
            wizard.strategy().breakerProperty().set(true);
            wizard.strategy().breakerRollbackProperty().set(true);
        });
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the preview is in", () -> wizard.previewProperty().get() != null);
        DeployJourneys.next(harness, wizard);
        DeployJourneys.press(harness, "#deploy-submit");
        DeployJourneys.typeName(harness, "status-page");
        harness.waitUntil("the wizard closes", () -> deploys(harness).wizardProperty().get() == null);

        DeployRow done = DeployJourneys.waitForDeploy(harness, "ECS rolled it back",
                r -> r.progress() != null && r.progress().terminal(), Duration.ofSeconds(180));
        assertThat(done.progress().deployment().status()).isEqualTo(DeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(done.progress().failureEvidence()).isNotEmpty();
        harness.waitUntil("the evidence shows", () -> harness.exists("#deploy-live-evidence"));
        DeployJourneys.shot(harness, "deploy-prod-05-canary-rolled-back-1280");
    }

    @Test
    @Order(3)
    void aPauseHookIsContinuedFromTheConsole() throws Exception {
        DeployWizardViewModel wizard = DeployJourneys.openWizard(harness, "feature-flags");
        harness.robot().interact(() -> wizard.change().images().get(0).newImageProperty().set("4.1.0"));
        DeployJourneys.next(harness, wizard);
        DeployJourneys.waitForRouting(harness, wizard);
        harness.robot().interact(() -> {
            wizard.strategy().strategyProperty().set(DeployStrategy.BLUE_GREEN);
            wizard.strategy().bakeProperty().set("1");
            wizard.strategy().pauses().add(LifecycleStage.POST_SCALE_UP);
        });
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the preview is in", () -> wizard.previewProperty().get() != null);
        assertThat(wizard.previewProperty().get().timeline().pauses()).isEqualTo(1);
        DeployJourneys.next(harness, wizard);
        DeployJourneys.press(harness, "#deploy-submit");
        DeployJourneys.typeName(harness, "feature-flags");
        harness.waitUntil("the wizard closes", () -> deploys(harness).wizardProperty().get() == null);

        DeployJourneys.waitForDeploy(harness, "the PAUSE hook waits", r -> r.progress() != null
                && r.progress().deployment().awaitingHook().isPresent(), Duration.ofSeconds(120));
        harness.waitUntil("Continue is offered", () -> deploys(harness).live().continueBlockedProperty().get()
                .isEmpty());
        DeployJourneys.shot(harness, "deploy-prod-06-paused-1280");
        DeployJourneys.press(harness, "#deploy-continue");
        DeployJourneys.typeName(harness, "feature-flags");
        DeployRow done = DeployJourneys.waitForDeploy(harness, "SUCCESSFUL after continuing",
                DeployJourneys.status(DeploymentStatus.SUCCESSFUL), Duration.ofSeconds(150));
        assertThat(done.service().serviceName()).isEqualTo("feature-flags");
    }

    @Test
    @Order(4)
    void stagesImageIsPromotedToProd() throws Exception {
        DeployWizardViewModel wizard = DeployJourneys.openWizard(harness, "api-green");
        String before = harness.copy(wizard.change().images()).get(0).currentImage();
        Environment stage = harness.copy(wizard.promote().candidates()).stream()
                .filter(e -> e.id().equals("sandbox-stage")).findFirst().orElseThrow();
        harness.robot().interact(() -> wizard.promote().sourceProperty().set(stage));
        DeployJourneys.press(harness, "#deploy-promote");
        harness.waitUntil("stage's images are taken", () -> wizard.promote().statusProperty().get()
                .startsWith("Images of") || harness.exists("#mfa-code"));
        if (harness.exists("#mfa-code")) {
            harness.answerMfa();
            harness.waitUntil("stage's images are taken", () -> wizard.promote().statusProperty().get()
                    .startsWith("Images of"));
        }
        assertThat(wizard.promote().statusProperty().get()).contains("is newer");
        assertThat(harness.onUi(() -> wizard.change().images().get(0).newImageProperty().get())).isNotEqualTo(before)
                .endsWith("1.44.0-rc.1");
        DeployJourneys.shot(harness, "deploy-prod-07-promote-from-stage-1280");
        DeployJourneys.next(harness, wizard);
        harness.robot().interact(() -> wizard.strategy().strategyProperty().set(DeployStrategy.ROLLING));
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the preview is in", () -> wizard.previewProperty().get() != null);
        assertThat(wizard.previewProperty().get().newRevision().images().get(0)).endsWith("1.44.0-rc.1");
        DeployJourneys.next(harness, wizard);
        DeployJourneys.press(harness, "#deploy-submit");
        DeployJourneys.typeName(harness, "api-green");
        harness.waitUntil("the wizard closes", () -> deploys(harness).wizardProperty().get() == null);
        DeployJourneys.waitForDeploy(harness, "the promotion deploys", r -> r.progress() != null
                && r.service().serviceName().equals("api-green"), Duration.ofSeconds(60));
    }
}
