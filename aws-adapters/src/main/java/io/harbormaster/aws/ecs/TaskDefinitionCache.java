package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.TaskDefinition;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Task definitions by ARN, for the life of the adapter: a revision never changes, and an ARN names its account and
 * region, so one describe serves every later load of every environment. Concurrent requests for the same ARN
 * share one call. Failures are not kept: the next request tries again.
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
            return running;
        }
        cached = known.get(arn);
        if (cached != null) {
            inFlight.remove(arn, mine);
            mine.complete(cached);
            return mine;
        }
        executor.execute(() -> {
            try {
                TaskDefinition described = describe.apply(arn);
                known.put(arn, described);
                mine.complete(described);
            } catch (Throwable e) {
                mine.completeExceptionally(e);
            } finally {
                inFlight.remove(arn, mine);
            }
        });
        return mine;
    }

    /** Remembers a definition described some other way. */
    void put(TaskDefinition definition) {
        known.put(definition.arn(), definition);
    }

    int size() {
        return known.size();
    }
}
