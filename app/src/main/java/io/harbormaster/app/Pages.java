package io.harbormaster.app;

import io.harbormaster.model.cost.ListPrices;
import io.harbormaster.model.cost.PriceBook;
import io.harbormaster.model.cost.ServiceRequestCounts;
import io.harbormaster.model.cost.scaling.ReadServiceScaling;
import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.model.deploy.ServiceStoppedTasks;
import io.harbormaster.model.deploy.SuggestRouting;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.fleet.ScaleService;
import io.harbormaster.model.fleet.StopTask;
import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.compare.ComparePage;
import io.harbormaster.views.cost.CostDependencies;
import io.harbormaster.views.cost.CostPage;
import io.harbormaster.views.deploys.DeploysPage;
import io.harbormaster.views.cutovers.CutoverServices;
import io.harbormaster.views.cutovers.CutoversPage;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.util.List;

/**
 * Every page of the console, in sidebar order: the one place a page is registered. Each feature package offers a
 * {@code contribution(...)} taking the ports it needs; the shell builds the sidebar, the View menu, the shortcuts
 * and the links between pages from this list.
 */
final class Pages {

    private Pages() {
    }

    /** The ports the pages need, wired once in {@link Harbormaster}. */
    record Ports(ScaleService scale, StopTask stopTask, EnterEnvironment enter, LoadFleet load,
                 RefreshFleet refresh, MetricsDependencies metrics, DeployDependencies deploys,
                 SuggestRouting routing, CutoverServices cutovers, PriceBook prices, ListPrices listPrices,
                 ReadServiceScaling scaling, ServiceStoppedTasks stoppedTasks) {
    }

    static List<PageContribution> all(Ports ports) {
        return List.of(
                ClustersPage.contribution(),
                ServicesPage.contribution(ports.scale(), ports.stopTask(), ports.stoppedTasks()),
                AllEnvironmentsPage.contribution(ports.enter(), ports.load(), ports.refresh()),
                ComparePage.contribution(ports.enter(), ports.load(), ports.refresh()),
                HostsPage.contribution(ports.metrics(), ports.stopTask()),
                MetricsPage.contribution(ports.metrics()),
                CostPage.contribution(new CostDependencies(ports.prices(), ports.listPrices(),
                        ServiceRequestCounts.fromCloudWatch(ports.metrics().loadBalancers(),
                                ports.metrics().fetchMetrics()), ports.enter(), ports.load(), ports.refresh(),
                        ports.scaling(), ports.metrics().fetchMetrics())),
                DeploysPage.contribution(ports.deploys(), ports.enter(), ports.routing(), ports.prices(),
                        ports.listPrices(), ports.metrics().alarms()),
                CutoversPage.contribution(ports.cutovers(), ports.metrics()));
    }
}
