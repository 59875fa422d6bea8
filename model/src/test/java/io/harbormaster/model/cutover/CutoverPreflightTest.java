package io.harbormaster.model.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Fixtures;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadBalancerTarget;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.metrics.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutoverPreflightTest {

    private static final String BLUE_TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api-blue/1";
    private static final String GREEN_TG = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api-green/2";

    private final CutoverPlan plan = CutoverPlanner.plan("cut-1", CutoverFakes.apiRecord(100, 0), "blue", "green",
            new PlanShape.Linear(25), java.time.Duration.ofSeconds(90), CutoverFakes.gates(NoDataPolicy.FAIL, false),
            List.of(new CutoverSide("blue", "api-blue", "prod", "us-east-1", "arn:lb/app/api-blue/1",
                    List.of(BLUE_TG)), new CutoverSide("green", "api-green", "prod", "us-east-1",
                    "arn:lb/app/api-green/2", List.of(GREEN_TG))));

    private static Service service(String name, String tg, int running) {
        Service s = Fixtures.service(name);
        return new Service(s.arn(), name, s.clusterArn(), "ACTIVE", running, running, 0, "EC2", s.taskDefinitionArn(),
                s.deployments(), List.of(), List.of(), List.of(), List.of(new LoadBalancerTarget(tg, name, "app",
                        8080)), s.createdAt());
    }

    /** api-blue: 4 tasks on two full hosts; api-green: 2 tasks on a host with 3584 CPU / 7168 MiB free. */
    private static FleetSnapshot fleet() {
        Host h1 = Fixtures.host("h1", 512, 1024, 0, 0, PortSet.EMPTY);
        Host h2 = Fixtures.host("h2", 512, 1024, 0, 0, PortSet.EMPTY);
        Host h3 = Fixtures.host("h3", 4096, 8192, 3584, 7168, PortSet.EMPTY);
        List<Task> tasks = new ArrayList<>();
        tasks.add(Fixtures.task("b1", "api-blue", h1.arn(), "RUNNING"));
        tasks.add(Fixtures.task("b2", "api-blue", h1.arn(), "RUNNING"));
        tasks.add(Fixtures.task("b3", "api-blue", h2.arn(), "RUNNING"));
        tasks.add(Fixtures.task("b4", "api-blue", h2.arn(), "RUNNING"));
        tasks.add(Fixtures.task("g1", "api-green", h3.arn(), "RUNNING"));
        tasks.add(Fixtures.task("g2", "api-green", h3.arn(), "RUNNING"));
        tasks.add(Fixtures.task("g3", "api-green", h3.arn(), "STOPPED"));
        return Fixtures.snapshot(List.of(service("api-blue", BLUE_TG, 4), service("api-green", GREEN_TG, 2)),
                List.of(h1, h2, h3), tasks, Map.of());
    }

    private static List<MetricPoint> perMinute(double... values) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new MetricPoint(CutoverFakes.T0.plusSeconds(60L * i), values[i]));
        }
        return out;
    }

    @Test
    void targetHealthNeedsNinetyPercentAndAtLeastOne() {
        CutoverSide green = plan.side("green");
        assertThat(CutoverPreflight.health(green, new SideHealth.Counts(9, 10, 1)).passed()).isTrue();
        assertThat(CutoverPreflight.health(green, new SideHealth.Counts(8, 10, 1)).passed()).isFalse();
        PreflightCheck none = CutoverPreflight.health(green, new SideHealth.Counts(0, 0, 1));
        assertThat(none.passed()).isFalse();
        assertThat(none.evidence()).contains("api-green: 0 of 0 targets healthy in 1 target group(s)");
    }

    @Test
    void capacityCountsTasksBehindEachSideAndTheRoomOnItsHosts() {
        PreflightCheck c = CutoverPreflight.capacity(plan.side("blue"), plan.side("green"), fleet(), fleet());
        assertThat(c.passed()).isFalse();
        // 3584 / 256 = 14 by CPU, 7168 / 512 = 14 by memory on h3; h1 and h2 are full
        assertThat(c.evidence()).contains("api-green: 2 running tasks on 1 hosts", "api-blue: 4 running tasks on 2"
                + " hosts", "needs ≥ 4 tasks", "room for 14 more such tasks (256 CPU units, 512 MiB each",
                "Scale api-green up by 2 first: they fit.");
        PreflightCheck reverse = CutoverPreflight.capacity(plan.side("green"), plan.side("blue"), fleet(), fleet());
        assertThat(reverse.passed()).isTrue();
    }

    @Test
    void warmedWhenItsBusiestMinuteIsHalfTheLargestStep() {
        // blue carries 1000/min; linear 25 % steps add 250/min each: the target must have seen ≥ 125 in a minute
        CutoverPreflight.Inputs cold = new CutoverPreflight.Inputs(new SideHealth.Counts(1, 1, 1), null, null,
                perMinute(1000, 1000), perMinute(0, 120, 40));
        PreflightCheck check = CutoverPreflight.warmed(plan, plan.side("blue"), plan.side("green"), cold);
        assertThat(check.passed()).isFalse();
        assertThat(check.evidence()).contains("busiest minute in the last hour: 120 requests (3 minutes seen)",
                "adds 25.0 %", "1000 requests/min", "250/min", "(125)");
        CutoverPreflight.Inputs warm = new CutoverPreflight.Inputs(new SideHealth.Counts(1, 1, 1), null, null,
                perMinute(1000, 1000), perMinute(0, 130));
        assertThat(CutoverPreflight.warmed(plan, plan.side("blue"), plan.side("green"), warm).passed()).isTrue();
    }

    @Test
    void theTtlIsShownWithTheBakeItForces() {
        PreflightCheck ttl = CutoverPreflight.ttl(plan);
        assertThat(ttl.passed()).isTrue();
        assertThat(ttl.evidence()).contains("TTL 60 s (alias to a load balancer", "shortest bake is 90 s",
                "30 s margin");
    }

    @Test
    void allFourChecksInOrder() {
        List<PreflightCheck> checks = CutoverPreflight.check(plan, new CutoverPreflight.Inputs(
                new SideHealth.Counts(2, 2, 1), fleet(), fleet(), perMinute(1000), perMinute(500)));
        assertThat(checks).extracting(PreflightCheck::name).containsExactly("Target side healthy", "Capacity",
                "Load balancer warmed", "Record TTL");
        assertThat(checks).extracting(PreflightCheck::passed).containsExactly(true, false, true, true);
    }

    @Test
    void aSidesHostsAreTheHostsItsRunningTasksAreOnWithEverythingTheyRun() {
        FleetSnapshot green = SideFleet.of(fleet(), plan.side("green"));
        assertThat(green.hosts()).extracting(h -> h.arn()).containsExactly(fleet().hosts().get(2).arn());
        assertThat(green.services()).extracting(s -> s.name()).containsExactly("api-green");
        assertThat(green.tasks()).hasSize(3);   // the stopped one was on h3 too: the host's detail lists it
        FleetSnapshot blue = SideFleet.of(fleet(), plan.side("blue"));
        assertThat(blue.hosts()).hasSize(2);
        assertThat(blue.tasks()).extracting(t -> t.arn()).allMatch(arn -> arn.contains("b"));
    }
}
