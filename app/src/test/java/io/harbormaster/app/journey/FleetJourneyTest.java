package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.hosts.HostLayout;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Fleet inspection through the UI against the sandbox's prod (entered with an MFA code): the services and hosts the
 * console shows are the sandbox's; a service that cannot be placed comes first with ECS's reason; lighting up a
 * service on the Hosts page marks exactly the hosts its tasks run on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;
    private static SandboxFleet prod;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
        prod = new SandboxFleet(home, "prod", "444444444444");
        FleetJourneys.enterProd(harness);
    }

    @AfterAll
    static void stopApp() throws Exception {
        prod.close();
        harness.close();
    }

    private static ShellViewModel shell() {
        return harness.app.window().viewModel();
    }

    @Test
    @Order(1)
    void theServicesShownAreTheSandboxsWithUnplaceableOnesFirst() throws Exception {
        harness.robot.clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        FleetViewModel fleet = shell().fleet();
        harness.waitUntil("prod's fleet is loaded", () -> fleet.stateProperty().get() == FleetViewModel.State.LOADED
                && !services.rows().isEmpty());

        Map<String, String> shown = new TreeMap<>(services.allRows().stream().collect(Collectors.toMap(
                r -> r.cluster() + "/" + r.name(), r -> r.desired() + "/" + r.running() + "/" + r.pending())));
        Map<String, String> sandbox = new TreeMap<>();
        for (Service s : prod.services()) {
            String cluster = s.clusterArn().substring(s.clusterArn().lastIndexOf('/') + 1);
            sandbox.put(cluster + "/" + s.serviceName(), s.desiredCount() + "/" + s.runningCount() + "/" + s.pendingCount());
        }
        assertThat(shown).isEqualTo(sandbox);

        TableView<ServiceRow> table = harness.lookup("#services-table");
        ServiceRow first = table.getItems().get(0);
        assertThat(first.attention()).isEqualTo(ServiceAttention.Level.UNPLACEABLE);
        assertThat(first.reason()).contains("unable to place a task");
        assertThat(table.getItems().stream().filter(r -> r.attention() == ServiceAttention.Level.UNPLACEABLE)
                .map(ServiceRow::name)).contains("edge-cache", "redshift-loader");
        Path png = harness.screenshot("fleet-01-services-prod");
        assertThat(Files.size(png)).isGreaterThan(10_000);

        FleetJourneys.filterAndSelect(harness, "edge-cache");
        harness.waitUntil("its detail shows", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals("edge-cache"));
        TabPane tabs = harness.lookup("#service-detail-tabs");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("fleet-02-service-detail-events");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("fleet-03-service-detail-containers");
        FleetJourneys.filter(harness, "");
    }

    @Test
    @Order(2)
    void theHostsShownAreTheSandboxs() {
        harness.robot.clickOn("#nav-hosts");
        HostsViewModel hosts = shell().page(HostsPage.class).viewModel();
        harness.waitUntil("the hosts are laid out", () -> hosts.layoutProperty().get() != null);
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
        harness.robot.clickOn("#nav-services");
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        FleetJourneys.filterAndSelect(harness, "app-scheduler");
        harness.waitUntil("it is selected", () -> services.detailProperty().get() != null);
        harness.robot.clickOn("#service-detail-show-hosts");

        HostsViewModel hosts = shell().page(HostsPage.class).viewModel();
        harness.waitUntil("the Hosts page lights it up", () -> !hosts.highlightedHostsProperty().get().isEmpty());
        Set<String> expected = prod.hostsOf("app", "app-scheduler");
        assertThat(expected).hasSize(2);
        assertThat(hosts.highlightedHostsProperty().get()).isEqualTo(expected);
        assertThat(hosts.highlightedCellsProperty().get().cardinality()).isEqualTo(2);

        ChoiceBox<HostLayout.Grouping> grouping = harness.lookup("#hosts-group");
        harness.robot.clickOn(grouping);
        harness.robot.clickOn("Availability zone");
        harness.waitUntil("grouped by zone", () -> hosts.layoutProperty().get() != null
                && hosts.layoutProperty().get().groups().get(0).title().startsWith("us-east-1"));
        assertThat(hosts.highlightedCellsProperty().get().cardinality()).isEqualTo(2);
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("fleet-04-hosts-by-zone-app-scheduler");
    }
    @Test
    @Order(4)
    void ctrlKFindsAServiceByPartOfItsNameAndEnterGoesToIt() throws Exception {
        harness.robot.clickOn("#nav-clusters");
        harness.waitUntil("the palette has the fleet", () -> shell().fleet().data() != null);
        harness.robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        harness.waitUntil("the palette shows", () -> shell().palette().showingProperty().get()
                && harness.lookup("#palette-search").isFocused());
        harness.robot.write("schedul");
        harness.waitUntil("app-scheduler is offered first", () -> !shell().palette().results().isEmpty()
                && shell().palette().results().get(0).label().equals("app-scheduler"));
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("fleet-05-palette");
        harness.robot.type(javafx.scene.input.KeyCode.ENTER);

        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        harness.waitUntil("the Services page shows app-scheduler selected", () ->
                shell().pageProperty().get().equals(ServicesPage.ID)
                        && services.detailProperty().get() != null
                        && services.detailProperty().get().service().name().equals("app-scheduler"));
        assertThat(shell().palette().showingProperty().get()).isFalse();
        TableView<ServiceRow> table = harness.lookup("#services-table");
        harness.waitUntil("its row is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("app-scheduler"));
        harness.screenshot("fleet-06-palette-went-to-service");
    }
    @Test
    @Order(5)
    void ctrlKToAHostCentresAndOutlinesIt() throws Exception {
        io.harbormaster.model.fleet.Host host = shell().fleet().data().snapshot().hosts().get(0);
        harness.robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        harness.waitUntil("the palette shows", () -> shell().palette().showingProperty().get()
                && harness.lookup("#palette-search").isFocused());
        harness.robot.write(host.displayName());
        harness.waitUntil("the host is offered first", () -> !shell().palette().results().isEmpty()
                && shell().palette().results().get(0).arn().equals(host.arn()));
        harness.robot.type(javafx.scene.input.KeyCode.ENTER);
        harness.waitUntil("the Hosts page has it picked", () ->
                shell().pageProperty().get().equals(HostsPage.ID)
                        && host.arn().equals(shell().page(HostsPage.class).viewModel().selectedHostProperty().get()));
        harness.waitUntil("the hosts are laid out",
                () -> shell().page(HostsPage.class).viewModel().layoutProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("fleet-07-palette-went-to-host");
    }
}
