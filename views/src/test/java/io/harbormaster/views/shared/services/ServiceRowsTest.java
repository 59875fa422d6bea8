package io.harbormaster.views.shared.services;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.FleetDraft;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.ManualRepeater;
import io.harbormaster.views.services.ServicesViewModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Services table's rows while a load runs: described problems first, saved ones marked, the rest by name. */
class ServiceRowsTest {

    private static final String LATE = FleetFixtures.ACCOUNT + "service/web/aardvark";
    private final FleetSnapshot fresh = FleetFixtures.snapshot("dev", Fixtures.NOW);
    private final EnvironmentTag dev = EnvironmentTag.of(DEV);

    /** edge (unplaceable) described, worker known from a saved fleet, api and a new service only listed. */
    private FleetData midLoad() {
        FleetDraft draft = new FleetDraft("dev", "eu-west-1");
        Service worker = fresh.service(FleetFixtures.WORKER).orElseThrow();
        draft.earlier(FleetSnapshotBuilder.aSnapshot().region("eu-west-1").asOf(Fixtures.NOW.minusSeconds(86_400))
                .clusters(fresh.clusters()).services(worker).taskDefinitions(fresh.taskDefinitions()).build());
        draft.listed(FleetFixtures.CLUSTER, List.of(FleetFixtures.API, FleetFixtures.WORKER, FleetFixtures.EDGE,
                LATE));
        draft.described(List.of(fresh.service(FleetFixtures.EDGE).orElseThrow()));
        return FleetData.loading(draft.view(Fixtures.NOW));
    }

    @Test
    void describedRowsProblemsFirstThenRowsStillBeingDescribedByName() {
        List<ServiceRow> rows = ServiceRows.of(midLoad(), dev);

        assertThat(rows).extracting(ServiceRow::name).containsExactly("edge", "worker", "aardvark", "api");
        assertThat(rows).extracting(ServiceRow::freshness).containsExactly(ServiceRow.Freshness.CURRENT,
                ServiceRow.Freshness.EARLIER, ServiceRow.Freshness.DESCRIBING, ServiceRow.Freshness.DESCRIBING);
        assertThat(rows.get(0).attention()).isEqualTo(ServiceAttention.Level.UNPLACEABLE);
        assertThat(rows.get(1).desired()).as("saved values shown").isEqualTo(1);
        ServiceRow api = rows.get(3);
        assertThat(api.attentionText()).isEqualTo("Describing…");
        assertThat(api.cluster()).isEqualTo("web");
        assertThat(api.needsAttention()).isFalse();
        assertThat(api.imageTags()).isEmpty();
        assertThat(api.lastEvent()).isNull();
        assertThat(api.matches("api")).isTrue();
    }

    @Test
    void theSummarySaysHowManyAreStillBeingDescribedAndThenAllSteadyOrNot() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ManualRepeater repeater = new ManualRepeater();
        ServicesViewModel[] vm = new ServicesViewModel[1];
        String[] midway = new String[1];
        FleetViewModel fleet = new FleetViewModel((session, listener) -> {
            listener.servicesListed(fresh.clusters().get(0), List.of(FleetFixtures.API, FleetFixtures.WORKER,
                    FleetFixtures.EDGE, LATE));
            listener.servicesDescribed(fresh.clusters().get(0),
                    List.of(fresh.service(FleetFixtures.EDGE).orElseThrow()));
            repeater.tick();
            midway[0] = vm[0].summaryProperty().get();
            return fresh;
        }, (session, previous, listener) -> previous, executor, repeater, Runnable::run, Fixtures.CLOCK);
        vm[0] = new ServicesViewModel(fleet, executor);
        fleet.sessionProperty().set(Fixtures.session(DEV));

        assertThat(midway[0]).isEqualTo("4 services · 3 being described · 1 need attention so far");
        assertThat(vm[0].summaryProperty().get()).isEqualTo("3 services · 1 need attention");
    }
}
