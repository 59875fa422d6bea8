package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.sandbox.Fault;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.views.logs.LogLine;
import io.harbormaster.views.logs.LogsViewModel;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logs through the real console on the sandbox: a version serving errors is deployed behind the console's back, the
 * operator searches its log group for ERROR, picks a line and jumps to the host its task runs on.
 */
class LogsJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @BeforeAll
    static void devsFleetIsIn() {
        journey.awaitFleetLoaded();
    }

    private static ShellViewModel shell() {
        return journey.shell();
    }

    private static MetricsViewModel metrics() {
        return shell().page(MetricsPage.class).viewModel();
    }

    private static Sandbox sandbox() {
        return journey.sandbox();
    }

    @Test
    void anErrorLineLeadsToTheHostItsTaskRunsOn() throws Exception {
        Service web = journey.copy(metrics().dashboard().services()).stream().filter(s -> s.name().equals("app-web"))
                .findFirst().orElseThrow();
        sandbox().control().setImageFault("web:", Fault.SERVE_ERRORS);
        new SandboxWrites(journey.home(), sandbox()).forceNewDeployment("dev", "222222222222", web.clusterArn(), web.name());
        for (int minute = 0; minute < 10; minute++) {
            sandbox().clock().advance(Duration.ofMinutes(1));
        }
        // the console learns of the new tasks on its next fleet refresh
        journey.robot().interact(() -> shell().fleet().refresh());

        journey.robot().clickOn("#nav-metrics");
        journey.robot().clickOn("#tab-logs");
        LogsViewModel logs = metrics().logs();
        journey.robot().interact(() -> logs.showService(web.arn()));
        TextField filter = journey.lookup("#logs-filter");
        journey.robot().interact(() -> filter.setText("ERROR"));
        journey.robot().clickOn("#logs-search");
        journey.waitUntil("ERROR lines are in", () -> !logs.lines().isEmpty());
        // the group is the one app-web's task definition names (the console's default /ecs/<family>)
        assertThat(logs.messageProperty().get()).contains("/ecs/web").contains("ecs/web/");
        // The tail follows on: its lines are read whole on the UI thread, where they grow.
        List<LogLine> lines = journey.copy(logs.lines());
        assertThat(lines).allSatisfy(l -> assertThat(l.event().message()).contains("ERROR"));
        assertThat(lines).allMatch(LogLine::error);
        journey.screenshot("logs-errors");

        ListView<LogLine> list = journey.lookup("#logs-list");
        journey.waitUntil("a line whose task is in the fleet", () -> {
            // evaluated on the UI thread: select, read, and ask for a refresh while the task is not known yet
            list.getSelectionModel().select(list.getItems().size() - 1);
            LogsViewModel.Origin o = logs.originProperty().get();
            if (o == null || o.hostArn().isEmpty()) {
                shell().fleet().refresh();
                return false;
            }
            return true;
        });
        LogsViewModel.Origin origin = logs.originProperty().get();
        assertThat(origin.task().group()).isEqualTo("service:app-web");
        journey.screenshot("logs-error-line-origin");

        journey.robot().clickOn("#logs-show-host");
        journey.waitUntil("the Hosts page shows that host", () -> shell().pageProperty().get().equals(HostsPage.ID)
                && shell().page(HostsPage.class).viewModel().centreProperty().get() != null
                && shell().page(HostsPage.class).viewModel().centreProperty().get().hostArn().equals(origin.hostArn()));
        journey.screenshot("logs-show-host");

        // reserved and used together: each host's measured CPU and memory over what is reserved on it
        journey.robot().clickOn("#hosts-measured");
        journey.waitUntil("measured use of dev's hosts is read", () -> shell().page(HostsPage.class).viewModel()
                .measuredProperty().get().containsKey(origin.hostArn()));
        assertThat(journey.onUi(() -> shell().page(HostsPage.class).viewModel().measuredProperty().get().size()))
                .isEqualTo(shell().fleet().data().snapshot().hosts().size());
        journey.screenshot("hosts-measured-use");
        journey.robot().clickOn("#hosts-measured");
        sandbox().control().clearImageFault("web:");
    }

    @Test
    void aServiceLoggingWithAnotherDriverSaysSo() throws Exception {
        Service reports = journey.copy(metrics().dashboard().services()).stream()
                .filter(s -> s.name().equals("app-reports")).findFirst().orElseThrow();
        journey.robot().clickOn("#nav-metrics");
        journey.robot().clickOn("#tab-logs");
        LogsViewModel logs = metrics().logs();
        journey.robot().interact(() -> logs.showService(reports.arn()));
        journey.waitUntil("the page says where app-reports logs", () -> logs.messageProperty().get()
                .contains("writes nothing to CloudWatch Logs"));
        assertThat(logs.messageProperty().get()).contains("fluentd");
        assertThat(journey.copy(logs.lines())).isEmpty();
        javafx.scene.control.Label empty = journey.lookup("#logs-empty");
        assertThat(empty.getText()).contains("fluentd").doesNotContain("Pick a service");
        journey.screenshot("logs-elsewhere");
    }
}
