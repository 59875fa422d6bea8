package io.harbormaster.model.packing;

import static io.harbormaster.model.fleet.Fixtures.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PortMapping;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackingAnalysisTest {

    private static final PackingRules RULES = PackingRules.DEFAULT;
    private static final TaskShape SMALL = new TaskShape(256, 512);
    private static final TaskShape MEMORY_HEAVY = new TaskShape(256, 7168);

    private static HostPacking analyse(Host h, List<TaskShape> shapes) {
        return PackingAnalysis.host(h, shapes, List.of(), RULES);
    }

    @Test
    void aHostWithRoomForATaskStrandsNothing() {
        HostPacking p = analyse(host("a", 4096, 8192, 1024, 1024, PortSet.EMPTY), List.of(SMALL));
        assertThat(p.stranding()).isEqualTo(Stranding.NONE);
        assertThat(p.strandedCpu()).isZero();
        assertThat(p.strandedMemory()).isZero();
        assertThat(p.stranded()).isFalse();
    }

    @Test
    void freeCpuWithoutMemoryIsStrandedCpu() {
        // the warehouse story: memory-heavy tasks fill memory and leave CPU no task can use
        HostPacking p = analyse(host("a", 16384, 65536, 12288, 256, PortSet.EMPTY), List.of(MEMORY_HEAVY, SMALL));
        assertThat(p.stranding()).isEqualTo(Stranding.CPU_WITHOUT_MEMORY);
        assertThat(p.strandedCpu()).isEqualTo(12288);
        assertThat(p.strandedMemory()).isZero();
        assertThat(p.freeCpu()).isEqualTo(12288);
    }

    @Test
    void freeMemoryWithoutCpuIsStrandedMemory() {
        HostPacking p = analyse(host("a", 4096, 16384, 128, 8192, PortSet.EMPTY), List.of(SMALL));
        assertThat(p.stranding()).isEqualTo(Stranding.MEMORY_WITHOUT_CPU);
        assertThat(p.strandedMemory()).isEqualTo(8192);
        assertThat(p.strandedCpu()).isZero();
    }

    @Test
    void enoughOfEachButNoTaskFitsBothIsMismatched() {
        TaskShape cpuHeavy = new TaskShape(2048, 512);
        TaskShape memoryHeavy = new TaskShape(256, 4096);
        HostPacking p = analyse(host("a", 8192, 16384, 1024, 2048, PortSet.EMPTY), List.of(cpuHeavy, memoryHeavy));
        assertThat(p.stranding()).isEqualTo(Stranding.MISMATCHED);
        assertThat(p.strandedCpu()).isEqualTo(1024);
        assertThat(p.strandedMemory()).isEqualTo(2048);
    }

    @Test
    void aFullHostIsFullNotStranded() {
        HostPacking p = analyse(host("a", 4096, 8192, 100, 200, PortSet.EMPTY), List.of(SMALL));
        assertThat(p.stranding()).isEqualTo(Stranding.NONE);
    }

    @Test
    void crumbsBelowTheThresholdAreNotMarked() {
        // 100 CPU units free, too little to be worth marking even though memory is short
        HostPacking p = PackingAnalysis.host(host("a", 4096, 8192, 100, 0, PortSet.EMPTY),
                List.of(new TaskShape(0, 512)), List.of(), RULES);
        assertThat(p.stranding()).isEqualTo(Stranding.NONE);
        HostPacking lenient = PackingAnalysis.host(host("a", 4096, 8192, 100, 0, PortSet.EMPTY),
                List.of(new TaskShape(0, 512)), List.of(), new PackingRules(new TaskShape(256, 512), 64, 64));
        assertThat(lenient.stranding()).isEqualTo(Stranding.CPU_WITHOUT_MEMORY);
    }

    @Test
    void aDrainingHostStrandsNothing() {
        Host draining = new Host("arn:h", Fixtures.CLUSTER, "i-1", "c5.xlarge", "a", "DRAINING", true, 4096, 8192,
                4096, 100, PortSet.EMPTY, PortSet.EMPTY, 0, 0);
        assertThat(analyse(draining, List.of(SMALL)).stranding()).isEqualTo(Stranding.NONE);
    }

    @Test
    void aClusterWithoutTasksUsesTheFallbackShape() {
        // fallback is 256 CPU / 512 MiB: 300 MiB free is too little for it, so the free CPU is stranded
        HostPacking p = analyse(host("a", 4096, 8192, 2048, 300, PortSet.EMPTY), List.of());
        assertThat(p.stranding()).isEqualTo(Stranding.CPU_WITHOUT_MEMORY);
    }

    @Test
    void aTakenStaticPortBlocksAServiceThatWouldOtherwiseFit() {
        ServiceSlot edge = new ServiceSlot("arn:svc/edge", "edge-cache", new TaskShape(2048, 4096, PortSet.of(80)));
        ServiceSlot legacy = new ServiceSlot("arn:svc/legacy", "legacy", new TaskShape(1024, 2048,
                PortSet.of(8080)));
        ServiceSlot huge = new ServiceSlot("arn:svc/huge", "huge", new TaskShape(8192, 4096, PortSet.of(80)));
        Host h = host("a", 8192, 16384, 4096, 8192, PortSet.of(22, 80));

        HostPacking p = PackingAnalysis.host(h, List.of(SMALL), List.of(edge, legacy, huge), RULES);
        assertThat(p.portBlocks()).singleElement().satisfies(b -> {
            assertThat(b.serviceName()).isEqualTo("edge-cache");
            assertThat(b.blockedPorts()).isEqualTo(PortSet.of(80));
        });
        assertThat(p.portBlocked()).isTrue();
    }

    @Test
    void theAgentsOwnPortsBlockToo() {
        ServiceSlot ssh = new ServiceSlot("arn:svc/ssh", "bastion", new TaskShape(256, 256, PortSet.of(22)));
        HostPacking p = PackingAnalysis.host(host("a", 4096, 8192, 4096, 8192, PortSet.EMPTY), List.of(SMALL),
                List.of(ssh), RULES);
        assertThat(p.portBlocks()).extracting(PortBlock::serviceName).containsExactly("bastion");
    }

    @Test
    void percentagesAndUtilisation() {
        HostPacking p = analyse(host("a", 4096, 8192, 1024, 6144, PortSet.EMPTY), List.of(SMALL));
        assertThat(p.cpuPercent()).isEqualTo(75.0);
        assertThat(p.memoryPercent()).isEqualTo(25.0);
        assertThat(p.utilisation()).isEqualTo(75.0);
    }

    @Test
    void packingThatDoesNotAddUpCannotExist() {
        assertThatThrownBy(() -> new HostPacking("h", "c", 100, 100, 50, 50, Stranding.NONE, 60, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortBlock("s", "n", PortSet.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskShape(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClusterAddsUpItsHosts() {
        TaskDefinition edgeTd = new TaskDefinition(Fixtures.td("edge", 1), "edge", 1, 2048, 4096, "bridge",
                List.of(new ContainerDefinition("edge", "edge:4.2.0", 2048, 4096, 0,
                        List.of(new PortMapping(80, 80, "tcp")), List.of())));
        Service edge = ServiceBuilder.aService("edge").cluster(Fixtures.CLUSTER).counts(3, 2, 0)
                .taskDefinition(edgeTd.arn()).build();
        Host withEdge = host("a", 8192, 16384, 6144, 12288, PortSet.of(22, 80));
        Host alsoWithEdge = host("b", 8192, 16384, 6144, 12288, PortSet.of(22, 80));
        Host full = host("c", 8192, 16384, 0, 0, PortSet.EMPTY);
        Task t1 = new Task("arn:t1", Fixtures.CLUSTER, "service:edge", withEdge.arn(), edgeTd.arn(), "RUNNING",
                "RUNNING", 2048, 4096, PortSet.of(80), null, null, null);
        Task t2 = new Task("arn:t2", Fixtures.CLUSTER, "service:edge", alsoWithEdge.arn(), edgeTd.arn(), "RUNNING",
                "RUNNING", 2048, 4096, PortSet.of(80), null, null, null);
        FleetSnapshot snapshot = Fixtures.snapshot(List.of(edge), List.of(withEdge, alsoWithEdge, full),
                List.of(t1, t2), Map.of(edgeTd.arn(), edgeTd));

        FleetPacking packing = PackingAnalysis.of(snapshot, RULES);
        ClusterPacking c = packing.cluster(Fixtures.CLUSTER).orElseThrow();
        assertThat(c.hosts()).isEqualTo(3);
        assertThat(c.registeredCpu()).isEqualTo(3 * 8192);
        assertThat(c.reservedCpu()).isEqualTo(2048 + 2048 + 8192);
        assertThat(c.cpuReservedPercent()).isEqualTo(100.0 * 12288 / 24576);
        assertThat(c.memoryReservedPercent()).isEqualTo(100.0 * (4096 + 4096 + 16384) / (3 * 16384));
        assertThat(c.portBlockedHosts()).isEqualTo(2);
        assertThat(c.strandedHosts()).isZero();
        assertThat(packing.host(withEdge.arn()).orElseThrow().portBlocks()).extracting(PortBlock::serviceName)
                .containsExactly("edge");
        assertThat(packing.host(full.arn()).orElseThrow().portBlocks()).isEmpty();
    }

    @Test
    void anEmptyClusterIsZeroPercentNotAnError() {
        ClusterPacking empty = new ClusterPacking("c", 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(empty.cpuReservedPercent()).isZero();
        assertThat(empty.memoryReservedPercent()).isZero();
        assertThat(empty.strandedCpuPercent()).isZero();
    }

    @Test
    void fargateServicesDoNotShapeTheHosts() {
        TaskDefinition big = new TaskDefinition(Fixtures.td("big", 1), "big", 1, 4096, 30720, "awsvpc", List.of());
        Service onFargate = ServiceBuilder.aService("big").cluster(Fixtures.CLUSTER).launchType("FARGATE")
                .taskDefinition(big.arn()).build();
        Host h = host("a", 4096, 8192, 2048, 1024, PortSet.EMPTY);
        Task small = new Task("arn:t", Fixtures.CLUSTER, "family:x", h.arn(), Fixtures.td("x", 1), "RUNNING",
                "RUNNING", 256, 512, PortSet.EMPTY, null, null, null);
        FleetPacking packing = PackingAnalysis.of(Fixtures.snapshot(List.of(onFargate), List.of(h), List.of(small),
                Map.of(big.arn(), big)), RULES);
        assertThat(packing.host(h.arn()).orElseThrow().stranding()).isEqualTo(Stranding.NONE);
    }
}
