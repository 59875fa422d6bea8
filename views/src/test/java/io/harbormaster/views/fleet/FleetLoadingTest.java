package io.harbormaster.views.fleet;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.ListedService;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A full load as the Services table sees it: names first, batches as they land, the saved fleet before either. */
class FleetLoadingTest {

    private static final Instant SAVED_AT = Instant.parse("2026-11-21T14:02:00Z");
    private static final String GONE = FleetFixtures.ACCOUNT + "service/web/gone";
    private static final String NEW = FleetFixtures.ACCOUNT + "service/web/new";

    private final FleetSnapshot fresh = FleetFixtures.snapshot("dev", Fixtures.NOW);
    private final Cluster cluster = fresh.clusters().get(0);
    private final ManualRepeater repeater = new ManualRepeater();
    private final FakeArchive archive = new FakeArchive();
    private final FakeFleet refreshes = new FakeFleet().with("dev", fresh).with("stage", fresh);
    private final List<FleetData> published = new ArrayList<>();
    private ScriptedLoad load = new ScriptedLoad();
    private FleetViewModel vm;

    private FleetViewModel vm() {
        vm = new FleetViewModel(load, refreshes, archive, new CurrentThreadTaskExecutor(), repeater, Runnable::run,
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        vm.dataProperty().addListener((obs, old, now) -> published.add(now));
        return vm;
    }

    private Service service(String arn) {
        return fresh.service(arn).orElseThrow();
    }

    /** The fleet as saved yesterday: api and worker with other counts, and a service since deleted. */
    private FleetSnapshot saved() {
        List<Service> services = new ArrayList<>();
        for (Service s : fresh.services()) {
            if (!s.arn().equals(FleetFixtures.EDGE)) {
                services.add(ServiceBuilder.from(s).counts(9, 9, 0).events(List.of()).placementStrategy(List.of())
                        .placementConstraints().loadBalancers(List.of()).createdAt(null).build());
            }
        }
        services.add(ServiceBuilder.aService("gone").arn(GONE).cluster(FleetFixtures.CLUSTER).taskDefinition("")
                .build());
        return FleetSnapshotBuilder.aSnapshot().region("eu-west-1").asOf(SAVED_AT).clusters(fresh.clusters())
                .services(services).taskDefinitions(fresh.taskDefinitions()).build();
    }

    @Test
    void everyServiceShowsByNameOnceListedAndFillsInAsBatchesLandAFewTimesASecond() {
        load.script = listener -> {
            listener.clustersFound(List.of(cluster));
            listener.servicesListed(cluster, List.of(FleetFixtures.API, FleetFixtures.WORKER, FleetFixtures.EDGE));
            assertThat(published).as("the only cluster is listed: shown at once").hasSize(1);
            repeater.tick();
            assertThat(published).as("nothing new on the tick").hasSize(1);
            FleetData names = vm.data();
            assertThat(names.snapshot().services()).isEmpty();
            assertThat(names.describing()).extracting(ListedService::name).containsExactly("api", "edge", "worker");
            assertThat(names.complete()).isFalse();
            assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADING);

            listener.servicesDescribed(cluster, List.of(service(FleetFixtures.API)));
            listener.servicesDescribed(cluster, List.of(service(FleetFixtures.EDGE)));
            assertThat(published).as("two batches, one update on the next tick").hasSize(1);
            repeater.tick();
            repeater.tick();
            assertThat(published).as("a tick with no news shows nothing").hasSize(2);
            FleetData two = vm.data();
            assertThat(two.snapshot().services()).extracting(Service::name).containsExactly("api", "edge");
            assertThat(two.describing()).extracting(ListedService::name).containsExactly("worker");
            assertThat(two.earlier()).isEmpty();

            listener.servicesReady(List.of(cluster), fresh.services(), fresh.taskDefinitions());
            assertThat(published).as("every service in: shown at once").hasSize(3);
            assertThat(vm.data().describing()).isEmpty();
            assertThat(vm.data().servicesCurrent()).isTrue();
        };
        vm().sessionProperty().set(Fixtures.session(DEV));

        assertThat(published).hasSize(4);
        assertThat(vm.data().complete()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
        assertThat(repeater.running()).as("no ticking once loaded").isFalse();
    }

    @Test
    void aServicesTaskDefinitionDescribedAfterTheServicesShowsAtTheNextTick() {
        load.script = listener -> {
            listener.clustersFound(List.of(cluster));
            listener.servicesReady(List.of(cluster), fresh.services(), Map.of());
            assertThat(vm.data().snapshot().taskDefinitions()).as("none described yet").isEmpty();
            TaskDefinition first = fresh.taskDefinitions().values().iterator().next();
            listener.taskDefinitionDescribed(first);
            repeater.tick();
            assertThat(vm.data().complete()).isFalse();
            assertThat(vm.data().snapshot().taskDefinitions()).containsEntry(first.arn(), first);
        };
        vm().sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
    }

    @Test
    void theLastClusterListedShowsEveryNameWithoutWaitingForTheTick() {
        Cluster other = new Cluster(FleetFixtures.ACCOUNT + "cluster/batch", "batch", "ACTIVE", 0, 0, 0, 0);
        load.script = listener -> {
            listener.clustersFound(List.of(cluster, other));
            listener.servicesListed(cluster, List.of(FleetFixtures.API));
            assertThat(published).isEmpty();
            listener.servicesListed(other, List.of());
            assertThat(published).hasSize(1);
            assertThat(vm.data().describing()).extracting(ListedService::name).containsExactly("api");
        };
        vm().sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
    }

    @Test
    void theSavedFleetShowsAtOnceMarkedAndFreshRowsReplaceItByArn() {
        archive.stored = saved();
        load.script = listener -> {
            FleetData shown = vm.data();
            assertThat(shown).as("the saved fleet, before the load has said anything").isNotNull();
            assertThat(shown.snapshot().services()).extracting(Service::name).containsExactly("api", "gone",
                    "worker");
            assertThat(shown.earlier()).hasSize(3);
            assertThat(shown.complete()).as("no hosts pretended").isFalse();
            assertThat(shown.snapshot().hosts()).isEmpty();
            assertThat(vm.stalenessProperty().get())
                    .isEqualTo("Saved view of dev from 2026-11-21 14:02:00 — loading the current fleet…");
            assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADING);

            listener.clustersFound(List.of(cluster));
            listener.servicesListed(cluster, List.of(FleetFixtures.API, FleetFixtures.WORKER, FleetFixtures.EDGE,
                    NEW));
            listener.servicesDescribed(cluster, List.of(service(FleetFixtures.API)));
            repeater.tick();
            FleetData mixed = vm.data();
            assertThat(mixed.snapshot().service(FleetFixtures.API).orElseThrow().desiredCount())
                    .as("described: fresh").isEqualTo(2);
            assertThat(mixed.snapshot().service(FleetFixtures.WORKER).orElseThrow().desiredCount())
                    .as("listed, not described: saved values").isEqualTo(9);
            assertThat(mixed.earlier()).containsExactly(FleetFixtures.WORKER);
            assertThat(mixed.snapshot().service(GONE)).as("no longer listed").isEmpty();
            assertThat(mixed.describing()).extracting(ListedService::name).containsExactly("edge", "new");
            assertThat(vm.stalenessProperty().get()).isEqualTo(
                    "Saved view of dev from 2026-11-21 14:02:00 — loading the current fleet: 1 of 4 services described.");

            listener.servicesReady(List.of(cluster), fresh.services(), fresh.taskDefinitions());
            assertThat(vm.stalenessProperty().get()).as("every row is current").isEmpty();
        };
        vm().sessionProperty().set(Fixtures.session(DEV));

        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
        assertThat(vm.data().snapshot()).isSameAs(fresh);
        assertThat(vm.stalenessProperty().get()).isEmpty();
        assertThat(archive.reads).containsExactly("dev eu-west-1");
        assertThat(archive.saves).as("the fresh fleet is kept for next time").containsExactly(fresh);
    }

