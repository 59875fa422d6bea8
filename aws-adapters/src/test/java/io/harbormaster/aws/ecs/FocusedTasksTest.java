package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.Host;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.PortSet;
import io.harbormaster.model.fleet.StringPool;
import io.harbormaster.model.fleet.Task;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * The tasks of the hosts on screen go ahead of the sweep, most wanted first, each task once, with a fake ECS that
 * answers ListTasks by container instance and DescribeTasks from a table of hosts and their tasks.
 */
class FocusedTasksTest {

    private static final Cluster CLUSTER = new Cluster("arn:aws:ecs:eu-west-1:1:cluster/giant", "giant", "ACTIVE",
            4, 1, 1_000, 0);

    /** Four hosts of 250 tasks each, as ECS would list them host by host. */
    private final FakeEcs ecs = new FakeEcs(4, 250);
    private final LoadFocus focus = LoadFocus.none();
    private final List<Task> told = new ArrayList<>();
    private final FocusedTasks focused = new FocusedTasks(focus, ecs, Runnable::run, (c, tasks) -> told.addAll(tasks),
            () -> false);

    @Test
    void theHostsInFocusAreDescribedInTheirOrderAndNoOthers() {
        focus.lookAt(List.of(ecs.host(2).arn(), ecs.host(0).arn()));

        focused.hostsDescribed(CLUSTER, ecs.hosts());

        assertThat(focused.order()).containsExactly(ecs.host(2).arn(), ecs.host(0).arn());
        assertThat(told).hasSize(500).extracting(Task::containerInstanceArn)
                .containsOnly(ecs.host(2).arn(), ecs.host(0).arn());
        assertThat(told.subList(0, 250)).extracting(Task::containerInstanceArn).containsOnly(ecs.host(2).arn());
        assertThat(ecs.listCalls).containsExactly(ecs.host(2).arn(), ecs.host(2).arn(), ecs.host(2).arn(),
                ecs.host(0).arn(), ecs.host(0).arn(), ecs.host(0).arn());
        assertThat(ecs.describeBatches).containsExactly(100, 100, 50, 100, 100, 50);
        assertThat(focused.finish(f -> f.join())).hasSize(500);
    }

    @Test
    void nothingStartsBeforeTheHostsAreKnownNorForAHostTheSweepHasCompleted() {
        focus.lookAt(List.of(ecs.host(1).arn(), ecs.host(3).arn()));
        focused.refocus();
        assertThat(focused.order()).isEmpty();

        focused.tasksDescribed(ecs.tasksOn(1)); // the sweep got there first
        focused.hostsDescribed(CLUSTER, ecs.hosts());

        assertThat(focused.order()).containsExactly(ecs.host(3).arn());
    }

    @Test
    void aTaskIsDescribedOnceWhicheverSideClaimsItFirst() {
        List<String> sweepClaimed = ecs.tasksOn(0).stream().limit(120).map(Task::arn)
                .filter(focused::claim).toList();
        focus.lookAt(List.of(ecs.host(0).arn()));

        focused.hostsDescribed(CLUSTER, ecs.hosts());

        assertThat(sweepClaimed).hasSize(120);
        assertThat(told).hasSize(130).extracting(Task::arn).doesNotContainAnyElementsOf(sweepClaimed);
        assertThat(ecs.describeBatches).containsExactly(100, 30);
        assertThat(focused.claim(ecs.tasksOn(0).get(200).arn())).as("claimed by the focus").isFalse();
        assertThat(focused.claim(ecs.tasksOn(1).get(0).arn())).as("nobody's yet").isTrue();
    }

    @Test
    void aNewFocusIsFollowedFromTheNextHostOn() {
        focus.lookAt(List.of(ecs.host(0).arn(), ecs.host(1).arn(), ecs.host(2).arn()));
        ecs.onList = host -> {
            if (host.equals(ecs.host(0).arn())) {
                focus.lookAt(List.of(ecs.host(3).arn(), ecs.host(2).arn())); // the operator scrolled meanwhile
            }
        };

        focused.hostsDescribed(CLUSTER, ecs.hosts());

        assertThat(focused.order()).containsExactly(ecs.host(0).arn(), ecs.host(3).arn(), ecs.host(2).arn());
    }

