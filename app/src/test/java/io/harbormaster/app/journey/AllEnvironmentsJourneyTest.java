package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.allenv.AllEnvironmentsViewModel;
import io.harbormaster.views.services.ServiceRow;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * All environments at once against the sandbox: alice enters dev and stage, opens All environments, and gets one
 * table with both environments' services, each row tagged with its environment, problems first.
 */
class AllEnvironmentsJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    private static ShellViewModel shell() {
        return harness.app.window().viewModel();
    }

    private static void enter(String id) {
        harness.waitUntil("the environment bar is filled", () -> harness.exists("#env-" + id));
        harness.robot.clickOn("#env-" + id);
        harness.waitUntil(id + " is entered or asks its MFA code", () -> entered(id) || harness.exists("#mfa-code"));
        if (!entered(id)) {
            FleetJourneys.answerMfa(harness);
            harness.waitUntil(id + " is entered", () -> entered(id));
        }
    }

    private static boolean entered(String id) {
        return shell().environmentBar().session() != null
                && shell().environmentBar().session().environment().id().equals(id);
    }

    @Test
    void devAndStageInOneTableEachRowTagged() throws Exception {
        enter("sandbox-dev");
        enter("sandbox-stage");
        harness.robot.clickOn("#nav-allenv");
        CheckBox dev = harness.lookup("#allenv-env-sandbox-dev");
        CheckBox stage = harness.lookup("#allenv-env-sandbox-stage");
        CheckBox prod = harness.lookup("#allenv-env-sandbox-prod");
        assertThat(dev.isSelected()).as("dev was entered this run").isTrue();
        assertThat(stage.isSelected()).as("stage was entered this run").isTrue();
        assertThat(prod.isSelected()).as("prod was not").isFalse();

        harness.robot.clickOn("#allenv-load");
        AllEnvironmentsViewModel all = shell().allEnvironments();
        harness.waitUntil("both environments are loaded", () -> all.loadingProperty().get() == 0
                && all.rows().stream().map(r -> r.environment().id()).distinct().count() == 2);

        Set<String> tagged = all.rows().stream().map(r -> r.environment().name()).collect(Collectors.toSet());
        assertThat(tagged).containsExactlyInAnyOrder("dev", "stage");
        TableView<ServiceRow> table = harness.lookup("#allenv-table");
        assertThat(table.getItems()).hasSameSizeAs(all.rows());
        assertThat(table.getItems().get(0).attention().ordinal())
                .isLessThanOrEqualTo(table.getItems().get(table.getItems().size() - 1).attention().ordinal());
        assertThat(harness.robot.lookup("#allenv-table .hm-env-chip").queryAll()).isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("allenv-01-dev-and-stage");
    }
}
