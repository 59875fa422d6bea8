package io.harbormaster.app.journey;

import static io.harbormaster.app.journey.DeployJourneys.deploys;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.deploy.RevisionSource;
import io.harbormaster.views.deploys.live.DeployRow;
import io.harbormaster.views.deploys.wizard.DeployWizardViewModel;
import io.harbormaster.views.deploys.wizard.ImageRow;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.DeployMarker;
import io.harbormaster.model.metrics.DeployMarkers;
import io.harbormaster.model.metrics.TimeWindow;
import io.harbormaster.views.deploys.DeploysPage;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.palette.PaletteEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys through the UI against the sandbox's dev (clock sped up): a rolling deploy of a new image to SUCCESSFUL,
 * watched live, marked on the service's dashboard and found in the history and the audit log; a rollback to the
 * previous revision as a new deploy; "will it fit" saying no, naming what is short, while still letting the deploy
 * go, and what the bigger tasks cost a month more; and "Deploy…" from the palette.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployJourneyTest {

    @RegisterExtension
    static final Journey harness = Journey.of(JourneyOptions.sandbox().speed(60).entering("sandbox-dev"));
    private static String previousImage;

    @BeforeAll
    static void keepCredentials() {
        harness.app().sandbox().orElseThrow().sandbox().control().setCredentialExpiry(false);
    }

    @Test
    @Order(1)
    void aRollingDeployOfANewImageToDevReachesSuccessful() throws Exception {
        DeployJourneys.setWindow(harness, 1280, 800);
        harness.awaitFleetLoaded();
        Service appWeb = harness.onUi(() -> harness.shell().page(io.harbormaster.views.services.ServicesPage.class)
                .viewModel().fleet().dataProperty().get().snapshot().services().stream()
                .filter(s -> s.name().equals("app-web")).findFirst().orElseThrow());
        new SandboxWrites(harness.home(), harness.app().sandbox().orElseThrow().sandbox()).putServiceAlarm("dev",
                "222222222222", appWeb.clusterName(), appWeb.name(), "dev-app-web-cpu-critical", "CPUUtilization", 90, 3);
        DeployWizardViewModel wizard = DeployJourneys.openWizard(harness, "app-web");
        ImageRow row = harness.copy(wizard.change().images()).get(0);
        previousImage = row.currentImage();
        harness.robot().interact(() -> row.newImageProperty().set("7.7.7"));
        DeployJourneys.shot(harness, "deploy-01-wizard-change-1280");
        DeployJourneys.next(harness, wizard);
        harness.robot().interact(() -> wizard.strategy().strategyProperty().set(DeployStrategy.ROLLING));
        // The team's alarm on app-web, read as the wizard opened: offered for the deploy to watch
        harness.waitUntil("app-web's own alarm is offered", () -> harness.lookup("#deploy-alarms-use-service")
                .isVisible());
        assertThat(harness.<Label>lookup("#deploy-alarms-note").getText())
                .isEqualTo("The service has 1 alarm of its own not watched here");
        harness.robot().clickOn("#deploy-alarms-use-service");
        harness.waitUntil("the alarm is in the field", () -> harness.<javafx.scene.control.TextField>lookup(
                "#deploy-alarms").getText().equals("dev-app-web-cpu-critical"));
        assertThat(harness.lookup("#deploy-alarms-use-service").isDisabled()).as("the offer is taken").isTrue();
        assertThat(harness.onUi(() -> wizard.strategy().settings().alarms()))
                .isEqualTo(new io.harbormaster.model.deploy.DeployAlarms(List.of("dev-app-web-cpu-critical"), true,
                        true));
        DeployJourneys.shot(harness, "deploy-02-wizard-strategy-1280");
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the preview and the fit check are in", () -> wizard.previewProperty().get() != null
                && wizard.fitProperty().get() != null);
        assertThat(wizard.previewProperty().get().diff().changesTaskDefinition()).isTrue();
        assertThat(wizard.previewProperty().get().newRevision().images().get(0)).endsWith(":7.7.7");
        assertThat(wizard.fitProperty().get().requested()).isGreaterThan(0);
        harness.waitUntil("the cost is in", () -> wizard.costProperty().get() != null);
        assertThat(wizard.costProperty().get().known()).as(wizard.costProperty().get().summary()).isTrue();
        assertThat(harness.<Label>lookup("#deploy-cost-summary").getText())
                .as("a new image of the same size costs the same").startsWith("No change a month (from $");
        DeployJourneys.shot(harness, "deploy-03-wizard-preview-1280");
        DeployJourneys.setWindow(harness, 1600, 1000);
        DeployJourneys.shot(harness, "deploy-03-wizard-preview-1600");
        DeployJourneys.setWindow(harness, 1600, 1000);
        DeployJourneys.shot(harness, "deploy-03-wizard-preview-1600");
        DeployJourneys.next(harness, wizard);
        DeployJourneys.shot(harness, "deploy-04-wizard-confirm-1600");
        DeployJourneys.setWindow(harness, 1600, 1000);
        DeployJourneys.shot(harness, "deploy-04-wizard-confirm-1600");
        harness.robot().interact(wizard::back);
        harness.robot().interact(wizard::back);
        DeployJourneys.shot(harness, "deploy-02-wizard-strategy-1600");
        harness.robot().interact(wizard::back);
        DeployJourneys.shot(harness, "deploy-01-wizard-change-1600");
        DeployJourneys.next(harness, wizard);
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the preview is in again", () -> wizard.previewProperty().get() != null);
        DeployJourneys.next(harness, wizard);
        DeployJourneys.setWindow(harness, 1600, 1000);
        Instant sent = sandboxClock().now();
        DeployJourneys.press(harness, "#deploy-submit");
        harness.waitUntil("the wizard closes once ECS took the deploy", () -> deploys(harness).wizardProperty().get()
                == null);
        harness.waitUntil("the fleet has the new deployment at once, not at the next periodic refresh",
                Duration.ofSeconds(10), () -> deployMarkers("app-web", sent).size() > 0);

        DeployRow done = DeployJourneys.waitForDeploy(harness, "ECS says SUCCESSFUL",
                DeployJourneys.status(DeploymentStatus.SUCCESSFUL), Duration.ofSeconds(150));
        assertThat(done.service().serviceName()).isEqualTo("app-web");
        assertThat(harness.<javafx.scene.control.Label>lookup("#deploy-live-status").getText())
                .startsWith("SUCCESSFUL");
        DeployJourneys.shot(harness, "deploy-05-live-successful-1600");
        DeployJourneys.setWindow(harness, 1600, 1000);
        DeployJourneys.shot(harness, "deploy-05-live-successful-1600");
        DeployJourneys.setWindow(harness, 1280, 800);
        DeployJourneys.shot(harness, "deploy-05-live-successful-1280");
        assertThat(harness.<Label>lookup("#deploy-live-title").getText()).as("the environment's display name")
                .startsWith("app-web in dev");

        harness.robot().clickOn("#nav-metrics");
        MetricsViewModel metrics = DeployJourneys.shell(harness).page(MetricsPage.class).viewModel();
        Service web = metrics.dashboard().services().stream().filter(s -> s.name().equals("app-web")).findFirst()
                .orElseThrow();
        javafx.scene.control.ComboBox<Service> picker = harness.lookup("#dashboard-service");
        harness.robot().interact(() -> picker.setValue(web));
        // The clock runs ×60: the deploy's ~50 s to SUCCESSFUL (minutes on a loaded CI machine) are an hour or more
        // of its time, and the Live range (the last hour) rightly leaves a deploy older than that out. 6 h covers
        // six real minutes since the deploy was sent, more than this step's waits add up to.
        harness.robot().clickOn("#tab-dashboard");
        harness.robot().clickOn("#range-6h");
        assertThat(Duration.between(sent, sandboxClock().now())).as("the 6 h range covers the deploy")
                .isLessThan(Duration.ofHours(6));
        harness.waitUntil("the dashboard marks the deploy", () -> metrics.dashboard().markersProperty().get()
                .stream().anyMatch(m -> m.kind() == DeployMarker.Kind.DEPLOYMENT_STARTED && !m.at().isBefore(sent)));
        DeployJourneys.shot(harness, "deploy-05-dashboard-marker-1280");
        harness.robot().clickOn("#nav-deploys");

        TabPane tabs = harness.lookup("#deploys-tabs");
        harness.robot().interact(() -> tabs.getSelectionModel().select(1));
        harness.waitUntil("the history lists the deploy, started from here", () -> deploys(harness).history()
                .entries().stream().anyMatch(e -> e.fromThisConsole()
                        && e.deployment().status() == DeploymentStatus.SUCCESSFUL));
        TableView<?> historyTable = harness.lookup("#deploy-history-table");
        assertThat(harness.onUi(() -> (String) historyTable.getColumns().get(2).getCellData(0)))
                .as("Took, for a finished deploy")
                .isNotEqualTo("running").matches("\\d+ (s|min \\d+ s|h \\d+ min)");
        harness.robot().interact(() -> deploys(harness).history().selectedProperty().set(
                deploys(harness).history().entries().get(0)));
        harness.waitUntil("its diff shows the new image", () -> deploys(harness).history().diffProperty().get()
                .contains(":7.7.7"));
        DeployJourneys.shot(harness, "deploy-06-history-1280");
        harness.robot().interact(() -> tabs.getSelectionModel().select(2));
        harness.waitUntil("the audit log has the UpdateService", () -> deploys(harness).history().audit().stream()
                .anyMatch(e -> e.record().summary().startsWith("UpdateService app-web")));
        DeployJourneys.shot(harness, "deploy-07-audit-log-1280");
        harness.robot().interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    @Order(2)
    void rollingBackToThePreviousRevisionIsANewDeployPreviewedLikeAny() throws Exception {
        harness.robot().clickOn("#nav-deploys");
        harness.waitUntil("roll back to the previous revision is offered",
                () -> deploys(harness).live().rollBackToBlockedProperty().get().isEmpty());
        DeployJourneys.press(harness, "#deploy-rollback-to");
        harness.waitUntil("the wizard opens with the earlier revision", () -> deploys(harness).wizardProperty()
                .get() != null && deploys(harness).wizardProperty().get().stateProperty().get()
                == DeployWizardViewModel.State.EDITING);
        DeployWizardViewModel wizard = deploys(harness).wizardProperty().get();
        assertThat(wizard.change().revisionProperty().get()).isNotBlank();
        DeployJourneys.toPreview(harness, wizard);
        assertThat(wizard.previewProperty().get().request().revision()).isInstanceOf(RevisionSource.Existing.class);
        assertThat(wizard.previewProperty().get().newRevision().images().get(0)).isEqualTo(previousImage);
        DeployJourneys.shot(harness, "deploy-08-rollback-preview-1280");
        DeployJourneys.next(harness, wizard);
        DeployJourneys.press(harness, "#deploy-submit");
        harness.waitUntil("the wizard closes", () -> deploys(harness).wizardProperty().get() == null);
        DeployRow done = DeployJourneys.waitForDeploy(harness, "the rollback deploy is SUCCESSFUL",
                r -> r.progress() != null && r.progress().deployment().status() == DeploymentStatus.SUCCESSFUL
                        && r.progress().deployment().target() != null
                        && !r.operationId().isEmpty(), Duration.ofSeconds(150));
        assertThat(done.service().serviceName()).isEqualTo("app-web");

        TabPane tabs = harness.lookup("#deploys-tabs");
        harness.robot().interact(() -> tabs.getSelectionModel().select(1));
        harness.waitUntil("the history has the deploys of this run and the one before them", () -> deploys(harness)
                .history().entries().size() >= 3);
        var entries = harness.copy(deploys(harness).history().entries());
        var oldest = entries.get(entries.size() - 1);
        harness.robot().interact(() -> deploys(harness).history().selectedProperty().set(oldest));
        harness.waitUntil("Deploy this revision again… is offered", () -> !harness.lookup("#deploy-history-redeploy")
                .isDisabled());
        DeployJourneys.press(harness, "#deploy-history-redeploy");
        harness.waitUntil("the wizard opens with that revision chosen", () -> deploys(harness).wizardProperty()
                .get() != null && deploys(harness).wizardProperty().get().stateProperty().get()
                == DeployWizardViewModel.State.EDITING);
        assertThat(deploys(harness).wizardProperty().get().change().revisionProperty().get()).isNotBlank();
        DeployJourneys.shot(harness, "deploy-08b-history-redeploy-1280");
        DeployJourneys.press(harness, "#deploy-cancel");
        harness.waitUntil("the wizard is closed", () -> deploys(harness).wizardProperty().get() == null);
        harness.robot().interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    @Order(3)
    void willItFitSaysNoNamesWhatIsShortAndStillAllowsTheDeploy() throws Exception {
        DeployWizardViewModel wizard = DeployJourneys.openWizard(harness, "app-worker");
        harness.robot().interact(() -> {
            wizard.change().images().get(0).newImageProperty().set("7.7.8");
            wizard.change().memoryProperty().set("16384");
            wizard.change().cpuProperty().set("4096");
        });
        DeployJourneys.next(harness, wizard);
        harness.robot().interact(() -> {
            wizard.strategy().strategyProperty().set(DeployStrategy.ROLLING);
            wizard.strategy().maximumProperty().set("200");
        });
        DeployJourneys.next(harness, wizard);
        harness.waitUntil("the fit check is in", () -> wizard.fitProperty().get() != null
                || !wizard.problemProperty().get().isEmpty() && !wizard.problemProperty().get().startsWith("Working"));
        assertThat(wizard.problemProperty().get()).isEmpty();
        var fit = wizard.fitProperty().get();
        assertThat(fit.fits()).isFalse();
        assertThat(fit.summary()).contains("fit");
        assertThat(fit.blockedHosts()).isNotEmpty();
        assertThat(harness.exists("#deploy-fit-warning")).isTrue();
        harness.waitUntil("the cost is in", () -> wizard.costProperty().get() != null);
        assertThat(wizard.costProperty().get().deltaUsdPerMonth()).as("bigger tasks cost more").isPositive();
        assertThat(harness.<Label>lookup("#deploy-cost-summary").getText()).startsWith("+$");
        DeployJourneys.shot(harness, "deploy-09-fit-says-no-1280");
        DeployJourneys.next(harness, wizard);
        assertThat(wizard.canDeployProperty().get()).as("the deploy is still allowed").isTrue();
        assertThat(harness.lookup("#deploy-submit").isDisabled()).isFalse();
        DeployJourneys.press(harness, "#deploy-cancel");
        harness.waitUntil("the wizard is closed", () -> deploys(harness).wizardProperty().get() == null);
    }

    @Test
    @Order(4)
    void deployFromAServicesDetailAndFromThePaletteWhichAsksForTheServiceFirst() throws Exception {
        harness.robot().clickOn("#nav-services");
        harness.filterAndSelect("app-web");
        harness.waitUntil("app-web's detail shows", () -> harness.exists("#service-detail-deploy")
                && !harness.lookup("#service-detail-deploy").isDisabled());
        DeployJourneys.press(harness, "#service-detail-deploy");
        harness.waitUntil("the wizard opens for app-web", () -> deploys(harness).wizardProperty().get() != null
                && deploys(harness).wizardProperty().get().service().serviceName().equals("app-web"));
        DeployJourneys.press(harness, "#deploy-cancel");
        harness.waitUntil("the wizard is closed", () -> deploys(harness).wizardProperty().get() == null);

        harness.robot().clickOn("#nav-clusters");
        PaletteEntry entry = DeployJourneys.paletteDeploy(harness);
        assertThat(entry.unavailable()).isFalse();
        assertThat(entry.detail()).as("the shortcut").isEqualTo(DeploysPage.DEPLOY.key().getDisplayText());
        DeployJourneys.shot(harness, "deploy-11-palette-1280");
        harness.robot().type(KeyCode.ENTER);
        harness.waitUntil("the Deploys page asks for the service", () -> DeployJourneys.shell(harness).pageProperty()
                .get().equals(DeploysPage.ID) && deploys(harness).choosingProperty().get()
                && harness.lookup("#deploys-choose-hint").isVisible());
        javafx.scene.control.ComboBox<ServiceRef> chooser = harness.lookup("#deploys-service");
        harness.waitUntil("the list of services is open", chooser::isShowing);
        DeployJourneys.shot(harness, "deploy-12-palette-choose-1280");
        ServiceRef worker = harness.copy(chooser.getItems()).stream().filter(s -> s.serviceName().equals("app-worker"))
                .findFirst().orElseThrow();
        harness.robot().interact(() -> chooser.getSelectionModel().select(worker));
        harness.waitUntil("the wizard opens for app-worker", () -> deploys(harness).wizardProperty().get() != null
                && deploys(harness).wizardProperty().get().service().equals(worker));
        DeployJourneys.press(harness, "#deploy-cancel");
        harness.waitUntil("the wizard is closed", () -> deploys(harness).wizardProperty().get() == null);
    }

    @Test
    @Order(5)
    void rollBackNowStopsABlueGreenDeployInItsBakeAndEcsRollsBack() throws Exception {
        DeployJourneys.deployBlueGreen(harness, "app-web", "7.7.9", "60", strategy -> { });

        DeployJourneys.waitForDeploy(harness, "it bakes", r -> r.progress() != null
                && r.progress().deployment().lifecycleStage() == LifecycleStage.BAKE_TIME, Duration.ofSeconds(120));
        harness.waitUntil("Roll back now is offered", () -> deploys(harness).live().rollbackBlockedProperty().get()
                .isEmpty());
        DeployJourneys.press(harness, "#deploy-rollback-now");
        DeployRow back = DeployJourneys.waitForDeploy(harness, "ECS rolled back",
                DeployJourneys.status(DeploymentStatus.ROLLBACK_SUCCESSFUL), Duration.ofSeconds(150));
        assertThat(back.progress().deployment().strategy()).isEqualTo(DeployStrategy.BLUE_GREEN);
        harness.waitUntil("the live view says so", () -> harness.<Label>lookup("#deploy-live-status").getText()
                .startsWith("ROLLBACK_SUCCESSFUL"));
        assertThat(deploys(harness).live().rollbackBlockedProperty().get()).as("it ended")
                .startsWith("It ended ROLLBACK_SUCCESSFUL");
        // ECS may name CLEAN_UP last: the stages read where it turned back, and nothing after it as passed
        java.util.List<String> stages = harness.onUi(() -> harness.<javafx.scene.layout.FlowPane>lookup(
                "#deploy-live-stages").getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertThat(stages).contains("✓ SCALE_UP", "↩ BAKE_TIME", "CLEAN_UP");
        DeployJourneys.shot(harness, "deploy-13-rolled-back-now-1280");
    }

    private static io.harbormaster.sandbox.SandboxClock sandboxClock() {
        return harness.app().sandbox().orElseThrow().sandbox().clock();
    }

    /** The deploy markers of a service in the fleet shown now, from {@code since} on. */
    private static java.util.List<DeployMarker> deployMarkers(String service, Instant since) {
        var data = DeployJourneys.shell(harness).fleet().data();
        if (data == null) {
            return java.util.List.of();
        }
        return data.snapshot().services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> DeployMarkers.of(s, new TimeWindow(since, sandboxClock().now().plusSeconds(1))).stream()
                        .filter(m -> m.kind() == DeployMarker.Kind.DEPLOYMENT_STARTED).toList())
                .orElse(java.util.List.of());
    }
}