    @Test
    void finishingStartsNoFurtherHostButWaitsForTheOneUnderWay() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ecs.onList = host -> {
            listing.countDown();
            await(release);
        };
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            FocusedTasks onWorker = new FocusedTasks(focus, ecs, worker, (c, tasks) -> told.addAll(tasks),
                    () -> false);
            focus.lookAt(List.of(ecs.host(0).arn(), ecs.host(1).arn()));
            onWorker.hostsDescribed(CLUSTER, ecs.hosts());
            assertThat(listing.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<List<Task>> finished = CompletableFuture.supplyAsync(() -> onWorker.finish(f -> f.join()));
            Thread.sleep(100);
            assertThat(finished).as("waiting for host 0").isNotDone();
            release.countDown();

            assertThat(finished.get(5, TimeUnit.SECONDS)).hasSize(250)
                    .extracting(Task::containerInstanceArn).containsOnly(ecs.host(0).arn());
            assertThat(onWorker.order()).containsExactly(ecs.host(0).arn());
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aSweptClusterIsLeftToItsSweep() {
        focus.lookAt(List.of(ecs.host(0).arn()));
        focused.swept(CLUSTER);

        focused.hostsDescribed(CLUSTER, ecs.hosts());

        assertThat(focused.order()).isEmpty();
        assertThat(ecs.listCalls).isEmpty();
    }

    @Test
    void aHostWhoseDescribeFailsBetweenTwoPagesGivesTheListsHoldBack() {
        CallPacer pacer = new CallPacer();
        RunCancellation cancellation = new RunCancellation();
        EcsClient client = (EcsClient) Proxy.newProxyInstance(EcsClient.class.getClassLoader(),
                new Class<?>[] {EcsClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listTasks")) {
                        cancellation.cancel();   // the operator left: the describe of this page is not sent
                        return ListTasksResponse.builder().taskArns(ecs.tasksOn(0).stream().limit(100)
                                .map(Task::arn).toList()).nextToken("page-2").build();
                    }
                    throw new AssertionError(method.getName() + " called");
                });
        EcsReads reads = new EcsReads(client, new EcsMapping(new StringPool()), o -> { }, pacer, cancellation);
        FocusedTasks onReads = new FocusedTasks(focus, new FocusedTasks.Reads() {
            @Override
            public Iterable<String> taskArnsOn(String clusterArn, String hostArn) {
                return reads.taskArnsOn(clusterArn, hostArn);
            }

            @Override
            public List<Task> describeTasks(String clusterArn, List<String> taskArns) {
                return reads.describeTasks(clusterArn, taskArns, EcsReads.Turn.AHEAD);
            }
        }, Runnable::run, (c, tasks) -> told.addAll(tasks), cancellation::isCancelled);
        focus.lookAt(List.of(ecs.host(0).arn()));

        onReads.hostsDescribed(CLUSTER, ecs.hosts());

        assertThat(told).isEmpty();
        assertThat(pacer.listings(ThrottleBucket.CLUSTER_RESOURCE_READ)).as("the list's hold").isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ECS as far as focused hosts need it: ListTasks by container instance (pages of 100), DescribeTasks. */
    private static final class FakeEcs implements FocusedTasks.Reads {
        private final Map<String, List<Task>> byHost = new LinkedHashMap<>();
        private final List<Host> hosts = new ArrayList<>();
        final List<String> listCalls = new ArrayList<>();
        final List<Integer> describeBatches = new ArrayList<>();
        java.util.function.Consumer<String> onList = host -> { };

        FakeEcs(int hostCount, int tasksEach) {
            for (int h = 0; h < hostCount; h++) {
                String arn = CLUSTER.arn().replace(":cluster/", ":container-instance/giant/") + "-" + h;
                hosts.add(new Host(arn, CLUSTER.arn(), "i-" + h, "m5.16xlarge", "eu-west-1a", Host.ACTIVE, true,
                        65_536, 262_144, 0, 0, PortSet.EMPTY, PortSet.EMPTY, tasksEach, 0));
                int host = h;
                byHost.put(arn, IntStream.range(0, tasksEach).mapToObj(t -> new Task(
                        "arn:aws:ecs:eu-west-1:1:task/giant/" + host + "-" + t, CLUSTER.arn(), "service:web", arn,
                        "arn:aws:ecs:eu-west-1:1:task-definition/web:1", Task.RUNNING, Task.RUNNING, 256, 1024,
                        PortSet.EMPTY, null, null, "")).toList());
            }
        }

        Host host(int i) {
            return hosts.get(i);
        }

        List<Host> hosts() {
            return List.copyOf(hosts);
        }

        List<Task> tasksOn(int host) {
            return byHost.get(hosts.get(host).arn());
        }

        @Override
        public Iterable<String> taskArnsOn(String clusterArn, String hostArn) {
            onList.accept(hostArn);
            List<String> arns = byHost.get(hostArn).stream().map(Task::arn).toList();
            List<String> paged = new ArrayList<>();
            for (int from = 0; from < arns.size(); from += 100) { // one call a page, as the SDK would make them
                listCalls.add(hostArn);
                paged.addAll(arns.subList(from, Math.min(arns.size(), from + 100)));
            }
            return paged;
        }

        @Override
        public List<Task> describeTasks(String clusterArn, List<String> taskArns) {
            describeBatches.add(taskArns.size());
            return byHost.values().stream().flatMap(List::stream).filter(t -> taskArns.contains(t.arn())).toList();
        }
    }
}
