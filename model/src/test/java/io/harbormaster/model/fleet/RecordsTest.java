package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records refuse what cannot exist, and fill blanks rather than carry nulls. */
class RecordsTest {

    @Test
    void aHostCannotHaveMoreLeftThanItOffers() {
        assertThatThrownBy(() -> Fixtures.host("h", 1024, 2048, 2048, 1024, PortSet.EMPTY))
                .hasMessageContaining("more remaining than registered");
        assertThatThrownBy(() -> Fixtures.host("h", 1024, 2048, -1, 0, PortSet.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostKnowsWhatIsReserved() {
        Host h = Fixtures.host("abc", 4096, 8192, 1024, 2048, null);
        assertThat(h.reservedCpu()).isEqualTo(3072);
        assertThat(h.reservedMemory()).isEqualTo(6144);
        assertThat(h.usedPorts()).isSameAs(PortSet.EMPTY);
        assertThat(h.displayName()).isEqualTo("i-abc");
        assertThat(h.active()).isTrue();
    }

    @Test
    void aTaskKnowsItsServiceAndState() {
        Task t = Fixtures.task("t", "web", "", "PENDING");
        assertThat(t.serviceName()).isEqualTo("web");
        assertThat(t.pending()).isTrue();
        assertThat(t.running()).isFalse();
        assertThat(t.inTransition()).isTrue();
        assertThat(t.taskDefinitionRevision()).isEqualTo(1);
        assertThat(t.withReservation(512, 1024)).satisfies(r -> {
            assertThat(r.cpu()).isEqualTo(512);
            assertThat(r.memory()).isEqualTo(1024);
            assertThat(r.arn()).isEqualTo(t.arn());
        });
        assertThat(new Task("a", "c", "family:x", null, null, "RUNNING", "RUNNING", 0, 0, null, null, null, null)
                .serviceName()).isEmpty();
        assertThatThrownBy(() -> Fixtures.task("t", "web", "", "RUNNING").withReservation(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServiceSummarisesItsDeployments() {
        Service s = Fixtures.service("web", 2, 2, 0, List.of(
                Fixtures.deployment("d2", "PRIMARY", "IN_PROGRESS", 2, 1, 0),
                Fixtures.deployment("d1", "ACTIVE", "COMPLETED", 2, 1, 0)),
                List.of(Fixtures.event("e2", 9, "b"), Fixtures.event("e1", 2, "a")));
        assertThat(s.deploymentsInProgress()).isEqualTo(1);
        assertThat(s.primaryDeployment()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("d2"));
        assertThat(s.lastEventAt()).contains(Fixtures.T0.plusSeconds(540));
        assertThat(s.hasFailedDeployment()).isFalse();
        assertThat(s.group()).isEqualTo("service:web");
        assertThat(s.clusterName()).isEqualTo("main");
        assertThat(s.taskDefinitionRevision()).isEqualTo(1);
        assertThat(s.taskDefinitionArns()).containsExactly(Fixtures.td("web", 1));
        assertThatThrownBy(() -> Fixtures.service("x", -1, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsAddUp() {
        FleetStats stats = new FleetStats(FleetStats.Kind.FULL, Map.of("ListTasks", 3, "DescribeTasks", 7), 2, 1,
                Duration.ofMillis(40));
        assertThat(stats.totalCalls()).isEqualTo(10);
        assertThat(stats.calls("DescribeTasks")).isEqualTo(7);
        assertThat(stats.calls("Nope")).isZero();
        assertThat(stats.callsByOperation().keySet()).containsExactly("DescribeTasks", "ListTasks");
        assertThatThrownBy(() -> new FleetStats(FleetStats.Kind.FULL, Map.of(), -1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsNameTheirCallerAsOneUserAgentToken() {
        assertThat(new FleetStats(FleetStats.Kind.INCREMENTAL, Map.of(), 0, 0, Duration.ZERO,
                "harbormaster-fleet-refresh/17").caller()).isEqualTo("harbormaster-fleet-refresh/17");
        assertThat(FleetStats.NONE.caller()).isEmpty();
        for (String bad : List.of("refresh 17", "refresh", "a/b/c", "refresh/", "caf\u00e9/1")) {
            assertThatThrownBy(() -> new FleetStats(FleetStats.Kind.FULL, Map.of(), 0, 0, Duration.ZERO, bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void progressStaysInRange() {
        assertThat(new FleetProgress("tasks", 1, 4, 10).fraction()).isEqualTo(0.25);
        assertThat(new FleetProgress(null, 0, 0, 0).fraction()).isZero();
        assertThatThrownBy(() -> new FleetProgress("x", 5, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsArePooled() {
        StringPool pool = new StringPool();
        String a = new String("arn:aws:ecs:task-definition/web:1");
        String b = new String("arn:aws:ecs:task-definition/web:1");
        assertThat(pool.of(a)).isSameAs(a);
        assertThat(pool.of(b)).isSameAs(a);
        assertThat(pool.of(null)).isNull();
        assertThat(pool.size()).isEqualTo(1);
    }
}
