package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class GateTest {

    private final List<String> ran = new ArrayList<>();
    private final Executor inline = Runnable::run;

    @Test
    void workWaitsUntilEverythingBeforeItIsDoneThenRunsInTheOrderItCame() {
        CompletableFuture<Void> hostsOfA = new CompletableFuture<>();
        CompletableFuture<Void> hostsOfB = new CompletableFuture<>();
        Gate gate = new Gate().openWhen(List.of(hostsOfA, hostsOfB));
        Executor tasks = gate.then(inline);

        tasks.execute(() -> ran.add("tasks of A"));
        tasks.execute(() -> ran.add("tasks of B"));
        hostsOfA.complete(null);
        assertThat(ran).as("B's hosts are still coming").isEmpty();
        assertThat(gate.isOpen()).isFalse();

        hostsOfB.complete(null);
        assertThat(ran).containsExactly("tasks of A", "tasks of B");
        tasks.execute(() -> ran.add("later"));
        assertThat(ran).containsExactly("tasks of A", "tasks of B", "later");
    }

    @Test
    void aFailedPartHoldsNothingBack() {
        CompletableFuture<Void> failed = new CompletableFuture<>();
        Gate gate = new Gate().openWhen(List.of(failed));
        gate.then(inline).execute(() -> ran.add("tasks"));

        failed.completeExceptionally(new IllegalStateException("ListContainerInstances failed"));

        assertThat(ran).containsExactly("tasks");
    }

    @Test
    void withNothingToWaitForItIsOpenAtOnce() {
        Gate gate = new Gate().openWhen(List.of());
        gate.then(inline).execute(() -> ran.add("tasks"));

        assertThat(gate.isOpen()).isTrue();
        assertThat(ran).containsExactly("tasks");
    }
}
