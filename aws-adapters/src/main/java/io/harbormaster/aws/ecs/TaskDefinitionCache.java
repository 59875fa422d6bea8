package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.TaskDefinition;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Task definitions by ARN, for the life of the adapter: a revision never changes, and an ARN names its account and
 * region, so one describe serves every later load of every environment. Concurrent requests for the same ARN
 * share one call. Failures are not kept: the next request tries again. A shared call that its own load cancelled
 * (the operator refreshed: the new load joined the old one's describe) is no answer for the others: they describe
 * it themselves.
 */
final class TaskDefinitionCache {

    private final Map<String, TaskDefinition> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<TaskDefinition>> inFlight = new ConcurrentHashMap<>();

    CompletableFuture<TaskDefinition> get(String arn, Executor executor, Function<String, TaskDefinition> describe) {
        TaskDefinition cached = known.get(arn);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<TaskDefinition> mine = new CompletableFuture<>();
        CompletableFuture<TaskDefinition> running = inFlight.putIfAbsent(arn, mine);
        if (running != null) {
            return running.exceptionallyCompose(e -> cancelled(e) ? get(arn, executor, describe)
                    : CompletableFuture.failedFuture(e));
        }
        cached = known.get(arn);
        if (cached != null) {
            inFlight.remove(arn, mine);
            mine.complete(cached);
            return mine;
        }
        executor.execute(() -> {
            // Out of the in-flight map before completing: a joiner whose share was cancelled asks again at once.
            TaskDefinition described;
            try {
                described = describe.apply(arn);
            } catch (Throwable e) {
                inFlight.remove(arn, mine);
                mine.completeExceptionally(e);
                return;
            }
            known.put(arn, described);
            inFlight.remove(arn, mine);
            mine.complete(described);
        });
        return mine;
    }

    /** The call's own load was cancelled (its next call refused, or the call interrupted). */
    private static boolean cancelled(Throwable failure) {
        Throwable cause = Batches.unwrap(failure);
        return cause instanceof AbortedException || cause instanceof CancellationException;
    }

    /** Remembers a definition described some other way. */
    void put(TaskDefinition definition) {
        known.put(definition.arn(), definition);
    }

    int size() {
        return known.size();
    }
}
