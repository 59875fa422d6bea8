package io.harbormaster.model.cost.repack;

import static io.harbormaster.model.fleet.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cost.HostPrice;
import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A what-if drawn as hosts: four half-empty c5.xlarge hosts running four api tasks (a quarter of a host each) and
 * one standalone batch task, packed again onto c5.xlarge: api fills one host exactly, the batch task opens a second,
 * and two of today's hosts are left empty.
 */
class RepackPictureTest {

    private static final TargetType XL = new TargetType("c5.xlarge", 4096, 8192, HostPrice.effectiveRate(0.20));

    private final Service api = ServiceBuilder.aService("api").cluster(Fixtures.CLUSTER)
            .taskDefinition(Fixtures.td("api", 1)).build();
    private final FleetSnapshot fleet = fleet();
    private final RepackResult result = RepackWhatIf.of(fleet, Fixtures.CLUSTER,
            (env, type) -> Optional.of(HostPrice.effectiveRate(0.20)), XL, PortMode.DYNAMIC);

    @Test
    void eachPackedHostCarriesTheTasksThePackingPutThereAsItsServicesTasks() {
        FleetSnapshot after = RepackPicture.repacked(fleet, result);

        assertThat(result.hostsAfter()).isEqualTo(2);
        List<Host> packed = after.hosts().subList(0, 2);
        assertThat(packed).extracting(Host::displayName).containsExactly("packed 1", "packed 2");
        assertThat(packed).allSatisfy(h -> {
            assertThat(h.arn()).startsWith(RepackPicture.PREFIX);
            assertThat(h.instanceType()).isEqualTo("c5.xlarge");
            assertThat(h.registeredCpu()).isEqualTo(4096);
        });
        Host first = packed.get(0);
        assertThat(after.tasksOn(first.arn())).hasSize(4).allSatisfy(t -> {
            assertThat(after.serviceOf(t)).contains(api);
            assertThat(t.cpu()).isEqualTo(1024);
            assertThat(t.memory()).isEqualTo(2048);
        });
        assertThat(first.remainingCpu()).isZero();
        assertThat(first.remainingMemory()).isZero();
        Host second = packed.get(1);
        assertThat(after.tasksOn(second.arn())).singleElement().satisfies(t -> {
            assertThat(t.group()).isEqualTo("family:batch");
            assertThat(after.serviceOf(t)).isEmpty();
        });
        assertThat(second.reservedCpu()).isEqualTo(512);
        assertThat(after.tasks()).hasSize(result.hosts().stream().mapToInt(RepackResult.PackedHost::tasks).sum());
        assertThat(after.services()).containsExactly(api);
    }

    @Test
    void todaysHostsThePackingLeavesEmptyAreDrawnEmptyAndMarked() {
        FleetSnapshot after = RepackPicture.repacked(fleet, result);

        assertThat(result.hostsFreed()).isEqualTo(2);
        assertThat(after.hosts()).hasSize(4);
        assertThat(after.hosts().subList(2, 4)).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo(RepackPicture.FREED);
            assertThat(h.reservedCpu()).isZero();
            assertThat(after.tasksOn(h.arn())).isEmpty();
        });
    }

    @Test
    void todayIsTheClusterAsItRuns() {
        FleetSnapshot today = RepackPicture.today(fleet, Fixtures.CLUSTER);

        assertThat(today.hosts()).isEqualTo(fleet.hostsIn(Fixtures.CLUSTER)).hasSize(4);
        assertThat(today.tasks()).hasSize(5);
        assertThat(today.services()).containsExactly(api);
    }

    @Test
    void staticPortsStayOnThePackedTasksWhenTheWhatIfKeepsThem() {
        Demand edge = new Demand("edge-arn", "edge", 2, new io.harbormaster.model.packing.TaskShape(512, 512,
                PortSet.of(80)), false, List.of(), false);
        RepackResult kept = Repacker.pack(List.of(edge), XL, PortMode.STATIC, List.of(), Fixtures.CLUSTER, 0, 0);

        FleetSnapshot after = RepackPicture.repacked(fleet, kept);

        assertThat(kept.hostsAfter()).as("one port 80 a host").isEqualTo(2);
        assertThat(after.hosts().subList(0, 2)).allSatisfy(h -> assertThat(h.usedPorts().contains(80)).isTrue());
        assertThat(after.tasks()).allSatisfy(t -> assertThat(t.hostPorts().toList()).containsExactly(80));
    }

    private FleetSnapshot fleet() {
        List<Host> hosts = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int extra = i == 0 ? 512 : 0;
            Host h = host("h" + i, 4096, 8192, 3072 - extra, 6144 - extra, PortSet.EMPTY);
            hosts.add(h);
            tasks.add(new Task("arn:aws:ecs:us-east-1:111111111111:task/main/t" + i, Fixtures.CLUSTER,
                    "service:api", h.arn(), Fixtures.td("api", 1), "RUNNING", "RUNNING", 1024, 2048, PortSet.EMPTY,
                    Fixtures.T0, null, null));
        }
        tasks.add(new Task("arn:aws:ecs:us-east-1:111111111111:task/main/b", Fixtures.CLUSTER, "family:batch",
                hosts.get(0).arn(), Fixtures.td("batch", 1), "RUNNING", "RUNNING", 512, 512, PortSet.EMPTY,
                Fixtures.T0, null, null));
        return Fixtures.snapshot(List.of(api), hosts, tasks, Map.of());
    }
}
