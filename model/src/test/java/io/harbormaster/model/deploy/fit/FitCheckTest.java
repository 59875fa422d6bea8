package io.harbormaster.model.deploy.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.packing.TaskShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitCheckTest {

    private static final String CLUSTER = "arn:aws:ecs:us-east-1:1:cluster/api";
    private static final List<PlacementStrategy> BINPACK_MEMORY = List.of(new PlacementStrategy("binpack", "memory"));

    private static Host host(String id, String type, String zone, int freeCpu, int freeMemory, int... usedPorts) {
        return new Host("arn:aws:ecs:us-east-1:1:container-instance/api/" + id, CLUSTER, id, type, zone, "ACTIVE", true,
                4096, 8192, freeCpu, freeMemory, PortSet.of(22), PortSet.of(usedPorts), 1, 0);
    }

    private static FitRequest request(List<Host> hosts, TaskShape task, int extra, List<PlacementStrategy> strategies,
                                      List<PlacementConstraint> constraints, Map<String, Integer> tasksByHost) {
        return new FitRequest(hosts, task, extra, strategies, constraints, tasksByHost, true);
    }

    @Test
    void binpackOnMemoryFillsTheFullestHostThatStillFitsFirst() {
        Host roomy = host("i-a", "m5.xlarge", "us-east-1a", 4096, 4096);
        Host half = host("i-b", "m5.xlarge", "us-east-1a", 4096, 2048);
        Host tight = host("i-c", "m5.xlarge", "us-east-1a", 4096, 1024);
        FitResult result = FitCheck.check(request(List.of(roomy, half, tight), new TaskShape(256, 512), 3,
                BINPACK_MEMORY, List.of(), Map.of()));

        assertThat(result.fits()).isTrue();
        assertThat(result.placements()).extracting(HostPlacement::hostName, HostPlacement::tasks)
                .containsExactly(tuple("i-c", 2), tuple("i-b", 1));
        assertThat(result.summary()).isEqualTo("All 3 extra tasks fit on 2 hosts");
    }

    @Test
    void aStaticHostPortAllowsOneTaskAHostAndNamesPortsAsWhatIsShort() {
        Host busy = host("i-a", "m5.large", "us-east-1a", 4096, 8000, 8080);
        Host free1 = host("i-b", "m5.large", "us-east-1b", 4096, 8000);
        Host free2 = host("i-c", "m5.large", "us-east-1c", 4096, 8000);
        TaskShape task = new TaskShape(512, 1024, PortSet.of(8080));
        FitResult result = FitCheck.check(request(List.of(busy, free1, free2), task, 4, BINPACK_MEMORY, List.of(),
                Map.of(busy.arn(), 1)));

        assertThat(result.placed()).isEqualTo(2);
        assertThat(result.unplaced()).isEqualTo(2);
        assertThat(result.blockedHosts()).containsExactly(Map.entry(Shortfall.PORTS, 3));
        assertThat(result.mainShortfall()).isEqualTo(Shortfall.PORTS);
        assertThat(result.moreHosts()).as("one task a host with a static port").isEqualTo(2);
        assertThat(result.shortCpu()).as("CPU is plentiful; ports are what is short").isZero();
        assertThat(result.summary()).contains("2 of 4 extra tasks fit")
                .contains("static host port already taken on 3 hosts").contains("About 2 more m5.large hosts");
    }

    @Test
    void distinctInstanceRefusesHostsThatAlreadyRunTheService() {
        Host a = host("i-a", "m5.large", "us-east-1a", 4096, 8000);
        Host b = host("i-b", "m5.large", "us-east-1b", 4096, 8000);
        Host c = host("i-c", "m5.large", "us-east-1c", 4096, 8000);
        FitResult result = FitCheck.check(request(List.of(a, b, c), new TaskShape(256, 256), 2, BINPACK_MEMORY,
                List.of(new PlacementConstraint("distinctInstance", "")), Map.of(a.arn(), 1, b.arn(), 1)));

        assertThat(result.placed()).isEqualTo(1);
        assertThat(result.placements()).extracting(HostPlacement::hostName).containsExactly("i-c");
        assertThat(result.blockedHosts()).containsExactly(Map.entry(Shortfall.DISTINCT_INSTANCE, 3));
    }

    @Test
    void memberOfKeepsTasksOffHostsOfTheWrongTypeAndSaysWhatItCouldNotJudge() {
        Host m5 = host("i-a", "m5.large", "us-east-1a", 4096, 8000);
        Host t3 = host("i-b", "t3.large", "us-east-1b", 4096, 8000);
        FitResult result = FitCheck.check(request(List.of(m5, t3), new TaskShape(2048, 1024), 3, BINPACK_MEMORY,
                List.of(new PlacementConstraint("memberOf", "attribute:ecs.instance-type =~ m5.*"),
                        new PlacementConstraint("memberOf", "attribute:team == payments")), Map.of()));

        assertThat(result.placements()).extracting(HostPlacement::hostName, HostPlacement::tasks)
                .containsExactly(tuple("i-a", 2));
        assertThat(result.blockedHosts()).containsEntry(Shortfall.MEMBER_OF, 1).containsEntry(Shortfall.CPU, 1);
        assertThat(result.notes()).anyMatch(n -> n.contains("attribute:team"));
    }

    @Test
    void spreadOverZonesPutsTheNextTaskInTheZoneWithFewestOfTheService() {
        Host a1 = host("i-a1", "m5.large", "us-east-1a", 4096, 8000);
        Host a2 = host("i-a2", "m5.large", "us-east-1a", 4096, 8000);
        Host b1 = host("i-b1", "m5.large", "us-east-1b", 4096, 8000);
        FitResult result = FitCheck.check(request(List.of(a1, a2, b1), new TaskShape(256, 256), 3,
                List.of(new PlacementStrategy("spread", "attribute:ecs.availability-zone"),
                        new PlacementStrategy("spread", "instanceId")), List.of(), Map.of(a1.arn(), 1)));

        // zone a has 1, zone b 0 → b1; then a 1, b 1 → tie on zone, instance spread → a2 (0 tasks); then a 2, b 1 → b1
        assertThat(result.placements()).extracting(HostPlacement::hostName, HostPlacement::tasks)
                .containsExactly(tuple("i-b1", 2),
                        tuple("i-a2", 1));
    }

    @Test
    void whatIsShortIsCountedBeyondTheFreeCapacity() {
        Host a = host("i-a", "c5.xlarge", "us-east-1a", 512, 8000);
        Host b = host("i-b", "c5.xlarge", "us-east-1b", 512, 8000);
        FitResult result = FitCheck.check(request(List.of(a, b), new TaskShape(1024, 512), 5, BINPACK_MEMORY,
                List.of(), Map.of()));

        assertThat(result.placed()).isZero();
        assertThat(result.blockedHosts()).containsExactly(Map.entry(Shortfall.CPU, 2));
        assertThat(result.shortCpu()).isEqualTo(5 * 1024 - 1024);
        assertThat(result.moreHosts()).as("an empty c5.xlarge (4096 CPU) takes 4").isEqualTo(2);
    }

    @Test
    void drainingHostsTakeNothing() {
        Host draining = new Host("arn:h/1", CLUSTER, "i-d", "m5.large", "us-east-1a", "DRAINING", true, 4096, 8192,
                4096, 8192, PortSet.EMPTY, PortSet.EMPTY, 0, 0);
        FitResult result = FitCheck.check(request(List.of(draining), new TaskShape(1, 1), 1, List.of(), List.of(),
                Map.of()));
        assertThat(result.fits()).isFalse();
        assertThat(result.blockedHosts()).containsExactly(Map.entry(Shortfall.HOST_NOT_ACTIVE, 1));
        assertThat(result.notes()).anyMatch(n -> n.contains("default"));
    }

    @Test
    void peakDemandPerStrategy() {
        assertThat(PeakDemand.rolling(10, 200)).isEqualTo(10);
        assertThat(PeakDemand.rolling(10, 150)).isEqualTo(5);
        assertThat(PeakDemand.rolling(3, 150)).as("floor(4.5) - 3").isEqualTo(1);
        assertThat(PeakDemand.rolling(10, 100)).isZero();
        assertThat(PeakDemand.secondSet(7)).isEqualTo(7);
        assertThatThrownBy(() -> PeakDemand.rolling(-1, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void memberOfExpressions() {
        Host h = host("i-a", "m5.large", "us-east-1b", 1, 1);
        assertThat(MemberOfExpression.parse("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]").matches(h))
                .isTrue();
        assertThat(MemberOfExpression.parse("attribute:ecs.availability-zone not_in [us-east-1b]").matches(h))
                .isFalse();
        assertThat(MemberOfExpression.parse("attribute:ecs.instance-type == t3.large or ec2InstanceId == i-a")
                .matches(h)).isTrue();
        assertThat(MemberOfExpression.parse("attribute:ecs.instance-type =~ m5.* and runningTasksCount < 1")
                .matches(h)).as("runs 1 task").isFalse();
        assertThatThrownBy(() -> MemberOfExpression.parse("whatever")).hasMessageContaining("cluster query language");
    }
}
