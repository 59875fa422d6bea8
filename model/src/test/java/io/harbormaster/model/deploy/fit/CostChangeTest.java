package io.harbormaster.model.deploy.fit;

import static io.harbormaster.model.testdata.FleetSnapshotBuilder.aSnapshot;
import static io.harbormaster.model.testdata.ServiceBuilder.aService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.cost.HostPrices;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.TaskShape;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deploy's monthly cost change, with numbers worked out by hand from the cost model's rule. */
class CostChangeTest {

    private static final String CLUSTER = ServiceBuilder.DEFAULT_CLUSTER;
    private static final HostPrice M5_LIST = HostPrice.onDemand(0.096, LocalDate.parse("2026-12-01"));
    private static final HostPrice C5_RATE = HostPrice.effectiveRate(0.10);

    private static Host host(String id, String type, int cpu, int memory) {
        return new Host("arn:aws:ecs:us-east-1:111111111111:container-instance/main/" + id, CLUSTER, id, type,
                "us-east-1a", "ACTIVE", true, cpu, memory, cpu, memory, PortSet.EMPTY, PortSet.EMPTY, 0, 0);
    }

    private static Task task(String id, Host on) {
        return new Task("arn:aws:ecs:us-east-1:111111111111:task/main/" + id, CLUSTER, "service:web", on.arn(),
                "arn:td/web:1", "RUNNING", "RUNNING", 256, 1024, PortSet.EMPTY, null, null, "");
    }

    private final Host m5 = host("i-m5", "m5.large", 2048, 8192);
    private final Host c5 = host("i-c5", "c5.xlarge", 4096, 8192);
    private final Host t3 = host("i-t3", "t3.large", 2048, 8192);
    private final Service web = aService("web").counts(3, 3, 0).build();
    private final HostPrices prices = (env, type) -> Optional.ofNullable(Map.of("m5.large", M5_LIST,
            "c5.xlarge", C5_RATE).get(type));

    private FleetSnapshot fleet(Host... hosts) {
        return aSnapshot().hosts(hosts).services(web)
                .tasks(task("t1", m5), task("t2", m5), task("t3", hosts[hosts.length - 1])).build();
    }

    @Test
    void moreTasksOfABiggerRevisionCostTheirDominantShareOfTheHostsTheServiceRunsOn() {
        // Today a task (256 CPU, 1024 MiB) is 1/8 of either host: m5 $0.096 × 0.125 = $0.012 an hour, c5 $0.10 ×
        // 0.125 = $0.0125; over the three tasks (two on m5) $0.0365, i.e. $0.012167 a task.
        // The new revision (512 CPU, 1024 MiB) is 1/4 of m5 ($0.024) and still 1/8 of c5 ($0.0125): $0.0605 for
        // three, $0.020167 a task. 3 → 4 tasks: 3 × 0.012167 × 730 = $26.645 and 4 × 0.020167 × 730 = $58.887.
        CostChange change = CostChange.of(fleet(m5, c5), web, new TaskShape(256, 1024), new TaskShape(512, 1024),
                3, 4, 4, prices);

        assertThat(change.known()).isTrue();
        assertThat(change.beforeUsdPerMonth()).isCloseTo(26.645, within(0.001));
        assertThat(change.afterUsdPerMonth()).isCloseTo(58.8867, within(0.001));
        assertThat(change.deltaUsdPerMonth()).isCloseTo(32.2417, within(0.001));
        assertThat(change.peakExtraUsdPerHour()).as("4 extra tasks at $0.020167").isCloseTo(0.08067, within(0.0001));
        assertThat(change.summary()).startsWith("+$32.24 a month (from $26.6").contains("to $58.89")
                .contains("$0.08 an hour");
        assertThat(change.pricesUsed()).containsExactly(
                "c5.xlarge at $0.1000 an hour: effective rate set by the operator",
                "m5.large at $0.0960 an hour: on-demand list price from the Price List API, fetched 2026-12-01");
    }

    @Test
    void aSmallerRevisionSavesAndSaysSoWithAMinus() {
        CostChange change = CostChange.of(fleet(m5, c5), web, new TaskShape(512, 1024), new TaskShape(256, 1024),
                3, 3, 0, prices);

        // before $0.0605 and after $0.0365 an hour for the three tasks: −$0.024 × 730 = −$17.52
        assertThat(change.deltaUsdPerMonth()).isCloseTo(-17.52, within(0.001));
        assertThat(change.summary()).startsWith("−$17.52 a month").doesNotContain("while it runs");
    }

    @Test
    void hostsWithNoPriceAreLeftOutAndNamedAndWithNoPriceAtAllThereIsNoFigure() {
        CostChange partly = CostChange.of(fleet(m5, t3), web, new TaskShape(256, 1024), new TaskShape(256, 1024),
                3, 3, 0, prices);
        assertThat(partly.known()).isTrue();
        assertThat(partly.beforeUsdPerMonth()).as("averaged over the two m5 tasks only: 3 × $0.012 × 730")
                .isCloseTo(26.28, within(0.001));
        assertThat(partly.pricesUsed()).contains("Left out, no price known: t3.large");

        CostChange none = CostChange.of(fleet(m5, t3), web, new TaskShape(256, 1024), new TaskShape(256, 1024),
                3, 3, 0, (env, type) -> Optional.empty());
        assertThat(none.known()).isFalse();
        assertThat(none.summary()).isEqualTo("No price is known for m5.large, t3.large: the Cost page fetches list"
                + " prices, or set an effective rate there");
    }

    @Test
    void aServiceThatRunsNowhereYetIsPricedOnItsClustersHostsAndFargateIsNotPricedByHost() {
        Service idle = aService("idle").counts(0, 0, 0).build();
        FleetSnapshot fleet = aSnapshot().hosts(m5, c5).services(idle).build();
        CostChange change = CostChange.of(fleet, idle, new TaskShape(256, 1024), new TaskShape(256, 1024), 0, 2, 0,
                prices);
        // a task is $0.012 on m5 and $0.0125 on c5: $0.01225 on average, × 2 × 730 = $17.885
        assertThat(change.afterUsdPerMonth()).isCloseTo(17.885, within(0.001));

        Service fargate = aService("f").launchType("FARGATE").build();
        CostChange onFargate = CostChange.of(aSnapshot().services(fargate).build(), fargate, new TaskShape(256, 512),
                new TaskShape(512, 1024), 1, 1, 1, prices);
        assertThat(onFargate.known()).isFalse();
        assertThat(onFargate.summary()).startsWith("Fargate bills each task by its vCPU and GB");
    }
}
