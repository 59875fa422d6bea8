package io.harbormaster.app.journey;

import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.views.deploys.DeploysPage;
import io.harbormaster.views.deploys.DeploysViewModel;
import io.harbormaster.views.deploys.live.DeployRow;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.views.deploys.wizard.DeployWizardViewModel;
import io.harbormaster.views.deploys.wizard.StrategyStep;
import io.harbormaster.views.palette.PaletteEntry;
import io.harbormaster.views.palette.PaletteViewModel;
import javafx.scene.input.KeyCode;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.testfx.util.WaitForAsyncUtils;

/** Steps the deploy journeys share: open the wizard from Services, walk its pages, wait for ECS's outcome. */
final class DeployJourneys {

    /** The clock of a sandbox the test runs itself (the console sees it as the operator's own AWS). */
    static io.harbormaster.sandbox.SandboxClock outsideClock;

    private DeployJourneys() {
    }

    static ShellViewModel shell(Journey harness) {
        return harness.app().window().viewModel();
    }

    static DeploysViewModel deploys(Journey harness) {
        return shell(harness).page(DeploysPage.class).viewModel();
    }

    /** Services page, the service selected, "Deploy…": the wizard open on the Deploys page, the service read. */
    static DeployWizardViewModel openWizard(Journey harness, String service) {
        harness.robot().clickOn("#nav-services");
        ServicesViewModel services = shell(harness).page(ServicesPage.class).viewModel();
        FleetViewModel fleet = services.fleet();
        harness.waitUntil("the services are loaded", () -> fleet.stateProperty().get() == FleetViewModel.State.LOADED
                && !services.rows().isEmpty());
        harness.filterAndSelect(service);
        harness.waitUntil(service + " is selected", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals(service));
        harness.waitUntil("Deploy… is enabled", () -> !harness.lookup("#deploy-service").isDisabled());
        press(harness, "#deploy-service");
        harness.waitUntil("the wizard is open", () -> deploys(harness).wizardProperty().get() != null
                && harness.exists("#deploy-wizard"));
        DeployWizardViewModel wizard = deploys(harness).wizardProperty().get();
        harness.waitUntil("the service is read", () -> wizard.stateProperty().get()
                == DeployWizardViewModel.State.EDITING);
        return wizard;
    }

    /**
     * Ctrl+K, "deploy": waits until the palette offers the declared "Deploy…" action and moves the choice onto it
     * with the arrow keys; the entry as offered (its detail is the shortcut, or why it is not available).
     */
    static PaletteEntry paletteDeploy(Journey harness) {
        PaletteViewModel palette = shell(harness).palette();
        harness.robot().press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        harness.waitUntil("the palette shows", () -> palette.showingProperty().get()
                && harness.lookup("#palette-search").isFocused());
        harness.robot().write("deploy");
        harness.waitUntil("the palette offers Deploy…", () -> palette.results().stream()
                .anyMatch(e -> e.kind() == PaletteEntry.Kind.ACTION && e.arn().equals(DeploysPage.DEPLOY.id())));
        javafx.scene.control.ListView<PaletteEntry> list = harness.lookup("#palette-results");
        List<PaletteEntry> results = harness.copy(palette.results());
        PaletteEntry entry = results.stream().filter(e -> e.arn().equals(DeploysPage.DEPLOY.id()))
                .findFirst().orElseThrow();
        for (int i = 0; i < results.size() && !entry.equals(harness.onUi(list.getSelectionModel()::getSelectedItem));
                i++) {
            harness.robot().type(KeyCode.DOWN);
        }
        harness.waitUntil("Deploy… is the palette's choice", () -> entry.equals(list.getSelectionModel()
                .getSelectedItem()));
        return entry;
    }

