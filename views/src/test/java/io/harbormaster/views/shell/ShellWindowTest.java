package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.Snapshots;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.environment.EnvironmentBarViewModel;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.theme.ThemeManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell driven like an operator would, headless, with fakes behind the ports and a real background pool. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {

    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final FakeListClusters clusters = new FakeListClusters()
            .with("dev", Fixtures.devClusters())
            .with("stage", Fixtures.stageClusters());
    private final InMemoryUiState uiState = new InMemoryUiState();
    private final ExecutorService pool = new ThreadFamily("test-worker").workPool("worker", 2);
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        ShellDependencies deps = io.harbormaster.views.fakes.TestShell.deps(new FakeRegistry(PROD, DEV, STAGE), enter, clusters,
                new FxTaskExecutor(pool), uiState, Fixtures.CLOCK);
        window = ShellWindow.show(stage, deps);
    }

    @AfterEach
    void stop() throws Exception {
        clusters.release();
        FxToolkit.cleanupStages();
        pool.shutdownNow();
    }

    @Test
    void environmentsAppearInBarOrderWithProductionMarked(FxRobot robot) {
        until(() -> robot.lookup(".hm-env-toggle").queryAll().size() == 3);
        assertThat(robot.lookup(".hm-env-toggle").queryAllAs(ToggleButton.class))
                .extracting(Node::getId).containsExactly("env-dev", "env-stage", "env-prod");
        assertThat(robot.from(robot.lookup("#env-prod").<Node>query()).lookup(".hm-production-badge").queryAs(Label.class)
                .getText()).isEqualTo("PRODUCTION");
        assertThat(robot.from(robot.lookup("#env-dev").<Node>query()).lookup(".hm-production-badge").tryQuery()).isEmpty();
        assertThat(robot.lookup(".hm-env-toggle").queryAllAs(ToggleButton.class)).noneMatch(ToggleButton::isSelected);
        assertThat(stage(robot).getTitle()).isEqualTo("Harbormaster");
        assertThat(text(robot, "#status-identity")).isEqualTo("Not in an environment");
        assertThat(text(robot, "#clusters-placeholder")).startsWith("Choose an environment");
        snapshot("01-start-light");
    }

    @Test
    void clickingDevShowsItsClustersWhileTheStatusBarShowsTheWork(FxRobot robot) {
        until(() -> robot.lookup(".hm-env-toggle").queryAll().size() == 3);
        clusters.hold();
        robot.clickOn("#env-dev");
        until(() -> text(robot, "#status-task-text").startsWith("Loading dev"));
        assertThat(text(robot, "#clusters-placeholder")).isEqualTo("Loading clusters in dev (eu-west-1)…");
        snapshot("02-loading-light");

        clusters.release();
        until(() -> table(robot).getItems().size() == 3);
        assertThat(table(robot).getItems()).extracting(Cluster::name)
                .containsExactly("batch-workers", "legacy-cron", "payments-api"); // sorted by name
        assertThat(robot.lookup("#env-dev").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(stage(robot).getTitle()).isEqualTo("Harbormaster — dev");
        assertThat(text(robot, "#status-identity")).isEqualTo("assumed-role/admin/alice @ 222222222222");
        assertThat(text(robot, "#status-region")).isEqualTo("eu-west-1");
        assertThat(text(robot, "#status-refreshed")).isEqualTo("as of 14:02:11");
        until(() -> text(robot, "#status-task-text").equals("Ready"));
        assertThat(uiState.get(EnvironmentBarViewModel.LAST_KEY)).contains("dev");
        snapshot("03-dev-clusters-light");
    }

    @Test
    void aDeniedEnvironmentShowsTheProblemAndStaysUnselected(FxRobot robot) {
        enterDev(robot);
        enter.deny(PROD);
        robot.clickOn("#env-prod");
        until(() -> robot.lookup("#problem-title").tryQuery().isPresent());
        assertThat(text(robot, "#problem-title")).isEqualTo("Role not trusted");
        assertThat(text(robot, "#problem-message")).contains("is not trusted by role admin in prod");
        assertThat(text(robot, "#problem-next-step")).startsWith("Ask the prod account owners");
        assertThat(robot.lookup("#problem-details").queryTextInputControl().getText()).contains("sts:AssumeRole");
        assertThat(robot.lookup("#env-prod").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.lookup("#env-dev").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(stage(robot).getTitle()).isEqualTo("Harbormaster — dev");
        assertThat(table(robot).getItems()).hasSize(3);

        robot.clickOn("Technical details");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot.lookup("#problem-dialog").query().getScene(), "04-problem-dialog-light");
        robot.clickOn("#problem-copy");
        until(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString() != null
                && javafx.scene.input.Clipboard.getSystemClipboard().getString().contains("sts:AssumeRole"));
        assertThat(robot.lookup("#problem-dialog").tryQuery()).as("copying keeps the dialog open").isPresent();
        robot.clickOn((Button) robot.lookup("Close").query());
        until(() -> robot.lookup("#problem-dialog").tryQuery().isEmpty());
    }

    @Test
    void ctrlAndANumberEntersTheEnvironmentAtThatPosition(FxRobot robot) {
        until(() -> robot.lookup(".hm-env-toggle").queryAll().size() == 3);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        until(() -> table(robot).getItems().size() == 3);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        until(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).name()).isEqualTo("stage-web");
        assertThat(robot.lookup("#env-stage").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#env-dev").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void navigationShortcutsAndClicksMoveTheContent(FxRobot robot) {
        enterDev(robot);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        until(() -> robot.lookup("#content #hosts-view").match(ShellPagesTest::treeVisible).tryQuery().isPresent());
        assertThat(robot.lookup("#nav-hosts").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#nav-clusters").queryAs(ToggleButton.class).isSelected()).isFalse();
        snapshot("05-hosts-light");

        robot.clickOn("#nav-cutovers");
        until(() -> robot.lookup("#content #placeholder-cutovers").match(ShellPagesTest::treeVisible).tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        until(() -> robot.lookup("#content #clusters-table").match(ShellPagesTest::treeVisible).tryQuery().isPresent());
        assertThat(robot.lookup("#nav-clusters").queryAs(ToggleButton.class).isSelected()).isTrue();
        for (io.harbormaster.views.page.PageContribution page : window.viewModel().contributions()) {
            assertThat(robot.lookup("#nav-" + page.id()).tryQuery()).as(page.id()).isPresent();
        }
    }

    @Test
    void f5RefreshesAndCtrlFFilters(FxRobot robot) {
        enterDev(robot);
        robot.push(KeyCode.F5);
        until(() -> clusters.calls.size() == 2);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.write("pay");
        until(() -> table(robot).getItems().size() == 1);
        assertThat(text(robot, "#clusters-summary")).isEqualTo("1 of 3 clusters");
        robot.push(KeyCode.ESCAPE);
        until(() -> table(robot).getItems().size() == 3);
    }

    @Test
    void productionNeedsAnMfaCodeAndThenShowsTheBanner(FxRobot robot) {
        enter.requireMfa(PROD);
        until(() -> robot.lookup(".hm-env-toggle").queryAll().size() == 3);
        robot.clickOn("#env-prod");
        until(() -> robot.lookup("#mfa-code").tryQuery().isPresent());
        assertThat(text(robot, "#mfa-serial")).contains(FakeEnterEnvironment.MFA_SERIAL);
        assertThat(robot.lookup("#mfa-submit").query().isDisabled()).isTrue();
        robot.clickOn("#mfa-code").write("123 45");
        assertThat(robot.lookup("#mfa-submit").query().isDisabled()).isTrue();
        snapshot(robot.lookup("#mfa-dialog").query().getScene(), "06-mfa-dialog-light");
        robot.write("6");
        assertThat(robot.lookup("#mfa-submit").query().isDisabled()).isFalse();
        robot.clickOn("#mfa-submit");

        until(() -> "Harbormaster — PRODUCTION prod".equals(stage(robot).getTitle()));
        assertThat(enter.codes).containsExactly("123456");
        assertThat(robot.lookup("#production-banner").query().isVisible()).isTrue();
        until(() -> text(robot, "#clusters-placeholder").equals("There are no ECS clusters in prod (eu-west-1)."));
        snapshot("07-prod-light");
    }

    @Test
    void theThemeTogglesAndIsRemembered(FxRobot robot) {
        enterDev(robot);
        assertThat(window.theme().mode()).isEqualTo(ThemeManager.Mode.LIGHT);
        robot.push(KeyCode.CONTROL, KeyCode.T);
        until(() -> window.theme().mode() == ThemeManager.Mode.DARK);
        until(() -> "dark".equals(uiState.values.get(ThemeManager.KEY)));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("10-dev-clusters-dark");

        robot.clickOn("#nav-deploys");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("11-metrics-placeholder-dark");
        robot.clickOn("#nav-clusters");

        enter.deny(STAGE);
        robot.clickOn("#env-stage");
        until(() -> robot.lookup("#problem-title").tryQuery().isPresent());
        robot.clickOn("Technical details");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot.lookup("#problem-dialog").query().getScene(), "12-problem-dialog-dark");
        robot.clickOn((Button) robot.lookup("Close").query());

        enter.requireMfa(PROD);
        robot.clickOn("#env-prod");
        until(() -> robot.lookup("#mfa-code").tryQuery().isPresent());
        robot.clickOn("#mfa-code").write("123456");
        snapshot(robot.lookup("#mfa-dialog").query().getScene(), "13-mfa-dialog-dark");
        robot.push(KeyCode.ENTER);
        until(() -> "Harbormaster — PRODUCTION prod".equals(stage(robot).getTitle()));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("14-prod-dark");

        robot.push(KeyCode.CONTROL, KeyCode.T);
        until(() -> window.theme().mode() == ThemeManager.Mode.LIGHT);
        until(() -> "light".equals(uiState.values.get(ThemeManager.KEY)));
    }

    // ---- helpers ----

    private void enterDev(FxRobot robot) {
        until(() -> robot.lookup(".hm-env-toggle").queryAll().size() == 3);
        robot.clickOn("#env-dev");
        until(() -> table(robot).getItems().size() == 3);
    }

    private static TableView<Cluster> table(FxRobot robot) {
        return robot.lookup("#clusters-table").queryTableView();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private Stage stage(FxRobot robot) {
        return (Stage) window.scene().getWindow();
    }

    private void snapshot(String name) {
        snapshot(window.scene(), name);
    }

    private static void snapshot(Scene scene, String name) {
        Path out = Path.of(System.getProperty("harbormaster.test.output", "target"), "screenshots", name + ".png");
        Snapshots.save(scene, out);
    }

    /** Waits for a condition evaluated on the UI thread, where the state it reads lives. */
    private void until(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException timedOut) {
            String windows;
            try {
                windows = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                        .map(w -> w + " showing=" + w.isShowing() + " toggles="
                                + (w.getScene() == null ? 0 : w.getScene().getRoot().lookupAll(".hm-env-toggle").size()))
                        .toList().toString() + " envs=" + window.viewModel().environmentBar().environments()
                        + " running=" + window.viewModel().statusBar().tasksProperty().get()
                        + " pool=" + pool + " scene=" + (window.scene().getWindow() == null ? "detached" : "attached"))
                        .get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                windows = "UI thread not answering: " + e;
            }
            throw new AssertionError("condition not met within 10 s; windows: " + windows, timedOut);
        }
    }
}
