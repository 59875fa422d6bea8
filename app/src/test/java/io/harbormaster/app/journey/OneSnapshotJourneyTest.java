package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.shared.services.ServiceRow;
import java.time.Duration;
import java.util.Comparator;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page that shows fleet numbers shows the same snapshot: a service scaled in behind the console's back shows its
 * new count on the Clusters page while it stays in front (the Clusters page once kept a pre-scale count for minutes
 * while Hosts had the new one), and Services and Hosts then agree with it, as of the same moment.
 */
class OneSnapshotJourneyTest {

    private static final String ACCOUNT = "222222222222";
    /** Two rounds of the fleet's refresh, and the sandbox starting the tasks, on a shared machine. */
    private static final Duration MOVED = Duration.ofSeconds(90);

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @Test
    void aServiceScaledElsewhereShowsTheSameNewCountsOnClustersServicesAndHosts() throws Exception {
        journey.awaitFleetLoaded();
        assertThat(journey.shell().pageProperty().get()).isEqualTo(ClustersPage.ID);
        FleetSnapshot before = journey.shell().fleet().data().snapshot();
        // Scaled in: stopping a task always works (scaling out may find no host with the ports free).
        Service service = before.services().stream().filter(s -> s.desiredCount() >= 2
                        && s.runningCount() == s.desiredCount())
                .min(Comparator.comparing(Service::arn)).orElseThrow();
        Cluster cluster = before.cluster(service.clusterArn()).orElseThrow();
        int desired = service.desiredCount() - 1;
        int clusterRunning = cluster.runningTasks() - 1;
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.screenshot("one-snapshot-01-clusters-before");

        new SandboxWrites(journey.home(), journey.sandbox()).scale("dev", ACCOUNT, cluster.arn(), service.name(),
                desired);
        journey.waitUntil("the Clusters page, still in front, shows " + cluster.name() + " running "
                + clusterRunning, MOVED, () -> table.getItems().stream().anyMatch(c -> c.arn().equals(cluster.arn())
                && c.runningTasks() == clusterRunning));
        journey.waitUntil("the fleet has " + service.name() + " running " + desired, MOVED,
                () -> running(journey.shell().fleet().data().snapshot(), service) == desired);
        FleetSnapshot after = journey.onUi(() -> journey.shell().fleet().data().snapshot());
        assertThat(journey.onUi(() -> table.getItems().stream().filter(c -> c.arn().equals(cluster.arn()))
                .findFirst().orElseThrow())).isEqualTo(after.cluster(cluster.arn()).orElseThrow());
        String asOf = journey.onUi(() -> journey.<Label>lookup("#status-refreshed").getText());
        journey.screenshot("one-snapshot-02-clusters-after");

        journey.robot().clickOn("#nav-services");
        ServiceRow row = journey.onUi(() -> journey.shell().page(ServicesPage.class).viewModel().allRows().stream()
                .filter(r -> r.arn().equals(service.arn())).findFirst().orElseThrow());
        assertThat(row.desired()).isEqualTo(desired);
        assertThat(row.running()).isEqualTo(desired);
        assertThat(journey.onUi(() -> journey.<Label>lookup("#status-refreshed").getText())).isEqualTo(asOf);

        journey.robot().clickOn("#nav-hosts");
        journey.waitUntil("the Hosts page shows", () -> journey.shell().pageProperty().get().equals(HostsPage.ID));
        assertThat(journey.onUi(() -> journey.<Label>lookup("#status-refreshed").getText())).isEqualTo(asOf);
        FleetSnapshot hosts = journey.onUi(() -> journey.shell().fleet().data().snapshot());
        assertThat(hosts).as("the snapshot Hosts draws is the one Clusters and Services showed").isSameAs(after);
        assertThat(running(hosts, service)).isEqualTo(desired);
        journey.screenshot("one-snapshot-03-hosts");
    }

    private static long running(FleetSnapshot snapshot, Service service) {
        return snapshot.tasksOf(service.arn()).stream().filter(t -> "RUNNING".equals(t.lastStatus())).count();
    }
}
