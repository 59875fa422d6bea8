package io.harbormaster.views.hosts;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.stoptask.StopTaskTarget;
import org.junit.jupiter.api.Test;

class HostDetailViewModelTest {

    private static final String T1 = FleetFixtures.ACCOUNT + "task/web/t1";
    private static final String T3 = FleetFixtures.ACCOUNT + "task/web/t3";

    /** The next read of the fleet finds t3 stopped. */
    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW))
            .refreshingTo(HostDetailViewModelTest::withoutT3);
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(),
            Runnable::run, Fixtures.CLOCK);
    private final HostsViewModel hosts = new HostsViewModel(fleet, executor);
    private final HostDetailViewModel detail = new HostDetailViewModel(hosts, Fixtures.CLOCK);

    private static FleetSnapshot withoutT3(FleetSnapshot s) {
        return new FleetSnapshot(s.environmentId(), s.region(), s.asOf(), s.clusters(), s.services(), s.hosts(),
                s.tasks().stream().filter(t -> !t.arn().equals(T3)).toList(), s.taskDefinitions(), s.targetHealth(),
                s.problems(), s.stats());
    }

    /** Where a click on h1's CPU bar lands on its task {@code arn}. */
    private HostLayout.Hit blockOf(String arn) {
        HostLayout laid = hosts.layoutProperty().get();
        int cell = laid.indexOf(FleetFixtures.H1);
        HostCell h1 = laid.cell(cell);
        for (int t = 0; t < h1.taskCount(); t++) {
            if (h1.task(t).arn().equals(arn)) {
                return new HostLayout.Hit(cell, HostLayout.Bar.CPU, t);
            }
        }
        throw new AssertionError(arn + " is not on h1");
    }

    @Test
    void aClickedBlockPicksItsTaskWhichTheDetailShowsAndStopTaskStops() {
        fleet.sessionProperty().set(Fixtures.session(DEV));

        detail.pick(blockOf(T3));

        assertThat(hosts.selectedHostProperty().get()).isEqualTo(FleetFixtures.H1);
        HostDetail shown = detail.detailProperty().get();
        assertThat(shown.name()).isEqualTo("i-0001");
        assertThat(shown.clusterName()).isEqualTo("web");
        assertThat(shown.tasks()).extracting(HostDetail.TaskRow::serviceName).containsExactly("api", "edge", "worker");
        HostDetail.TaskRow picked = detail.pickedTaskProperty().get();
        assertThat(picked.taskId()).isEqualTo("t3");
        assertThat(picked.serviceName()).isEqualTo("worker");
        assertThat(picked.taskDefinition()).startsWith("worker:");
        assertThat(detail.started(picked)).isEqualTo("2026-11-22 10:00:00 (4 h ago)");
        assertThat(detail.startedAge(picked)).isEqualTo("started 4 h ago");
        StopTaskTarget target = detail.stopTargetProperty().get();
        assertThat(target).isEqualTo(new StopTaskTarget(FleetFixtures.CLUSTER, T3, FleetFixtures.WORKER,
                fleet.data().snapshot().service(FleetFixtures.WORKER).orElseThrow().desiredCount(), "i-0001"));
    }

    @Test
    void aRowOfTheHostsTaskListPicksThatTaskAndTheHostAloneNone() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        HostLayout laid = hosts.layoutProperty().get();

        detail.pick(new HostLayout.Hit(laid.indexOf(FleetFixtures.H1), HostLayout.Bar.NONE, -1));
        assertThat(detail.detailProperty().get().hostArn()).isEqualTo(FleetFixtures.H1);
        assertThat(detail.stopTargetProperty().get()).as("a host, no task").isNull();

        detail.taskProperty().set(T1);
        assertThat(detail.stopTargetProperty().get().task()).isEqualTo(T1);
        assertThat(detail.stopTargetProperty().get().serviceName()).isEqualTo("api");

        detail.close();
        assertThat(detail.detailProperty().get()).isNull();
        assertThat(detail.stopTargetProperty().get()).isNull();
    }

    @Test
    void aTaskGoneWhenTheFleetIsReadAgainIsNoLongerPickedButItsHostStays() {
        fleet.sessionProperty().set(Fixtures.session(DEV));
        detail.pick(blockOf(T3));

        fleet.refresh();

        assertThat(detail.taskProperty().get()).isNull();
        assertThat(detail.stopTargetProperty().get()).isNull();
        assertThat(detail.detailProperty().get().tasks()).extracting(HostDetail.TaskRow::taskId)
                .containsExactly("t1", "t4");
        assertThat(hosts.layoutProperty().get().cell(hosts.layoutProperty().get().indexOf(FleetFixtures.H1))
                .taskCount()).as("the block is gone").isEqualTo(2);
    }
}
