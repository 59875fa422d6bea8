package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.views.allenv.AllEnvironmentsViewModel;
import io.harbormaster.views.compare.ComparePage;
import io.harbormaster.views.compare.CompareViewModel;
import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import io.harbormaster.views.deploys.wizard.DeployWizardViewModel;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.settings.EnvironmentSettingsDialog;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page, its tabs and wizards' steps, and the main dialogs on the sandbox's prod, at 1280×800 and at 1600×1000
 * (the headless screen's size): nothing clipped, laid out beyond its parent or cut to an ellipsis
 * ({@link LayoutCheck#everything}), in every window showing. Each place is saved as layout-NAME-WxH.png. One start of
 * the console for all of them; each test collects every finding of its pages before it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryPageLayoutJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    private static final int[][] SIZES = {{1280, 800}, {1600, 1000}};
    /** The pages whose tabs are each checked in half a window too, by the tab pane's id. */
    private static final java.util.Map<String, String> HALF_TABS = java.util.Map.of("services",
            "#service-detail-tabs", "metrics", "#metrics-tabs", "cost", "#cost-tabs", "deploys", "#deploys-tabs");

    @Test
    @Order(1)
    void clustersServicesAndHosts() throws Exception {
        journey.awaitFleetLoaded();
        List<String> found = new ArrayList<>();
        journey.robot().clickOn("#nav-clusters");
        found.addAll(fits("clusters"));

        journey.robot().clickOn("#nav-services");
        found.addAll(fits("services"));
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.filterAndSelect("api-green");
        journey.waitUntil("its detail shows", () -> services.detailProperty().get() != null);
        found.addAll(eachTab("#service-detail-tabs", "services-api-green"));
        journey.filterServices("");

        journey.robot().clickOn("#nav-hosts");
        HostsViewModel hosts = journey.shell().page(HostsPage.class).viewModel();
        journey.waitUntil("the hosts are laid out", () -> hosts.layoutProperty().get() != null);
        found.addAll(fits("hosts"));
        found.addAll(fitsAt("hosts", 1100, 700)); // narrower than the window an operator is promised
        assertThat(found).isEmpty();
    }

    @Test
    @Order(2)
    void metricsNoiseMapAndLogs() throws Exception {
        journey.robot().clickOn("#nav-metrics");
        MetricsViewModel metrics = journey.shell().page(MetricsPage.class).viewModel();
        var apiGreen = journey.copy(metrics.dashboard().services()).stream().filter(s -> s.name().equals("api-green"))
                .findFirst().orElseThrow();
        ComboBox<io.harbormaster.model.fleet.Service> picker = journey.lookup("#dashboard-service");
        journey.robot().interact(() -> picker.setValue(apiGreen));
        journey.robot().interact(() -> metrics.logs().showService(apiGreen.arn()));
        List<String> found = eachTab("#metrics-tabs", "metrics");
        assertThat(found).isEmpty();
    }

    @Test
    @Order(3)
    void deploysAndTheWizardUpToItsPreview() throws Exception {
        List<String> found = new ArrayList<>();
        journey.robot().clickOn("#nav-deploys");
        found.addAll(fits("deploys"));
        DeployWizardViewModel wizard = DeployJourneys.openWizard(journey, "api-docs");
        journey.robot().interact(() -> wizard.change().images().get(0).newImageProperty().set("5.1.0"));
        found.addAll(fits("deploy-wizard-1-change"));
        DeployJourneys.next(journey, wizard);
        DeployJourneys.waitForRouting(journey, wizard);
        found.addAll(fits("deploy-wizard-2-strategy"));
        DeployJourneys.next(journey, wizard);
        journey.waitUntil("the preview and the fit check are in", () -> wizard.previewProperty().get() != null
                && wizard.fitProperty().get() != null);
        found.addAll(fits("deploy-wizard-3-preview"));
        DeployJourneys.press(journey, "#deploy-cancel");
        journey.waitUntil("the wizard closes", () -> DeployJourneys.deploys(journey).wizardProperty().get() == null);
        assertThat(found).isEmpty();
    }

    @Test
    @Order(4)
    void cutoversAndTheWizardUpToItsPreview() throws Exception {
        CutoverJourneys cutovers = new CutoverJourneys(journey);
        cutovers.select("prod", "www.example.com.");
        List<String> found = new ArrayList<>(fits("cutovers"));
        CutoverWizardViewModel wizard = cutovers.openWizard();
        found.addAll(fits("cutover-wizard-1-from-to"));
        cutovers.next();
        found.addAll(fits("cutover-wizard-2-plan"));
        cutovers.next();
        found.addAll(fits("cutover-wizard-3-gates"));
        cutovers.next();
        journey.waitUntil("the last step", () -> journey.exists("#cutover-wizard-start"));
        found.addAll(fits("cutover-wizard-4-preview"));
        journey.robot().clickOn("#cutover-wizard-cancel");
        journey.waitUntil("the wizard closes", () -> cutovers.page().wizardProperty().get() == null);
        assertThat(wizard.checks()).isNotEmpty();
        assertThat(found).isEmpty();
    }

    @Test
    @Order(5)
    void costEachTab() throws Exception {
        journey.robot().clickOn("#nav-cost");
        assertThat(eachTab("#cost-tabs", "cost")).isEmpty();
    }

    @Test
    @Order(6)
    void compareAllEnvironmentsAndSideBySide() throws Exception {
        List<String> found = new ArrayList<>();
        journey.robot().clickOn("#nav-services");
        journey.filterAndSelect("api-green");
        journey.robot().clickOn("#service-detail-compare");
        CompareViewModel compare = journey.shell().page(ComparePage.class).viewModel();
        journey.waitUntil("Compare shows api-green", () -> "api-green".equals(compare.serviceNameProperty().get()));
        Environment stage = journey.shell().environmentBar().find("sandbox-stage").orElseThrow();
        ComboBox<Environment> other = journey.lookup("#compare-env");
        journey.robot().interact(() -> other.getSelectionModel().select(stage));
        journey.waitUntil("stage is compared or asks its MFA code", () -> !compare.lines().isEmpty()
                || journey.exists("#mfa-code"));
        if (journey.exists("#mfa-code")) {
            journey.answerMfa();
            journey.waitUntil("stage is compared", () -> !compare.lines().isEmpty());
        }
        found.addAll(fits("compare"));

        journey.robot().clickOn("#nav-allenv");
        AllEnvironmentsViewModel all = journey.shell().page(AllEnvironmentsPage.class).viewModel();
        journey.robot().clickOn("#allenv-load");
        journey.waitUntil("the environments are loaded", () -> all.loadingProperty().get() == 0
                && !all.rows().isEmpty());
        found.addAll(fits("all-environments"));

        journey.robot().clickOn("#nav-clusters");
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        journey.waitUntil("the second half opens", () -> journey.exists("#split-choice"));
        ComboBox<Environment> second = journey.lookup("#split-choice");
        journey.robot().interact(() -> second.setValue(stage));
        TableView<?> stageClusters = journey.lookup("#split-clusters-table");
        journey.waitUntil("stage's clusters show beside prod", () -> !stageClusters.getItems().isEmpty());
        found.addAll(fits("side-by-side"));
        // Every page in the first half, prod's (its banner above the page): half the window, nothing cut
        for (String page : List.of("services", "allenv", "compare", "hosts", "metrics", "cost", "deploys", "cutovers",
                "clusters")) {
            journey.robot().clickOn("#nav-" + page);
            journey.waitUntil(page + " shows in the first half", () -> page.equals(journey.shell().pageProperty()
                    .get()));
            Thread.sleep(600); // its later parts, a few frames after it shows
            // A half's tables keep the whole window's columns: their minimums add up to more than half of 1280 px
            // (Services detail's tasks 678 px, All environments 702, Compare 1,050, Cost's scaling 1,077 against
            // 490-530). Which columns a half drops is to be decided table by table: logged, not failed here; at the
            // whole window's sizes a table whose columns do not fit fails the check.
            found.addAll(LayoutCheck.inHalf(fitsAt("side-by-side-" + page, 1280, 800)));
            String tabs = HALF_TABS.get(page);
            if (tabs != null && journey.exists(tabs)) {
                found.addAll(LayoutCheck.inHalf(eachTabAt(tabs, "side-by-side-" + page, 1280, 800)));
            }
        }
        journey.robot().clickOn("#split-close");
        journey.waitUntil("the second half closes", () -> !journey.exists("#split-choice"));
        assertThat(found).isEmpty();
    }

    @Test
    @Order(7)
    void theEnvironmentsDialogThePaletteAndAbout() throws Exception {
        List<String> found = new ArrayList<>();
        journey.robot().push(KeyCode.CONTROL, KeyCode.COMMA);
        journey.waitUntil("Environments… opens", () -> journey.exists("#settings-dialog"));
        found.addAll(fits("environments-dialog"));
        journey.robot().clickOn("#settings-close");
        journey.waitUntil("the dialog is closed", () -> !journey.exists("#settings-dialog"));

        journey.robot().press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        journey.waitUntil("the palette shows", () -> journey.shell().palette().showingProperty().get());
        journey.robot().write("api");
        journey.waitUntil("the palette offers something", () -> !journey.shell().palette().results().isEmpty());
        found.addAll(fits("palette"));
        journey.robot().type(KeyCode.ESCAPE);
        journey.waitUntil("the palette closes", () -> !journey.shell().palette().showingProperty().get());

        journey.robot().clickOn("#menu-help");
        journey.robot().clickOn("#menu-about");
        journey.waitUntil("About shows", () -> journey.exists("#about-dialog"));
        found.addAll(fits("about"));
        journey.robot().clickOn("Close");
        journey.waitUntil("About is closed", () -> !journey.exists("#about-dialog"));
        assertThat(found).isEmpty();
    }

    /** Each tab of the tab pane in front in turn, checked and saved as NAME-TAB. */
    private static List<String> eachTab(String tabPane, String name) throws Exception {
        return eachTab(tabPane, name, EveryPageLayoutJourneyTest::fits);
    }

    /** {@link #eachTab} at one size only; the first tab chosen again at the end. */
    private static List<String> eachTabAt(String tabPane, String name, int width, int height) throws Exception {
        List<String> found = eachTab(tabPane, name, place -> fitsAt(place, width, height));
        TabPane tabs = journey.lookup(tabPane);
        journey.robot().interact(() -> tabs.getSelectionModel().selectFirst());
        return found;
    }

    private static List<String> eachTab(String tabPane, String name, Check check) throws Exception {
        TabPane tabs = journey.lookup(tabPane);
        List<String> found = new ArrayList<>();
        for (Tab tab : journey.onUi(() -> List.copyOf(tabs.getTabs()))) {
            journey.robot().interact(() -> tabs.getSelectionModel().select(tab));
            String tabName = tab.getText().replaceAll("\\s*\\(.*\\)", "").toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-"); // "Tasks (400)" saved as tasks
            Thread.sleep(300); // a tab's content is made when it is first chosen, its parts a few frames later
            found.addAll(check.at(name + "-" + tabName));
        }
        return found;
    }

    /** Checks what shows now under a name and returns what it found. */
    @FunctionalInterface
    private interface Check {
        List<String> at(String name) throws Exception;
    }

    /** What shows now, checked and saved at each size; the window is left at 1280×800, where the robot clicks. */
    private static List<String> fits(String name) throws Exception {
        List<String> found = new ArrayList<>();
        for (int[] size : SIZES) {
            found.addAll(fitsAt(name, size[0], size[1]));
        }
        resize(1280, 800);
        return found;
    }

    private static List<String> fitsAt(String name, int width, int height) throws Exception {
        resize(width, height);
        String place = name + " at " + width + "×" + height + ": ";
        // The window stands for a screen of its size: a dialog is placed on it as on such a screen.
        Rectangle2D screen = new Rectangle2D(0, 0, width, height);
        journey.robot().interact(() -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null
                        && window.getScene().getRoot().lookup("#settings-dialog") != null) {
                    EnvironmentSettingsDialog.fit(window, screen);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = journey.onUi(() -> {
            List<String> all = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                Scene scene = window.getScene();
                if (window instanceof Stage && window.isShowing() && scene != null) {
                    LayoutCheck.everything(scene, screen).forEach(finding -> all.add(place + finding));
                }
            }
            return all;
        });
        journey.screenshot("layout-" + name + "-" + width + "x" + height);
        return found;
    }

    private static void resize(int width, int height) {
        journey.robot().interact(() -> {
            Window window = journey.app().window().scene().getWindow();
            window.setX(0);
            window.setY(0);
            window.setWidth(width);
            window.setHeight(height);
        });
        // a window's new size is laid out on the next pulse, and what that lays out (wrapped text) on the one after
        CutoverJourneys.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
