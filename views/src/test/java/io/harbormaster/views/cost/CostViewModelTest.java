package io.harbormaster.views.cost;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cost.CostLine;
import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.ServiceRequests;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.cost.repack.PortMode;
import io.harbormaster.model.cost.repack.RepackResult;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.model.testdata.InMemoryPriceBook;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostViewModelTest {

    private static final double LIST = 0.096;
    private static final LocalDate FETCHED = LocalDate.parse("2026-11-20");

    private final InMemoryPriceBook book = new InMemoryPriceBook();
    private final List<String> asked = new ArrayList<>();
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final CostViewModel vm = new CostViewModel(book, (session, type) -> {
        asked.add(session.region() + "/" + type);
        return Optional.of(HostPrice.onDemand(LIST, FETCHED));
    }, this::countRequests, executor, Fixtures.CLOCK);
    /** Requests per service ARN the fake CloudWatch answers for the last 24 h; empty: none behind a balancer. */
    private final Map<String, Double> requests = new HashMap<>();

    private ServiceRequests countRequests(EnvironmentSession session, FleetSnapshot snapshot, Instant now) {
        Instant[] w = ServiceRequests.window(now, ServiceRequests.DAY);
        return new ServiceRequests(w[0], w[1], requests);
    }

    private void showDev() {
        vm.show(FleetData.of(FleetFixtures.snapshot("dev", Fixtures.NOW)), Fixtures.session(DEV));
        assertThat(vm.rows()).as("nothing is computed on the calling thread").isEmpty();
        executor.runAll();
    }

    @Test
    void costsTheFleetOffTheUiThreadAndItsLinesAddUpToTheHostsBill() {
        showDev();
        assertThat(asked).containsExactly("eu-west-1/m5.large");
        double bill = 2 * LIST * 730;
        assertThat(vm.clusters()).singleElement().satisfies(c -> {
            assertThat(c.hosts()).isEqualTo(2);
            assertThat(c.usdPerMonth()).isCloseTo(bill, within(1e-9));
        });
        assertThat(vm.rows()).extracting(CostRow::name).contains("api", "worker", "edge", "idle", "stranded");
        assertThat(vm.rows().stream().mapToDouble(CostRow::usdPerMonth).sum()).isCloseTo(bill, within(1e-6));
        assertThat(vm.rows().stream().mapToDouble(CostRow::share).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(vm.prices()).singleElement().satisfies(p -> assertThat(p.source())
                .isEqualTo("on-demand list price from the Price List API, fetched 2026-11-20"));
    }

    @Test
    void aCachedListPriceIsNotAskedAgain() {
        book.putListPrice("eu-west-1", "m5.large", HostPrice.onDemand(LIST, Fixtures.CLOCK.instant()
                .atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        showDev();
        assertThat(asked).isEmpty();
        assertThat(vm.rows()).isNotEmpty();
    }

    @Test
    void anEffectiveRateRecomputesEveryFigureAndSaysWhichPriceItUsed() {
        showDev();
        Map<String, Double> before = byLine();
        vm.setRate("m5.large", LIST / 2);
        assertThat(book.rates).as("the store is written off the UI thread").isEmpty();
        executor.runAll();
        assertThat(book.rates).containsEntry("dev|m5.large", LIST / 2);
        Map<String, Double> after = byLine();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((line, usd) -> assertThat(after.get(line)).as(line).isCloseTo(usd / 2, within(1e-9)));
        assertThat(vm.prices()).singleElement().satisfies(p -> {
            assertThat(p.usdPerHour()).isEqualTo(LIST / 2);
            assertThat(p.source()).isEqualTo("effective rate set by the operator");
        });

        vm.clearRate("m5.large");
        executor.runAll();
        before.forEach((line, usd) -> assertThat(byLine().get(line)).as(line).isCloseTo(usd, within(1e-9)));
    }

    @Test
    void theCsvHasEveryRowInTheGivenOrderWithFieldsQuotedWhereNeeded() {
        List<CostRow> rows = List.of(
                new CostRow("web", "api", CostLine.Kind.SERVICE, 2, 12.5, 0.25, 0.0123456789),
                new CostRow("web", "batch, \"nightly\" (standalone tasks)", CostLine.Kind.STANDALONE, 1, 3.456, 0.07),
                new CostRow("web", "idle", CostLine.Kind.IDLE, 0, 30, 0.68));
        assertThat(vm.csv(rows)).isEqualTo(CostCsv.HEADER + "\r\n"
                + "web,api,service,2,12.50,0.2500,0.012346\r\n"
                + "web,\"batch, \"\"nightly\"\" (standalone tasks)\",standalone,1,3.46,0.0700,\r\n"
                + "web,idle,idle,0,30.00,0.6800,\r\n");
    }

    /**
     * api served 48,000 requests over the 24 h window: 2,000 an hour; its cost an hour ÷ 2 is what 1,000 cost.
     * Lines not behind a load balancer have no figure; the note names the metric and the hours.
     */
    @Test
    void theCostPerThousandRequestsIsTheServicesHourlyCostOverItsRequestsAnHour() {
        String api = FleetFixtures.snapshot("dev", Fixtures.NOW).services().stream()
                .filter(s -> s.name().equals("api")).findFirst().orElseThrow().arn();
        requests.put(api, 48_000.0);
        showDev();
        CostRow row = vm.rows().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow();
        assertThat(row.usdPerThousandRequests()).isCloseTo(row.usdPerMonth() / 730 / 2, within(1e-12));
        assertThat(vm.rows().stream().filter(r -> !r.name().equals("api")))
                .allSatisfy(r -> assertThat(r.usdPerThousandRequests()).isNaN());
        assertThat(vm.requestsNoteProperty().get()).contains("RequestCount").contains("(24 h)")
                .contains("1 services counted");

        vm.setRate("m5.large", LIST / 2);
        executor.runAll();
        CostRow after = vm.rows().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow();
        assertThat(after.usdPerThousandRequests()).as("follows the rate").isCloseTo(row.usdPerThousandRequests() / 2,
                within(1e-12));
    }

    @Test
    void exportWritesTheCsvOffTheUiThread(@TempDir Path dir) throws Exception {
        showDev();
        Path file = dir.resolve("cost.csv");
        vm.exportTo(file, List.copyOf(vm.rows()));
        assertThat(file).doesNotExist();
        executor.runAll();
        assertThat(Files.readString(file)).isEqualTo(vm.csv(List.copyOf(vm.rows())));
        assertThat(Files.readString(file).split("\r\n")).hasSize(vm.rows().size() + 1);
        assertThat(vm.messageProperty().get()).contains("exported to");
    }

    @Test
    void theRepackWhatIfCostsItsHostsAtTheTargetsPrice() {
        showDev();
        vm.portModeProperty().set(PortMode.STATIC);
        vm.repack("web", "m5.large");
        executor.runAll();
        RepackResult r = vm.repackProperty().get();
        assertThat(r.hostsBefore()).isEqualTo(2);
        assertThat(r.usdPerMonthBefore()).isCloseTo(2 * LIST * 730, within(1e-9));
        // 3,072 CPU on 2,048-unit hosts: two hosts, which edge's two tasks on static port 80 need anyway
        assertThat(r.hostsAfter()).isEqualTo(2);
        assertThat(r.lowerBound()).isEqualTo(2);
        assertThat(r.blockers()).as("nothing needs more hosts than capacity").isEmpty();
        assertThat(r.usdPerMonthAfter()).isCloseTo(r.hostsAfter() * LIST * 730, within(1e-9));

        vm.portModeProperty().set(PortMode.DYNAMIC);
        vm.repack("web", "m5.large");
        executor.runAll();
        RepackResult dynamic = vm.repackProperty().get();
        // api 2×256 + worker 512 + edge 2×1024 = 3,072 CPU: two m5.large (2,048 each) still
        assertThat(dynamic.capacityBound()).isEqualTo(2);
        assertThat(dynamic.monthlySaving()).isCloseTo(dynamic.usdPerMonthBefore() - dynamic.usdPerMonthAfter(),
                within(1e-9));
    }

    private Map<String, Double> byLine() {
        Map<String, Double> out = new HashMap<>();
        vm.rows().forEach(r -> out.put(r.cluster() + "/" + r.name(), r.usdPerMonth()));
        return out;
    }

    /** The price book in memory. */
}
