package io.harbormaster.model.cost;

import static io.harbormaster.model.fleet.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.PackingAnalysis;
import io.harbormaster.model.packing.PackingRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetCostTest {

    private static final LocalDate FETCHED = LocalDate.parse("2026-12-01");
    private static final HostPrices TWENTY_CENTS = (env, type) -> "c5.xlarge".equals(type)
            ? Optional.of(HostPrice.onDemand(0.20, FETCHED)) : Optional.empty();

    private static Task task(String id, String service, Host on, int cpu, int memory) {
        return new Task("arn:aws:ecs:us-east-1:111111111111:task/main/" + id, Fixtures.CLUSTER, "service:" + service,
                on.arn(), Fixtures.td(service, 1), "RUNNING", "RUNNING", cpu, memory, PortSet.EMPTY, Fixtures.T0, null,
                null);
    }

    private static CostBreakdown cost(FleetSnapshot s, HostPrices prices) {
        return FleetCost.of(s, PackingAnalysis.of(s, PackingRules.DEFAULT), prices);
    }

    private static CostLine line(CostBreakdown b, String name) {
        return b.lines().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Host h1 (4,096 CPU, 8,192 MiB, $0.20/h): api 1,024/4,096 (share ½: memory), worker 1,024/3,584 (share 7/16:
     * memory). Left: 2,048 CPU and 512 MiB, too little memory for any task: the CPU is stranded. Of the host 1/16 is
     * unreserved by the dominant-share measure, all of it stranded: $0.0125. Host h2: one api task 1,024/2,048
     * (share ¼), room left for more: ¾ idle, $0.15.
     */
    @Test
    void twoServicesOnAHostWithStrandedCpu() {
        Host h1 = host("h1", 4096, 8192, 2048, 512, PortSet.EMPTY);
        Host h2 = host("h2", 4096, 8192, 3072, 6144, PortSet.EMPTY);
        FleetSnapshot s = Fixtures.snapshot(List.of(Fixtures.service("api"), Fixtures.service("worker")),
                List.of(h1, h2), List.of(task("a1", "api", h1, 1024, 4096), task("w1", "worker", h1, 1024, 3584),
                        task("a2", "api", h2, 1024, 2048)), Map.of());

        CostBreakdown b = cost(s, TWENTY_CENTS);

        assertThat(line(b, "api").usdPerHour()).isCloseTo(0.10 + 0.05, within(1e-12));
        assertThat(line(b, "api").tasks()).isEqualTo(2);
        assertThat(line(b, "api").hostHours()).isCloseTo(0.75, within(1e-12));
        assertThat(line(b, "worker").usdPerHour()).isCloseTo(0.0875, within(1e-12));
        assertThat(line(b, "stranded").usdPerHour()).isCloseTo(0.0125, within(1e-12));
        assertThat(line(b, "idle").usdPerHour()).isCloseTo(0.15, within(1e-12));
        assertThat(line(b, "api").usdPerMonth()).isCloseTo(0.15 * 730, within(1e-9));
        assertThat(b.prices().get("c5.xlarge").describe())
                .isEqualTo("on-demand list price from the Price List API, fetched 2026-12-01");
    }

    @Test
    void theLinesOfAClusterAddUpToItsHostsBill() {
        Host h1 = host("h1", 4096, 8192, 2048, 512, PortSet.EMPTY);
        Host h2 = host("h2", 4096, 8192, 3072, 6144, PortSet.EMPTY);
        Host h3 = host("h3", 4096, 8192, 4096, 8192, PortSet.EMPTY);
        FleetSnapshot s = Fixtures.snapshot(List.of(Fixtures.service("api"), Fixtures.service("worker")),
                List.of(h1, h2, h3), List.of(task("a1", "api", h1, 1024, 4096), task("w1", "worker", h1, 1024, 3584),
                        task("a2", "api", h2, 1024, 2048)), Map.of());

        CostBreakdown b = cost(s, TWENTY_CENTS);

        assertThat(b.billOf(Fixtures.CLUSTER)).isCloseTo(0.60, within(1e-12));
        assertThat(b.totalOf(Fixtures.CLUSTER)).isCloseTo(b.billOf(Fixtures.CLUSTER), within(1e-12));
        assertThat(b.total()).isCloseTo(b.bill(), within(1e-12));
        assertThat(line(b, "idle").usdPerHour()).isCloseTo(0.15 + 0.20, within(1e-12));
    }

    @Test
    void dominantSharesAddingToMoreThanTheHostAreScaledSoTheHostIsChargedOnce() {
        // 3,072/1,024 (¾ by CPU) and 1,024/7,168 (⅞ by memory): 13/8 of a host, scaled to 6/13 and 7/13
        Host h1 = host("h1", 4096, 8192, 0, 0, PortSet.EMPTY);
        FleetSnapshot s = Fixtures.snapshot(List.of(Fixtures.service("cpu"), Fixtures.service("mem")), List.of(h1),
                List.of(task("c", "cpu", h1, 3072, 1024), task("m", "mem", h1, 1024, 7168)), Map.of());

        CostBreakdown b = cost(s, TWENTY_CENTS);

        assertThat(line(b, "cpu").usdPerHour()).isCloseTo(0.20 * 6 / 13, within(1e-12));
        assertThat(line(b, "mem").usdPerHour()).isCloseTo(0.20 * 7 / 13, within(1e-12));
        assertThat(line(b, "idle").usdPerHour()).isCloseTo(0, within(1e-12));
        assertThat(b.totalOf(Fixtures.CLUSTER)).isCloseTo(0.20, within(1e-12));
    }

    /**
     * Tasks of two services interleaved on one host (api, worker, api), each group string its own object, and a
     * stopped api task: api is charged 2 × ⅛, worker ¼ ($0.05), the stopped task nothing.
     */
    @Test
    void interleavedServicesOnAHostEachGetTheirOwnTasksAndAStoppedTaskIsNotCharged() {
        Host h1 = host("h1", 4096, 8192, 0, 0, PortSet.EMPTY);
        Task stopped = task("a3", "api", h1, 2048, 4096);
        stopped = new Task(stopped.arn(), stopped.clusterArn(), new String("service:api"),
                stopped.containerInstanceArn(), stopped.taskDefinitionArn(), "STOPPED", "STOPPED", 2048, 4096,
                PortSet.EMPTY, Fixtures.T0, null, null);
        FleetSnapshot s = Fixtures.snapshot(List.of(Fixtures.service("api"), Fixtures.service("worker")),
                List.of(h1), List.of(task("a1", "api", h1, 512, 1024), task("w1", "worker", h1, 1024, 1024),
                        task("a2", "api", h1, 512, 1024), stopped), Map.of());

        CostBreakdown b = cost(s, TWENTY_CENTS);

        assertThat(line(b, "api").tasks()).isEqualTo(2);
        assertThat(line(b, "api").usdPerHour()).isCloseTo(0.20 * 2 / 8, within(1e-12));
        assertThat(line(b, "worker").tasks()).isEqualTo(1);
        assertThat(line(b, "worker").usdPerHour()).isCloseTo(0.05, within(1e-12));
        assertThat(b.totalOf(Fixtures.CLUSTER)).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void anOperatorsRateReplacesTheListPriceAndIsNamed() {
        Host h1 = host("h1", 4096, 8192, 3072, 6144, PortSet.EMPTY);
        FleetSnapshot s = Fixtures.snapshot(List.of(Fixtures.service("api")), List.of(h1),
                List.of(task("a1", "api", h1, 1024, 2048)), Map.of());

        CostBreakdown b = cost(s, (env, type) -> Optional.of(HostPrice.effectiveRate(0.12)));

        assertThat(line(b, "api").usdPerHour()).isCloseTo(0.03, within(1e-12));
        assertThat(b.prices().get("c5.xlarge").describe()).isEqualTo("effective rate set by the operator");
        assertThat(line(b, "api").usdPerThousandRequests(3600)).isCloseTo(0.03 / 3.6, within(1e-12));
    }

    @Test
    void aHostWithoutAPriceIsNamedAndLeftOutOfTheBill() {
        Host h1 = host("h1", 4096, 8192, 3072, 6144, PortSet.EMPTY);
        FleetSnapshot s = Fixtures.snapshot(List.of(Fixtures.service("api")), List.of(h1),
                List.of(task("a1", "api", h1, 1024, 2048)), Map.of());

        CostBreakdown b = cost(s, (env, type) -> Optional.empty());

        assertThat(b.unpriced()).containsEntry(h1.arn(), "c5.xlarge");
        assertThat(b.bill()).isZero();
        assertThat(b.lines()).noneMatch(l -> l.usdPerHour() != 0);
    }
}
