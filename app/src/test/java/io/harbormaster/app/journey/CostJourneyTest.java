package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cost.CostLine;
import io.harbormaster.model.cost.CostRules;
import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.cost.scaling.ScalingWhatIf;
import io.harbormaster.views.cost.ClusterCost;
import io.harbormaster.views.cost.CostPage;
import io.harbormaster.views.cost.CostRow;
import io.harbormaster.views.cost.CostViewModel;
import io.harbormaster.views.cost.EnvironmentCost;
import io.harbormaster.views.cost.EnvironmentsCostViewModel;
import io.harbormaster.views.cost.PriceUsed;
import io.harbormaster.views.cost.ScalingRow;
import io.harbormaster.views.cost.ScalingViewModel;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Cost page against the sandbox's prod: every service has a monthly figure from the sandbox's Price List API,
 * each cluster's lines (services, idle, stranded) add up to its hosts' bill; an effective rate moves every figure
 * it touches and the page says it used it; a repacking what-if on {@code api} and the CSV export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CostJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    private static final double HOURS = CostRules.HOURS_PER_MONTH;

    private static CostViewModel cost() {
        return journey.shell().page(CostPage.class).viewModel();
    }

    // The page's lists change on the UI thread whenever it costs the fleet again (a refresh, the sandbox's hour):
    // the test reads copies made there, never the live lists from its own thread.
    private static List<CostRow> rows() {
        return journey.onUi(() -> List.copyOf(cost().rows()));
    }

    private static List<ClusterCost> clusters() {
        return journey.onUi(() -> List.copyOf(cost().clusters()));
    }

    private static List<PriceUsed> prices() {
        return journey.onUi(() -> List.copyOf(cost().prices()));
    }

    private static FleetSnapshot fleet() {
        return journey.shell().fleet().data().snapshot();
    }

    @Test
    @Order(1)
    void prodsServicesEachHaveAMonthlyFigureAndEachClustersLinesAddUpToItsBill() throws Exception {
        DeployJourneys.setWindow(journey, 1280, 800);
        journey.robot().clickOn("#nav-cost");
        journey.awaitFleetLoaded();
        journey.waitUntil("the fleet is costed", () -> cost().breakdownProperty().get() != null);

        assertThat(prices()).isNotEmpty().allSatisfy(p -> assertThat(p.source())
                .startsWith("on-demand list price from the Price List API, fetched "));
        List<CostRow> services = rows().stream().filter(r -> r.kind() == CostLine.Kind.SERVICE).toList();
        assertThat(services).hasSizeGreaterThan(10).allSatisfy(r -> assertThat(r.usdPerMonth()).isPositive());
        Map<String, Double> hostsBill = hostsBillByCluster();
        assertThat(clusters()).extracting(ClusterCost::name).containsExactlyInAnyOrderElementsOf(
                hostsBill.keySet());
        for (ClusterCost c : clusters()) {
            double lines = rows().stream().filter(r -> r.cluster().equals(c.name()))
                    .mapToDouble(CostRow::usdPerMonth).sum();
            assertThat(c.usdPerMonth()).as(c.name()).isCloseTo(hostsBill.get(c.name()), within(0.01));
            assertThat(lines).as(c.name() + "'s lines").isCloseTo(c.usdPerMonth(), within(0.01));
            assertThat(rows()).as(c.name() + " has idle and stranded lines")
                    .anyMatch(r -> r.cluster().equals(c.name()) && r.kind() == CostLine.Kind.IDLE)
                    .anyMatch(r -> r.cluster().equals(c.name()) && r.kind() == CostLine.Kind.STRANDED);
        }
        Path png = DeployJourneys.shot(journey, "cost-01-prod-1280");
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    @Order(2)
    void anEffectiveRateMovesEveryFigureItTouches() throws Exception {
        String type = "c5.4xlarge";
        PriceUsed list = prices().stream().filter(p -> p.instanceType().equals(type)).findFirst()
                .orElseThrow();
        double rate = Math.round(list.usdPerHour() * 0.6 * 1000) / 1000.0;
        double billBefore = cost().breakdownProperty().get().bill();
        long hostsOfType = fleet().hosts().stream().filter(h -> h.instanceType().equals(type)).count();
        assertThat(hostsOfType).isPositive();

        journey.robot().interact(() -> journey.<javafx.scene.control.TitledPane>lookup("#cost-prices-pane")
                .setExpanded(true)); // folded away until asked for
        journey.waitUntil("the rates unfold", () -> journey.onUi(() -> journey.robot().lookup("#cost-rate-set")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent()));
        ChoiceBox<String> types = journey.lookup("#cost-rate-type");
        TextField value = journey.lookup("#cost-rate-value");
        journey.robot().interact(() -> {
            types.setValue(type);
            value.setText(Double.toString(rate));
        });
        journey.robot().clickOn("#cost-rate-set");
        journey.waitUntil("the rate is used", () -> prices().stream().anyMatch(p -> p.instanceType()
                .equals(type) && p.source().equals("effective rate set by the operator")));

        PriceUsed used = prices().stream().filter(p -> p.instanceType().equals(type)).findFirst().orElseThrow();
        assertThat(used.usdPerHour()).isEqualTo(rate);
        assertThat(cost().breakdownProperty().get().bill()).isCloseTo(billBefore
                + hostsOfType * (rate - list.usdPerHour()), within(1e-6));
        Map<String, Double> hostsBill = hostsBillByCluster();
        for (ClusterCost c : clusters()) {
            assertThat(c.usdPerMonth()).as(c.name()).isCloseTo(hostsBill.get(c.name()), within(0.01));
            assertThat(rows().stream().filter(r -> r.cluster().equals(c.name()))
                    .mapToDouble(CostRow::usdPerMonth).sum()).as(c.name()).isCloseTo(c.usdPerMonth(), within(0.01));
        }
        DeployJourneys.shot(journey, "cost-02-effective-rate-1280");

        journey.robot().clickOn("#cost-rate-clear");
        journey.waitUntil("back to the list price", () -> prices().stream().anyMatch(p -> p.instanceType()
                .equals(type) && p.source().startsWith("on-demand list price")));
        assertThat(cost().breakdownProperty().get().bill()).isCloseTo(billBefore, within(1e-6));
        journey.robot().interact(() -> journey.<javafx.scene.control.TitledPane>lookup("#cost-prices-pane")
                .setExpanded(false)); // the repack what-if above it back in view
    }

    @Test
    @Order(3)
    void aRepackWhatIfOnApiShowsItsHostsAndCostBeforeAndAfter() throws Exception {
        FleetSnapshot snapshot = fleet();
        String apiArn = snapshot.clusters().stream().filter(c -> c.name().equals("api")).findFirst().orElseThrow()
                .arn();
        String target = "c5.4xlarge";
        ChoiceBox<String> cluster = journey.lookup("#cost-repack-cluster");
        ChoiceBox<String> type = journey.lookup("#cost-repack-type");
        CheckBox dynamic = journey.lookup("#cost-repack-dynamic");
        journey.robot().interact(() -> {
            cluster.setValue("api");
            type.setValue(target);
            dynamic.setSelected(true);
        });
        journey.robot().clickOn("#cost-repack-run");
        journey.waitUntil("the what-if is answered", () -> cost().repackProperty().get() != null);

        RepackResult r = cost().repackProperty().get();
        ClusterCost api = clusters().stream().filter(c -> c.arn().equals(apiArn)).findFirst().orElseThrow();
        assertThat(r.hostsBefore()).isEqualTo(snapshot.hostsIn(apiArn).size());
        assertThat(r.usdPerMonthBefore()).isCloseTo(api.usdPerMonth(), within(0.01));
        double price = prices().stream().filter(p -> p.instanceType().equals(target)).findFirst()
                .orElseThrow().usdPerHour();
        assertThat(r.usdPerMonthAfter()).isCloseTo(r.hostsAfter() * price * HOURS, within(1e-6));
        assertThat(r.hostsAfter()).isGreaterThanOrEqualTo(r.lowerBound());
        assertThat(r.unplaced()).isZero();
        int tasksOnHosts = (int) snapshot.tasksIn(apiArn).stream().filter(t -> !t.containerInstanceArn().isEmpty()
                && !"STOPPED".equals(t.lastStatus())).count();
        assertThat(r.hosts().stream().mapToInt(RepackResult.PackedHost::tasks).sum()).isEqualTo(tasksOnHosts);
        // the sandbox's api cluster spreads 800 tasks over 31 hosts; packed by binpack they need fewer
        assertThat(r.hostsAfter()).isLessThan(r.hostsBefore());
        assertThat(r.monthlySaving()).isPositive();
        assertThat(r.monthlySaving()).isCloseTo(api.usdPerMonth() - r.hostsAfter() * price * HOURS, within(0.01));
        assertThat(journey.<javafx.scene.control.Label>lookup("#cost-repack-result").getText())
                .contains(r.hostsBefore() + " hosts → " + r.hostsAfter() + " × " + target);
        Path png = DeployJourneys.shot(journey, "cost-03-repack-api-1280");

        showTheWhatIfOnHosts(r, snapshot.hostsIn(apiArn).size());
    }

    /** "Show on Hosts": both packings drawn on the Hosts canvas at 1280×800, the header saying what it saves. */
    private static void showTheWhatIfOnHosts(RepackResult r, int hostsToday) throws Exception {
        journey.robot().interact(() -> {
            javafx.stage.Window window = journey.app().window().scene().getWindow();
            window.setWidth(1280);
            window.setHeight(800);
        });
        journey.robot().clickOn("#cost-repack-show");
        HostsViewModel hosts = journey.shell().page(HostsPage.class).viewModel();
        journey.waitUntil("the repacked cluster is drawn", () -> hosts.repackProperty().get() != null
                && hosts.layoutProperty().get() != null
                && hosts.layoutProperty().get().size() == r.hostsAfter() + r.hostsFreed());
        assertThat(journey.<javafx.scene.control.Label>lookup("#hosts-whatif-summary").getText())
                .startsWith("What-if for cluster api, nothing changes in AWS: " + r.hostsBefore() + " hosts → "
                        + r.hostsAfter() + " × ").contains("/month → ").contains("saves");
        assertThat(journey.<javafx.scene.control.Label>lookup("#hosts-whatif-blockers").getText())
                .isEqualTo(io.harbormaster.views.text.RepackText.blockers(r));
        assertThat(journey.onUi(() -> hosts.modelProperty().get().taskCount()))
                .isEqualTo(r.hosts().stream().mapToInt(RepackResult.PackedHost::tasks).sum());
        assertThat(journey.onUi(() -> LayoutCheck.everything(journey.app().window().scene()))).isEmpty();
        DeployJourneys.shot(journey, "hosts-whatif-repacked-api-1280x800");

        journey.robot().clickOn("#hosts-whatif-today");
        journey.waitUntil("today's api hosts are drawn", () -> hosts.layoutProperty().get().size() == hostsToday
                && hosts.summaryProperty().get().startsWith("Showing cluster api as it runs today"));
        DeployJourneys.shot(journey, "hosts-whatif-today-api-1280x800");

        journey.robot().clickOn("#hosts-whatif-close");
        journey.waitUntil("the fleet is drawn again", () -> hosts.repackProperty().get() == null
                && hosts.layoutProperty().get().size() == fleet().hosts().size());
        journey.robot().clickOn("#nav-cost");
    }

    @Test
    @Order(4)
    void theCsvExportHoldsEveryLine() throws Exception {
        Path file = journey.workDir().resolve("cost.csv");
        List<CostRow> rows = List.copyOf(rows());
        // The page may recompute (the sandbox's hour rolls over) and replace its message before a poll sees it:
        // remember every message the export could have said instead of reading the last one.
        AtomicBoolean exported = new AtomicBoolean();
        ChangeListener<String> said = (o, was, now) -> exported.compareAndSet(false,
                now != null && now.contains("exported to " + file));
        journey.robot().interact(() -> {
            cost().messageProperty().addListener(said);
            cost().exportTo(file, rows);
        });
        journey.waitUntil("the CSV is written", exported::get);
        journey.robot().interact(() -> cost().messageProperty().removeListener(said));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(lines.get(0)).isEqualTo("cluster,line,kind,tasks,usd_per_month,share_of_cluster_bill,"
                + "usd_per_1000_requests");
        assertThat(lines).anyMatch(l -> l.startsWith("api,idle,idle,0,"));
    }

    @Test
    @Order(5)
    void loadBalancedServicesHaveACostPerThousandRequestsOverANamedWindow() {
        journey.waitUntil("requests are counted", () -> cost().requestsNoteProperty().get()
                .startsWith("Per 1,000 requests"));
        assertThat(cost().requestsNoteProperty().get()).contains("ALB RequestCount").contains("(24 h)");
        List<CostRow> counted = rows().stream().filter(r -> !Double.isNaN(r.usdPerThousandRequests()))
                .toList();
        assertThat(counted).isNotEmpty().allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(CostLine.Kind.SERVICE);
            assertThat(r.usdPerThousandRequests()).isPositive();
        });
        assertThat(rows()).filteredOn(r -> r.kind() != CostLine.Kind.SERVICE)
                .allSatisfy(r -> assertThat(r.usdPerThousandRequests()).isNaN());
    }

    @Test
    @Order(6)
    void everyEnvironmentsBillSideBySide() throws Exception {
        selectTab("cost-tab-environments");
        journey.robot().clickOn("#cost-environments-load");
        EnvironmentsCostViewModel all = journey.shell().page(CostPage.class).environments();
        journey.waitUntil("every environment is costed or asks for a code", () -> journey.exists("#mfa-code")
                || all.environments().stream().allMatch(e -> e.status().startsWith("as of")));
        if (journey.exists("#mfa-code")) {
            journey.answerMfa();
        }
        journey.waitUntil("every environment is costed", () -> all.environments().size() == 3
                && all.environments().stream().allMatch(e -> e.status().startsWith("as of")));
        List<EnvironmentCost> costed = journey.copy(all.environments());
        assertThat(costed).extracting(EnvironmentCost::environment)
                .anyMatch(n -> n.contains("dev")).anyMatch(n -> n.contains("stage")).anyMatch(n -> n.contains("prod"));
        assertThat(costed).allSatisfy(e -> {
            assertThat(e.usdPerMonth()).isPositive();
            assertThat(e.servicesUsdPerMonth() + e.standaloneUsdPerMonth() + e.idleUsdPerMonth()
                    + e.strandedUsdPerMonth()).isCloseTo(e.usdPerMonth(), within(0.01));
        });
        assertThat(costed.stream().mapToDouble(EnvironmentCost::share).sum()).isCloseTo(1, within(1e-9));
        EnvironmentCost prod = costed.stream().filter(e -> e.environmentId().equals(fleet()
                .environmentId())).findFirst().orElseThrow();
        assertThat(prod.usdPerMonth()).as("prod's bill is the Cost page's").isCloseTo(
                cost().breakdownProperty().get().bill() * HOURS, within(0.01));
        assertThat(journey.copy(all.services()).stream().filter(s -> s.usdPerMonth().size() == 3)).isNotEmpty();
        DeployJourneys.shot(journey, "cost-05-environments-1280");
        // the bills' columns as wide as their amounts: none cut, none past the edge, in the whole window and in half
        // of it (side by side), where the bill's parts give way
        TableView<?> bills = journey.lookup("#cost-environments-bills");
        assertThat(journey.onUi(() -> LayoutCheck.table(bills))).isEmpty();
        // ... and the whole tab: its tool bar, and each service's cost in each environment (columns made as the
        // environments are costed)
        javafx.stage.Window window = bills.getScene().getWindow();
        javafx.geometry.Rectangle2D screen = new javafx.geometry.Rectangle2D(window.getX(), window.getY(),
                window.getWidth(), window.getHeight());
        assertThat(journey.onUi(() -> LayoutCheck.everything(bills.getScene(), screen))).isEmpty();
        journey.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B);
        journey.waitUntil("the second half opens", () -> journey.exists("#split-choice"));
        Thread.sleep(600); // the half's columns, a few frames after it opens
        assertThat(journey.onUi(() -> LayoutCheck.table(bills))).isEmpty();
        assertThat(journey.onUi(() -> bills.getVisibleLeafColumns().stream().map(TableColumn::getText).toList()))
                .as("in half a window").contains("Environment", "Per month", "As of").doesNotContain("Standalone");
        assertThat(journey.onUi(() -> LayoutCheck.inHalf(LayoutCheck.everything(bills.getScene(), screen))))
                .as("the tab in half a window").isEmpty();
        TableView<?> services = journey.lookup("#cost-environments-services");
        assertThat(journey.onUi(() -> services.getVisibleLeafColumns().stream().map(TableColumn::getText).toList()))
                .as("each environment's cost in half a window").contains("Service", "dev", "stage", "prod");
        DeployJourneys.shot(journey, "cost-05-environments-half-1280");
        journey.robot().clickOn("#split-close");
        journey.waitUntil("the second half closes", () -> !journey.exists("#split-choice"));
    }

    @Test
    @Order(7)
    void serviceAutoScalingReadOnlyAndTheScalingWhatIf() throws Exception {
        selectTab("cost-tab-scaling");
        ScalingViewModel scaling = journey.shell().page(CostPage.class).scaling();
        journey.waitUntil("the scaled services are read", () -> !scaling.rows().isEmpty());
        List<ScalingRow> scaled = journey.copy(scaling.rows());
        assertThat(scaled).extracting(ScalingRow::service).contains("cdn-origin", "image-resizer");
        ScalingRow resizer = scaled.stream().filter(r -> r.service().equals("image-resizer")).findFirst()
                .orElseThrow();
        assertThat(resizer.scaling().min()).isLessThanOrEqualTo(resizer.desired());
        assertThat(resizer.atMaximum()).isEqualTo(resizer.desired() >= resizer.scaling().max());
        assertThat(resizer.policies()).contains("cpu40-target-tracking: keeps ECSServiceAverageCPUUtilization at 40")
                .contains("queue-backlog-step");
        assertThat(resizer.alarmStates()).matches("high (OK|ALARM|INSUFFICIENT_DATA), low (OK|ALARM|INSUFFICIENT_DATA)"
                + "\nno alarm invokes it");
        assertThat(resizer.alarms()).hasSize(2).allMatch(a -> a.matches("Alarm TargetTracking-service/cdn/image-resizer-"
                + "Alarm(High|Low)-[0-9a-f-]+: (OK|ALARM|INSUFFICIENT_DATA)"));
        journey.robot().interact(() -> journey.<javafx.scene.control.TableView<ScalingRow>>lookup("#cost-scaling-table")
                .getSelectionModel().select(1));

        journey.robot().clickOn("#cost-scaling-run");
        journey.waitUntil("the what-if is answered", () -> scaling.whatIfProperty().get() != null);
        ScalingWhatIf.Result r = scaling.whatIfProperty().get();
        assertThat(r.hours()).hasSize(24);
        assertThat(r.hours()).allSatisfy(h -> {
            assertThat(h.tasksNow()).isPositive();
            assertThat(h.hostsNeeded()).isPositive();
        });
        assertThat(r.services()).filteredOn(ScalingWhatIf.ServiceResult::alreadyScales)
                .extracting(ScalingWhatIf.ServiceResult::service).contains("cdn-origin", "image-resizer");
        assertThat(journey.<javafx.scene.control.Label>lookup("#cost-scaling-result").getText())
                .startsWith("At 50 % CPU over 24 hours");
        DeployJourneys.shot(journey, "cost-06-scaling-1280");
        DeployJourneys.setWindow(journey, 1600, 1000);
        DeployJourneys.shot(journey, "cost-07-scaling-1600");
        selectTab("cost-tab-current");
        DeployJourneys.shot(journey, "cost-08-prod-1600");
    }

    private static void selectTab(String id) {
        javafx.scene.control.TabPane tabs = journey.lookup("#cost-tabs");
        journey.robot().interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    /** Σ over each cluster's hosts of the price the page says it used for the host's type, a month. */
    private static Map<String, Double> hostsBillByCluster() {
        Map<String, Double> byType = new HashMap<>();
        prices().forEach(p -> byType.put(p.instanceType(), p.usdPerHour()));
        Map<String, Double> bill = new HashMap<>();
        FleetSnapshot snapshot = fleet();
        for (var c : snapshot.clusters()) {
            List<Host> hosts = snapshot.hostsIn(c.arn());
            if (!hosts.isEmpty()) {
                bill.put(c.name(), hosts.stream().mapToDouble(h -> byType.get(h.instanceType())).sum() * HOURS);
            }
        }
        return bill;
    }
}
