package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.fleet.TaskDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;

/**
 * Loads share a describe of the same ARN. When the operator refreshes, the new load joins the describe the old load
 * queued, and the old load is then cancelled: its describe fails with the cancellation, which is no answer for the
 * new load.
 */
class TaskDefinitionCacheTest {

    private static final String ARN = "arn:aws:ecs:eu-west-1:444444444444:task-definition/api:7";

    private final TaskDefinitionCache cache = new TaskDefinitionCache();
    /** The fleet pool's queue, run by hand. */
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final AtomicInteger described = new AtomicInteger();

    private final Function<String, TaskDefinition> cancelledLoad = arn -> {
        throw AbortedException.builder().message("the load was cancelled").build();
    };
    private final Function<String, TaskDefinition> currentLoad = arn -> {
        described.incrementAndGet();
        return new TaskDefinition(arn, "api", 7, 256, 512, "awsvpc", List.of());
    };

    @Test
    void aLoadThatJoinedACancelledLoadsDescribeDescribesItItself() {
        CompletableFuture<TaskDefinition> old = cache.get(ARN, queued::add, cancelledLoad);
        CompletableFuture<TaskDefinition> mine = cache.get(ARN, queued::add, currentLoad);
        assertThat(queued).as("one call shared").hasSize(1);

        queued.remove().run();
        assertThat(old).isCompletedExceptionally();
        queued.remove().run();

        assertThat(mine.join().arn()).isEqualTo(ARN);
        assertThat(described).hasValue(1);
        assertThat(cache.get(ARN, queued::add, currentLoad)).isCompletedWithValue(mine.join());
    }

    @Test
    void anotherFailureOfTheSharedCallIsEveryonesAndIsNotTriedAgainAtOnce() {
        cache.get(ARN, queued::add, arn -> {
            throw AccessDeniedException.builder().message("not allowed").build();
        });
        CompletableFuture<TaskDefinition> mine = cache.get(ARN, queued::add, currentLoad);

        queued.remove().run();

        assertThat(queued).isEmpty();
        assertThatThrownBy(mine::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(AccessDeniedException.class);
        assertThat(described).hasValue(0);
    }
}