    @Test
    void aLoadThatFailsLeavesTheSavedFleetShownAndSaysItIsSaved() {
        archive.stored = saved();
        load.script = listener -> {
            throw new OperatorException(new Problem(Problem.Kind.NETWORK, "Network unreachable",
                    "ecs.eu-west-1.amazonaws.com did not answer", "", ""));
        };
        vm().sessionProperty().set(Fixtures.session(DEV));

        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.FAILED);
        assertThat(vm.data().snapshot().services()).hasSize(3);
        assertThat(vm.stalenessProperty().get())
                .isEqualTo("Saved view of dev from 2026-11-21 14:02:00 — the current fleet could not be loaded.");
        assertThat(archive.saves).isEmpty();
    }

    @Test
    void aSavedFleetReadAfterTheFirstBatchesLandedFillsOnlyTheRowsStillBeingDescribed() {
        archive.stored = saved();
        QueuedTaskExecutor queued = new QueuedTaskExecutor();
        vm = new FleetViewModel(load, refreshes, archive, queued, repeater, Runnable::run,
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        load.script = listener -> {
            listener.servicesListed(cluster, List.of(FleetFixtures.API, FleetFixtures.WORKER));
            listener.servicesDescribed(cluster, List.of(service(FleetFixtures.API)));
            queued.runNext(); // the archive answers only now
            assertThat(vm.stalenessProperty().get()).startsWith("Saved view of dev from 2026-11-21 14:02:00");
            queued.runAll();
            assertThat(vm.data().earlier()).as("worker: saved values until described")
                    .containsExactly(FleetFixtures.WORKER);
            assertThat(vm.data().snapshot().service(FleetFixtures.API)).contains(service(FleetFixtures.API));
            assertThat(vm.data().snapshot().service(GONE)).as("its cluster is listed without it").isEmpty();
            assertThat(vm.data().describing()).isEmpty();
        };
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(queued.waiting()).as("the archive read, then the load").isEqualTo(2);
        queued.runLast();
        assertThat(archive.reads).hasSize(1);
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
        assertThat(vm.stalenessProperty().get()).isEmpty();
    }

    @Test
    void aSavedFleetReadOnlyAfterEveryServiceIsInIsNotShown() {
        archive.stored = saved();
        QueuedTaskExecutor queued = new QueuedTaskExecutor();
        vm = new FleetViewModel(load, refreshes, archive, queued, repeater, Runnable::run,
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
        load.script = listener -> {
            listener.servicesListed(cluster, List.of(FleetFixtures.API, FleetFixtures.WORKER));
            listener.servicesReady(List.of(cluster), List.of(service(FleetFixtures.API),
                    service(FleetFixtures.WORKER)), Map.of());
            queued.runNext(); // the archive answers only now
            assertThat(vm.stalenessProperty().get()).isEmpty();
            queued.runAll();
            assertThat(vm.data().earlier()).isEmpty();
            assertThat(vm.data().snapshot().service(GONE)).isEmpty();
            assertThat(vm.data().describing()).isEmpty();
        };
        vm.sessionProperty().set(Fixtures.session(DEV));
        assertThat(queued.waiting()).as("the archive read, then the load").isEqualTo(2);
        queued.runLast();
        assertThat(archive.reads).hasSize(1);
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
    }

    @Test
    void everyCompletedLoadAndRefreshIsSavedAndAFailureToSaveIsNotTheOperatorsProblem() {
        load.script = listener -> { };
        vm().sessionProperty().set(Fixtures.session(DEV));
        vm.activeProperty().set(true);
        repeater.tick(); // the periodic refresh
        assertThat(archive.saves).hasSize(2);

        archive.failSaves = true;
        repeater.tick();
        assertThat(vm.stalenessProperty().get()).isEmpty();
        assertThat(vm.loadProblemProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
    }

    @Test
    void anUnreadableArchiveOnlyMeansNoSavedView() {
        archive.failReads = true;
        load.script = listener -> assertThat(vm.data()).isNull();
        vm().sessionProperty().set(Fixtures.session(DEV));
        assertThat(vm.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADED);
        assertThat(vm.stalenessProperty().get()).isEmpty();
    }

    @Test
    void theArchiveIsReadOnlyWhenNothingIsInMemory() {
        load.script = listener -> { };
        vm().sessionProperty().set(Fixtures.session(DEV));
        vm.sessionProperty().set(Fixtures.session(STAGE));
        vm.sessionProperty().set(Fixtures.session(DEV)); // kept: shown from memory and refreshed
        vm.reload(); // F5: what is on screen stays until fresh rows replace it
        assertThat(archive.reads).containsExactly("dev eu-west-1", "stage eu-west-1");
    }

    @Test
    void aReloadKeepsTheRowsOnScreenMarkedUntilFreshOnesReplaceThem() {
        load.script = listener -> { };
        vm().sessionProperty().set(Fixtures.session(DEV));
        load.script = listener -> {
            listener.servicesListed(cluster, List.of(FleetFixtures.API, FleetFixtures.WORKER, FleetFixtures.EDGE));
            repeater.tick();
            assertThat(vm.data().snapshot().services()).hasSize(3);
            assertThat(vm.data().earlier()).hasSize(3);
            assertThat(vm.data().describing()).isEmpty();
        };
        vm.reload();
        assertThat(vm.data().complete()).isTrue();
    }

    /** A load that plays a script on the listener, then returns the fresh fleet. */
    private final class ScriptedLoad implements LoadFleet {
        java.util.function.Consumer<FleetLoadListener> script = listener -> { };

        @Override
        public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener) {
            script.accept(listener);
            return fresh.environmentId().equals(session.environment().id()) ? fresh
                    : FleetFixtures.snapshot(session.environment().id(), Fixtures.NOW);
        }
    }

    private static final class FakeArchive implements FleetArchive {
        volatile FleetSnapshot stored;
        volatile boolean failReads;
        volatile boolean failSaves;
        final List<String> reads = new CopyOnWriteArrayList<>();
        final List<FleetSnapshot> saves = new CopyOnWriteArrayList<>();

        @Override
        public Optional<FleetSnapshot> lastSaved(String environmentId, String region) {
            reads.add(environmentId + " " + region);
            if (failReads) {
                throw new IllegalStateException("disk on fire");
            }
            return Optional.ofNullable(stored).filter(s -> s.environmentId().equals(environmentId));
        }

        @Override
        public void save(FleetSnapshot snapshot) {
            if (failSaves) {
                throw new IllegalStateException("disk full");
            }
            saves.add(snapshot);
        }
    }
}
