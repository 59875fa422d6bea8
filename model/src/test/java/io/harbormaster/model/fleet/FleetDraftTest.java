package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetDraftTest {

    private static final Instant NOW = Fixtures.T0.plusSeconds(3600);
    private static final String OTHER = "arn:aws:ecs:us-east-1:111111111111:cluster/batch";

    private static String arn(String name) {
        return "arn:aws:ecs:us-east-1:111111111111:service/main/" + name;
    }

    private static Service running(String name, int count) {
        return ServiceBuilder.aService(name).cluster(Fixtures.CLUSTER).counts(count, count, 0)
                .taskDefinition(Fixtures.td(name, 2)).createdAt(Fixtures.T0).build();
    }

    private static FleetSnapshot saved(Service... services) {
        return Fixtures.snapshot(List.of(services), List.of(), List.of(), Map.of());
    }

    private final FleetDraft draft = new FleetDraft("prod", "us-east-1");

    @Test
    void listedServicesShowByNameUntilDescribed() {
        draft.clustersFound(List.of(Fixtures.cluster(Fixtures.CLUSTER)));
        draft.listed(Fixtures.CLUSTER, List.of(arn("web"), arn("api"), arn("worker")));

        FleetDraft.View listed = draft.view(NOW);
        assertThat(listed.snapshot().services()).isEmpty();
        assertThat(listed.describing()).extracting(ListedService::name).containsExactly("api", "web", "worker");
        assertThat(listed.describing()).extracting(ListedService::clusterName).containsOnly("main");
        assertThat(listed.listed()).isEqualTo(3);

        draft.described(List.of(running("web", 2)));
        FleetDraft.View some = draft.view(NOW);
        assertThat(some.snapshot().services()).extracting(Service::name).containsExactly("web");
        assertThat(some.describing()).extracting(ListedService::name).containsExactly("api", "worker");
        assertThat(some.described()).isEqualTo(1);
        assertThat(some.earlier()).isEmpty();
        assertThat(some.snapshot().asOf()).isEqualTo(NOW);
        assertThat(some.snapshot().hosts()).isEmpty();
    }

    @Test
    void savedValuesShowUntilFreshOnesReplaceThemByArn() {
        draft.earlier(saved(running("web", 1), running("api", 1)));
        FleetDraft.View before = draft.view(NOW);
        assertThat(before.snapshot().services()).extracting(Service::name).containsExactly("api", "web");
        assertThat(before.earlier()).containsExactlyInAnyOrder(arn("web"), arn("api"));
        assertThat(before.snapshot().asOf()).as("nothing fresh yet: as of the save").isEqualTo(Fixtures.T0);

        draft.listed(Fixtures.CLUSTER, List.of(arn("web"), arn("api"), arn("new")));
        draft.described(List.of(running("web", 5)));
        FleetDraft.View during = draft.view(NOW);
        assertThat(during.snapshot().service(arn("web")).orElseThrow().desiredCount()).isEqualTo(5);
        assertThat(during.snapshot().service(arn("api")).orElseThrow().desiredCount()).isEqualTo(1);
        assertThat(during.earlier()).containsExactly(arn("api"));
        assertThat(during.describing()).extracting(ListedService::name).containsExactly("new");
    }

    @Test
    void savedServicesNoLongerListedDisappearOnceTheirClusterIsListed() {
        draft.earlier(saved(running("web", 1), running("gone", 1)));
        assertThat(draft.view(NOW).snapshot().services()).hasSize(2);

        draft.listed(Fixtures.CLUSTER, List.of(arn("web")));
        FleetDraft.View view = draft.view(NOW);
        assertThat(view.snapshot().services()).extracting(Service::name).containsExactly("web");
        assertThat(view.earlier()).containsExactly(arn("web"));
    }

    @Test
    void savedServicesOfAClusterThatNoLongerExistsDisappearOnceClustersAreFound() {
        draft.earlier(saved(running("web", 1)));
        draft.clustersFound(List.of(Fixtures.cluster(OTHER)));
        FleetDraft.View view = draft.view(NOW);
        assertThat(view.snapshot().services()).isEmpty();
        assertThat(view.snapshot().clusters()).extracting(Cluster::arn).containsExactly(OTHER);
    }

    @Test
    void savedTaskDefinitionsServeUntilFreshOnesArrive() {
        TaskDefinition old = new TaskDefinition(Fixtures.td("web", 2), "web", 2, 256, 512, "bridge", List.of());
        draft.earlier(FleetSnapshotBuilder.aSnapshot().environment("prod").asOf(Fixtures.T0)
                .services(running("web", 1)).taskDefinitions(Map.of(old.arn(), old)).build());
        assertThat(draft.view(NOW).snapshot().taskDefinition(old.arn())).contains(old);
    }

    @Test
    void theVersionGrowsWithEveryChange() {
        long v0 = draft.version();
        draft.listed(Fixtures.CLUSTER, List.of(arn("web")));
        long v1 = draft.version();
        draft.described(List.of(running("web", 1)));
        assertThat(v1).isGreaterThan(v0);
        assertThat(draft.version()).isGreaterThan(v1);
        assertThat(draft.view(NOW).version()).isEqualTo(draft.version());
        assertThat(draft.hasFresh()).isTrue();
        assertThat(draft.allListed()).as("clusters not found yet").isFalse();
        draft.clustersFound(List.of(Fixtures.cluster(Fixtures.CLUSTER), Fixtures.cluster(OTHER)));
        assertThat(draft.allListed()).isFalse();
        draft.listed(OTHER, List.of());
        assertThat(draft.allListed()).isTrue();
    }

    @Test
    void anotherEnvironmentsSnapshotCannotStandIn() {
        FleetSnapshot dev = FleetSnapshot.empty("dev", "us-east-1", Fixtures.T0);
        assertThatThrownBy(() -> draft.earlier(dev)).isInstanceOf(IllegalArgumentException.class);
    }
}
