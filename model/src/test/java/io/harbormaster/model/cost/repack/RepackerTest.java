package io.harbormaster.model.cost.repack;

import static io.harbormaster.model.fleet.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.deploy.fit.MemberOfExpression;
import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.packing.TaskShape;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepackerTest {

    private static final TargetType XL = new TargetType("c5.xlarge", 4096, 8192, HostPrice.effectiveRate(0.20));
    private static final List<String> ZONES = List.of("us-east-1a");

    private static RepackResult pack(PortMode mode, Demand... demands) {
        return Repacker.pack(List.of(demands), XL, mode, ZONES, Fixtures.CLUSTER, 0, 0);
    }

    @Test
    void aSmallKnownFleetPacksToTheOptimalHostCountWhicheverOrderItComesIn() {
        // 3 × ¾-host tasks and 3 × ¼-host tasks: optimal is 3 hosts (one of each a host); packing the small ones
        // first, in the order given, would have taken 4
        RepackResult r = pack(PortMode.STATIC, Demand.of("s", "small", 3, new TaskShape(1024, 2048)),
                Demand.of("b", "big", 3, new TaskShape(3072, 6144)));

        assertThat(r.hostsAfter()).isEqualTo(3);
        assertThat(r.capacityBound()).isEqualTo(3);
        assertThat(r.lowerBound()).isEqualTo(3);
        assertThat(r.hosts()).allSatisfy(h -> assertThat(h.cpuUsed()).isEqualTo(4096));
        assertThat(r.blockers()).isEmpty();
    }

    @Test
    void theBoundIsTheLargerOfCpuAndMemoryOverCapacity() {
        // 10 tasks of 512 CPU / 3,000 MiB: CPU needs 5,120 ÷ 4,096 → 2 hosts, memory 30,000 ÷ 8,192 → 4 hosts
        RepackResult r = pack(PortMode.STATIC, Demand.of("m", "mem", 10, new TaskShape(512, 3000)));

        assertThat(r.capacityBound()).isEqualTo(4);
        assertThat(r.hostsAfter()).isEqualTo(5); // two of 3,000 MiB a host: 8,192 holds two, not 2.73
        assertThat(r.unplaced()).isZero();
    }

    @Test
    void theStaticPortServiceThatBlocksPackingIsNamedAndDynamicPortsLiftIt() {
        Demand legacy = new Demand("l", "legacy", 6, new TaskShape(256, 512, PortSet.of(8080)), false, List.of(),
                false);
        Demand api = Demand.of("a", "api", 4, new TaskShape(512, 1024));

        RepackResult staticPorts = pack(PortMode.STATIC, legacy, api);
        RepackResult dynamic = pack(PortMode.DYNAMIC, legacy, api);

        assertThat(staticPorts.hostsAfter()).isEqualTo(6);
        assertThat(staticPorts.lowerBound()).isEqualTo(6);
        assertThat(staticPorts.capacityBound()).isEqualTo(1);
        assertThat(staticPorts.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Blocker.Kind.STATIC_PORT);
            assertThat(b.service()).isEqualTo("legacy");
            assertThat(b.hostsNeeded()).isEqualTo(6);
            assertThat(b.reason()).contains("static host port 8080");
        });
        assertThat(dynamic.hostsAfter()).isEqualTo(1);
        assertThat(dynamic.blockers()).isEmpty();
    }

    @Test
    void distinctInstanceKeepsAServicesTasksApart() {
        Demand spreadOut = new Demand("d", "zk", 3, new TaskShape(256, 512), true, List.of(), false);

        RepackResult r = pack(PortMode.DYNAMIC, spreadOut);

        assertThat(r.hostsAfter()).isEqualTo(3);
        assertThat(r.blockers()).singleElement().extracting(Blocker::kind).isEqualTo(Blocker.Kind.DISTINCT_INSTANCE);
    }

    @Test
    void aMemberOfThatExcludesTheTargetTypeLeavesTheServiceUnplacedAndSaysWhy() {
        Demand pinned = new Demand("p", "gpu", 2, new TaskShape(256, 512), false,
                List.of(MemberOfExpression.parse("attribute:ecs.instance-type == p3.2xlarge")), false);

        RepackResult r = pack(PortMode.DYNAMIC, pinned, Demand.of("a", "api", 1, new TaskShape(256, 512)));

        assertThat(r.unplaced()).isEqualTo(2);
        assertThat(r.hostsAfter()).isEqualTo(1);
        assertThat(r.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Blocker.Kind.MEMBER_OF);
            assertThat(b.reason()).contains("excludes c5.xlarge");
        });
    }

    @Test
    void aTaskLargerThanTheTypeIsNotPlaced() {
        RepackResult r = pack(PortMode.DYNAMIC, Demand.of("h", "huge", 2, new TaskShape(8192, 1024)));

        assertThat(r.hostsAfter()).isZero();
        assertThat(r.unplaced()).isEqualTo(2);
        assertThat(r.blockers()).extracting(Blocker::kind).containsExactly(Blocker.Kind.TOO_LARGE);
    }

    @Test
    void aClusterOfHalfEmptyHostsRepackedOntoTheSameTypeSavesTheHostsItEmpties() {
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Host h = host("h" + i, 4096, 8192, 3072, 6144, PortSet.EMPTY);
            hosts.add(h);
            tasks.add(new Task("arn:aws:ecs:us-east-1:111111111111:task/main/t" + i, Fixtures.CLUSTER,
                    "service:api", h.arn(), Fixtures.td("api", 1), "RUNNING", "RUNNING", 1024, 2048, PortSet.EMPTY,
                    Fixtures.T0, null, null));
        }
        var api = ServiceBuilder.aService("api").cluster(Fixtures.CLUSTER).taskDefinition(Fixtures.td("api", 1))
                .placementConstraints(new PlacementConstraint("memberOf", "attribute:ecs.instance-type =~ c5.*"))
                .build();
        FleetSnapshot s = Fixtures.snapshot(List.of(api), hosts, tasks, Map.of());

        RepackResult r = RepackWhatIf.of(s, Fixtures.CLUSTER,
                (env, type) -> Optional.of(HostPrice.effectiveRate(0.20)), XL, PortMode.DYNAMIC);

        assertThat(r.hostsBefore()).isEqualTo(4);
        assertThat(r.hostsAfter()).isEqualTo(1);
        assertThat(r.usdPerMonthBefore()).isCloseTo(4 * 0.20 * 730, within(1e-9));
        assertThat(r.usdPerMonthAfter()).isCloseTo(0.20 * 730, within(1e-9));
        assertThat(r.monthlySaving()).isCloseTo(3 * 0.20 * 730, within(1e-9));
    }
}