    /**
     * Deploy… on the service, a new image tag, blue/green with this bake (and whatever {@code more} sets on the
     * Strategy page), through the preview to Deploy; returns once ECS took it (no typed name: not production).
     */
    static void deployBlueGreen(Journey harness, String service, String tag, String bakeMinutes,
                                java.util.function.Consumer<StrategyStep> more) {
        DeployWizardViewModel wizard = openWizard(harness, service);
        harness.robot().interact(() -> wizard.change().images().get(0).newImageProperty().set(tag));
        next(harness, wizard);
        waitForRouting(harness, wizard);
        harness.robot().interact(() -> {
            wizard.strategy().strategyProperty().set(DeployStrategy.BLUE_GREEN);
            wizard.strategy().bakeProperty().set(bakeMinutes);
            more.accept(wizard.strategy());
        });
        next(harness, wizard);
        harness.waitUntil("the preview is in", () -> wizard.previewProperty().get() != null);
        next(harness, wizard);
        press(harness, "#deploy-submit");
        harness.waitUntil("the wizard closes", () -> deploys(harness).wizardProperty().get() == null);
    }

    static java.nio.file.Path shot(Journey harness, String name) throws Exception {
        java.nio.file.Path[] png = new java.nio.file.Path[1];
        WaitForAsyncUtils.asyncFx(() -> {
            png[0] = Screenshots.save(harness.app().window().scene(), name);
            return null;
        }).get(20, TimeUnit.SECONDS);
        return png[0];
    }

    static void next(Journey harness, DeployWizardViewModel wizard) {
        harness.waitUntil("Next is enabled (" + wizard.problemProperty().get() + ")",
                () -> wizard.canNextProperty().get());
        press(harness, "#deploy-next");
    }

    /**
     * Fires a button without waiting for what it does: "Deploy…" in production opens the typed-name guard, which
     * waits in a nested event loop.
     */
    static void press(Journey harness, String id) {
        javafx.scene.control.Button button = harness.lookup(id);
        io.harbormaster.views.concurrent.UiThread.later(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Next until the preview with its fit check is there. */
    static void toPreview(Journey harness, DeployWizardViewModel wizard) {
        next(harness, wizard);
        next(harness, wizard);
        harness.waitUntil("the preview and the fit check are in", () -> wizard.previewProperty().get() != null
                && !wizard.fitStatusProperty().get().startsWith("Checking"));
    }

    /** Answers production's typed-name guard with the service's name. */
    static void typeName(Journey harness, String name) {
        harness.waitUntil("the typed-name guard shows", () -> harness.exists("#confirm-typing-dialog"));
        javafx.scene.control.TextField field = harness.lookup("#confirm-typing-field");
        harness.robot().interact(() -> field.setText(name));
        press(harness, "#confirm-typing-submit");
        harness.waitUntil("the guard is answered", () -> !harness.exists("#confirm-typing-dialog"));
    }

    /** Waits until the Strategy page has the blue/green routing found for the service. */
    static void waitForRouting(Journey harness, DeployWizardViewModel wizard) {
        harness.waitUntil("the alternate target group is found", () -> !wizard.strategy()
                .alternateTargetGroupProperty().get().isBlank());
    }

    static void setWindow(Journey harness, double width, double height) {
        harness.robot().interact(() -> {
            javafx.stage.Window w = harness.app().window().scene().getWindow();
            w.setWidth(width);
            w.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits for the deploy shown to satisfy {@code done}, moving the sandbox's clock on meanwhile (bake times pass in
     * seconds); the follower looks every 5 s of real time.
     */
    static DeployRow waitForDeploy(Journey harness, String what, Predicate<DeployRow> done, Duration limit)
            throws Exception {
        io.harbormaster.sandbox.SandboxClock clock = harness.app().sandbox().map(s -> s.sandbox().clock())
                .orElse(outsideClock);
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Optional<DeployRow> row = WaitForAsyncUtils.asyncFx(() -> Optional.ofNullable(
                    deploys(harness).live().rowProperty().get())).get(5, TimeUnit.SECONDS);
            if (row.isPresent() && done.test(row.get())) {
                WaitForAsyncUtils.waitForFxEvents();
                return row.get();
            }
            clock.advance(Duration.ofSeconds(10));
            Thread.sleep(500);
        }
        throw new AssertionError("Timed out waiting until " + what + "; last: " + WaitForAsyncUtils.asyncFx(() ->
                deploys(harness).live().rowProperty().get()).get(5, TimeUnit.SECONDS));
    }

    static Predicate<DeployRow> status(DeploymentStatus status) {
        return r -> r.progress() != null && r.progress().deployment().status() == status;
    }
}
