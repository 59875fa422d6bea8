package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.views.hosts.HostLayout;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import io.harbormaster.views.services.ServiceDetail;
import io.harbormaster.views.shared.CsvSaving;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Fleet inspection through the UI against the sandbox's prod (entered with an MFA code): the services and hosts the
 * console shows are the sandbox's; a service that cannot be placed comes first with ECS's reason; lighting up a
 * service on the Hosts page marks exactly the hosts its tasks run on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    private static SandboxFleet prod;

    @BeforeAll
    static void askTheSandbox() {
        prod = new SandboxFleet(journey.home(), "prod", "444444444444");
    }

    @AfterAll
    static void closeTheSandboxClient() {
        prod.close();
    }

    private static ShellViewModel shell() {
        return journey.shell();
    }

    @Test
    @Order(1)
    void theServicesShownAreTheSandboxsWithUnplaceableOnesFirst() throws Exception {
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();

        Map<String, String> shown = new TreeMap<>(journey.serviceRows().stream().collect(Collectors.toMap(
                r -> r.cluster() + "/" + r.name(), r -> r.desired() + "/" + r.running() + "/" + r.pending())));
        Map<String, String> sandbox = new TreeMap<>();
        for (Service s : prod.services()) {
            String cluster = s.clusterArn().substring(s.clusterArn().lastIndexOf('/') + 1);
            sandbox.put(cluster + "/" + s.serviceName(), s.desiredCount() + "/" + s.runningCount() + "/" + s.pendingCount());
        }
        assertThat(shown).isEqualTo(sandbox);

        TableView<ServiceRow> table = journey.lookup("#services-table");
        List<ServiceRow> rows = journey.copy(table.getItems());
        ServiceRow first = rows.get(0);
        assertThat(first.attention()).isEqualTo(ServiceAttention.Level.UNPLACEABLE);
        assertThat(first.reason()).contains("unable to place a task");
        assertThat(rows.stream().filter(r -> r.attention() == ServiceAttention.Level.UNPLACEABLE)
                .map(ServiceRow::name)).contains("edge-cache", "redshift-loader");
        Path png = journey.screenshot("fleet-01-services-prod");
        assertThat(Files.size(png)).isGreaterThan(10_000);

        journey.filterAndSelect("edge-cache");
        journey.waitUntil("its detail shows", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals("edge-cache"));
        TabPane tabs = journey.lookup("#service-detail-tabs");
        journey.robot().interact(() -> tabs.getSelectionModel().select(1));
        journey.screenshot("fleet-02-service-detail-events");
        journey.robot().interact(() -> tabs.getSelectionModel().select(2));
        journey.screenshot("fleet-03-service-detail-containers");
        journey.filterServices("");
    }

    @Test
    @Order(2)
    void theHostsShownAreTheSandboxs() {
        journey.robot().clickOn("#nav-hosts");
        HostsViewModel hosts = shell().page(HostsPage.class).viewModel();
        journey.waitUntil("the hosts are laid out", () -> hosts.layoutProperty().get() != null);
        Map<String, Integer> shown = new TreeMap<>();
        HostLayout layout = hosts.layoutProperty().get();
        for (int i = 0; i < layout.size(); i++) {
            String arn = layout.cell(i).arn();
            String cluster = arn.substring(arn.indexOf('/') + 1, arn.lastIndexOf('/'));
            shown.merge(cluster, 1, Integer::sum);
        }
        assertThat(shown).isEqualTo(new TreeMap<>(prod.hostsPerCluster()));
    }

    @Test
    @Order(3)
    void selectingAServiceLightsUpExactlyItsTasksHosts() throws Exception {
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        journey.filterAndSelect("app-scheduler");
        journey.waitUntil("it is selected", () -> services.detailProperty().get() != null);
        journey.robot().clickOn("#service-detail-show-hosts");

        HostsViewModel hosts = shell().page(HostsPage.class).viewModel();
        journey.waitUntil("the Hosts page lights it up", () -> !hosts.highlightedHostsProperty().get().isEmpty());
        Set<String> expected = prod.hostsOf("app", "app-scheduler");
        assertThat(expected).hasSize(2);
        assertThat(hosts.highlightedHostsProperty().get()).isEqualTo(expected);
        assertThat(hosts.highlightedCellsProperty().get().cardinality()).isEqualTo(2);

        ChoiceBox<HostLayout.Grouping> grouping = journey.lookup("#hosts-group");
        journey.robot().clickOn(grouping);
        journey.robot().clickOn("Availability zone");
        journey.waitUntil("grouped by zone", () -> hosts.layoutProperty().get() != null
                && hosts.layoutProperty().get().groups().get(0).title().startsWith("us-east-1"));
        assertThat(hosts.highlightedCellsProperty().get().cardinality()).isEqualTo(2);
        journey.screenshot("fleet-04-hosts-by-zone-app-scheduler");
    }

    @Test
    @Order(4)
    void ctrlKFindsAServiceByPartOfItsNameAndEnterGoesToIt() throws Exception {
        journey.robot().clickOn("#nav-clusters");
        journey.awaitFleetLoaded();
        journey.robot().press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        journey.waitUntil("the palette shows", () -> shell().palette().showingProperty().get()
                && journey.lookup("#palette-search").isFocused());
        journey.robot().write("schedul");
        journey.waitUntil("app-scheduler is offered first", () -> !shell().palette().results().isEmpty()
                && shell().palette().results().get(0).label().equals("app-scheduler"));
        journey.screenshot("fleet-05-palette");
        journey.robot().type(javafx.scene.input.KeyCode.ENTER);

        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        journey.waitUntil("the Services page shows app-scheduler selected", () ->
                shell().pageProperty().get().equals(ServicesPage.ID)
                        && services.detailProperty().get() != null
                        && services.detailProperty().get().service().name().equals("app-scheduler"));
        assertThat(shell().palette().showingProperty().get()).isFalse();
        TableView<ServiceRow> table = journey.lookup("#services-table");
        journey.waitUntil("its row is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("app-scheduler"));
        journey.screenshot("fleet-06-palette-went-to-service");
    }

    @Test
    @Order(5)
    void ctrlKToAHostCentresAndOutlinesIt() throws Exception {
        io.harbormaster.model.fleet.Host host = shell().fleet().data().snapshot().hosts().get(0);
        journey.robot().press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        journey.waitUntil("the palette shows", () -> shell().palette().showingProperty().get()
                && journey.lookup("#palette-search").isFocused());
        journey.robot().write(host.displayName());
        journey.waitUntil("the host is offered first", () -> !shell().palette().results().isEmpty()
                && shell().palette().results().get(0).arn().equals(host.arn()));
        journey.robot().type(javafx.scene.input.KeyCode.ENTER);
        journey.waitUntil("the Hosts page has it picked", () ->
                shell().pageProperty().get().equals(HostsPage.ID)
                        && host.arn().equals(shell().page(HostsPage.class).viewModel().selectedHostProperty().get()));
        journey.waitUntil("the hosts are laid out",
                () -> shell().page(HostsPage.class).viewModel().layoutProperty().get() != null);
        journey.screenshot("fleet-07-palette-went-to-host");
    }

    @Test
    @Order(6)
    void theStoppedTasksTabSaysWhyATaskOfTheServiceStopped() throws Exception {
        // Listed at once, while still stopping (desiredStatus STOPPED): exit codes come once it has stopped.
        String stopped = new SandboxWrites(journey.home(), journey.sandbox()).stopOneTask("prod", "444444444444", "app",
                "app-scheduler", "Stopped by the fleet journey");
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        journey.filterAndSelect("app-scheduler");
        journey.waitUntil("its detail shows", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals("app-scheduler"));
        TabPane tabs = journey.lookup("#service-detail-tabs");
        journey.robot().clickOn("Stopped tasks");
        assertThat(journey.onUi(() -> tabs.getSelectionModel().getSelectedItem().getId()))
                .isEqualTo("service-tab-stopped-tasks");
        TableView<io.harbormaster.model.deploy.StoppedTask> table = journey.lookup("#service-detail-stopped-tasks");
        journey.waitUntil("the stopped task is listed with its reason", () -> table.getItems().stream()
                .anyMatch(t -> t.taskArn().equals(stopped) && t.stoppedReason().equals("Stopped by the fleet journey")
                        && t.stopCode().equals("UserInitiated")));
        journey.screenshot("fleet-08-service-stopped-tasks");
        journey.robot().interact(() -> tabs.getSelectionModel().select(0));
        journey.filterServices("");
    }

    /**
     * The service's tasks saved as CSV and read back; then one stopped from the Tasks tab: the preview names it, prod
     * asks for its id, and it shows in Stopped tasks with the reason given and ECS's UserInitiated.
     */
    @Test
    @Order(7)
    void aTaskIsSavedAsCsvThenStoppedWithTheTaskIdTypedAndShowsInStoppedTasks() throws Exception {
        TableView<ServiceDetail.TaskRow> tasks = StopTaskSteps.showTasks(journey, "app-mailer");

        Path csv = journey.workDir().resolve("app-mailer-tasks.csv");
        journey.robot().interact(() -> {
            CsvSaving dialog = (CsvSaving) tasks.getProperties().get(CsvSaving.class);
            tasks.getProperties().put(CsvSaving.class, new CsvSaving(dialog.executor(), (owner, name) -> csv,
                    dialog.report()));
            tasks.getContextMenu().getItems().stream().filter(i -> "service-detail-tasks-save-csv".equals(i.getId()))
                    .findFirst().orElseThrow().fire();
        });
        Label saved = journey.lookup("#service-detail-tasks-saved");
        journey.waitUntil("the save is reported", () -> saved.getText().startsWith("Saved"));
        List<String> lines = Files.readAllLines(csv);
        List<ServiceDetail.TaskRow> shown = journey.onUi(() -> List.copyOf(tasks.getItems()));
        assertThat(lines.get(0)).startsWith("Task,Status,Host,");
        assertThat(lines).hasSize(shown.size() + 1);
        assertThat(lines.get(1)).startsWith(shown.get(0).taskId() + "," + shown.get(0).status() + ",");
        assertThat(saved.getText()).isEqualTo("Saved " + shown.size() + " rows to " + csv);

        String reason = "Stopped from the console by the fleet journey";
        ServiceDetail.TaskRow victim = StopTaskSteps.stopFirst(journey, tasks, "app-mailer", reason, true,
                "fleet-09-stop-task");
        StopTaskSteps.awaitStopped(journey, victim, reason);
        journey.screenshot("fleet-10-stopped-by-the-console");
        StopTaskSteps.selectTab(journey, "service-tab-deployments");
        journey.filterServices("");
    }

    /**
     * On the Hosts page a task block is picked by clicking it; Stop task… (offered in the block's menu, and in the
     * host's detail) stops it through the same dialog and write guard as the Tasks tab, and once the fleet is read
     * again its block is gone from the host.
     */
    @Test
    @Order(8)
    void aTaskBlockPickedOnTheHostsPageIsStoppedAndItsBlockGoes() throws Exception {
        io.harbormaster.model.fleet.Task task = StopTaskSteps.pickABlock(journey);
        journey.screenshot("fleet-11-hosts-task-picked");
        StopTaskSteps.blockMenuOffersStopTask(journey, task, true);
        HostsViewModel hosts = shell().page(HostsPage.class).viewModel();
        String host = journey.onUi(() -> hosts.detail().detailProperty().get().name());
        String service = journey.onUi(() -> hosts.detail().pickedTaskProperty().get().serviceName());

        StopTaskSteps.confirm(journey, "#hosts-stop-task", io.harbormaster.model.fleet.Arns.name(task.arn()), service,
                host, "Stopped from the Hosts page by the fleet journey", true, "fleet-12-hosts-stop-task");

        journey.waitUntil("its block is gone from the host once the fleet is read again", () -> {
            HostLayout laid = hosts.layoutProperty().get();
            int cell = laid.indexOf(task.containerInstanceArn());
            return cell >= 0 && java.util.stream.IntStream.range(0, laid.cell(cell).taskCount())
                    .noneMatch(t -> laid.cell(cell).task(t).arn().equals(task.arn()));
        });
        assertThat(journey.onUi(() -> hosts.detail().taskProperty().get())).as("no longer picked").isNull();
        journey.screenshot("fleet-13-hosts-task-stopped");
    }
}
