package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.logs.LogLine;
import io.harbormaster.views.logs.LogsViewModel;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs through the real console on the sandbox: a version serving errors is deployed behind the console's back, the
 * operator searches its log group for ERROR, picks a line and jumps to the host its task runs on.
 */
class LogsJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
        harness.enter("sandbox-dev");
        harness.waitUntil("dev's fleet is in", () -> metrics().dashboard().services().size() > 3);
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    private static ShellViewModel shell() {
        return harness.app.window().viewModel();
    }

    private static MetricsViewModel metrics() {
        return shell().page(MetricsPage.class).viewModel();
    }

    private static Sandbox sandbox() {
        return harness.app.sandbox().orElseThrow().sandbox();
    }

    @Test
    void anErrorLineLeadsToTheHostItsTaskRunsOn() throws Exception {
        Service web = metrics().dashboard().services().stream().filter(s -> s.name().equals("app-web")).findFirst()
                .orElseThrow();
        sandbox().control().setImageFault("web:", Fault.SERVE_ERRORS);
        new SandboxWrites(home, sandbox()).forceNewDeployment("dev", "222222222222", web.clusterArn(), web.name());
        for (int minute = 0; minute < 10; minute++) {
            sandbox().clock().advance(Duration.ofMinutes(1));
        }
        // the console learns of the new tasks on its next fleet refresh
        harness.robot.interact(() -> shell().fleet().refresh());

        harness.robot.clickOn("#nav-metrics");
        harness.robot.clickOn("#tab-logs");
        LogsViewModel logs = metrics().logs();
        harness.robot.interact(() -> logs.showService(web.arn()));
        TextField filter = harness.lookup("#logs-filter");
        harness.robot.interact(() -> filter.setText("ERROR"));
        harness.robot.clickOn("#logs-search");
        harness.waitUntil("ERROR lines are in", () -> !logs.lines().isEmpty());
        assertThat(logs.lines()).allSatisfy(l -> assertThat(l.event().message()).contains("ERROR"));
        assertThat(logs.lines()).allMatch(LogLine::error);
        harness.screenshot("logs-errors");

        ListView<LogLine> list = harness.lookup("#logs-list");
        harness.waitUntil("a line whose task is in the fleet", () -> {
            harness.robot.interact(() -> list.getSelectionModel().select(list.getItems().size() - 1));
            LogsViewModel.Origin o = logs.originProperty().get();
            if (o == null || o.hostArn().isEmpty()) {
                harness.robot.interact(() -> shell().fleet().refresh());
                return false;
            }
            return true;
        });
        LogsViewModel.Origin origin = logs.originProperty().get();
        assertThat(origin.task().group()).isEqualTo("service:app-web");
        harness.screenshot("logs-error-line-origin");

        harness.robot.clickOn("#logs-show-host");
        harness.waitUntil("the Hosts page shows that host", () -> shell().pageProperty().get().equals(HostsPage.ID)
                && shell().page(HostsPage.class).viewModel().centreProperty().get() != null
                && shell().page(HostsPage.class).viewModel().centreProperty().get().hostArn().equals(origin.hostArn()));
        harness.screenshot("logs-show-host");

        // reserved and used together: each host's measured CPU and memory over what is reserved on it
        harness.robot.clickOn("#hosts-measured");
        harness.waitUntil("measured use of dev's hosts is read",
                () -> shell().page(HostsPage.class).viewModel().measuredProperty().get()
                .containsKey(origin.hostArn()));
        assertThat(shell().page(HostsPage.class).viewModel().measuredProperty().get())
                .hasSize(shell().fleet().data().snapshot().hosts().size());
        harness.screenshot("hosts-measured-use");
        harness.robot.clickOn("#hosts-measured");
        sandbox().control().clearImageFault("web:");
    }
}
