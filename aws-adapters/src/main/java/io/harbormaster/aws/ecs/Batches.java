package io.harbormaster.aws.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * List-then-describe, batched to AWS's limits and run in parallel without any worker waiting on another: a list
 * runs its pages on one worker and hands each full batch to the pool as soon as it has one, so describing starts
 * while listing goes on; the batches are counted exactly ceil(n / size) however the pages fall.
 */
final class Batches {

    private Batches() {
    }

    /** Every item of a paged list, fetched on {@code on}. */
    static CompletableFuture<List<String>> list(Executor on, Supplier<? extends Iterable<String>> pages) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> all = new ArrayList<>();
            pages.get().forEach(all::add);
            return all;
        }, on);
    }

    /** Describes {@code arns} in batches of {@code size}, in parallel on {@code on}; results in {@code arns} order. */
    static <T> CompletableFuture<List<T>> describe(Executor on, List<String> arns, int size,
            Function<List<String>, List<T>> describe, Consumer<List<T>> onBatch) {
        List<CompletableFuture<List<T>>> parts = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += size) {
            List<String> batch = List.copyOf(arns.subList(from, Math.min(arns.size(), from + size)));
            parts.add(submit(on, batch, describe, onBatch));
        }
        return flatten(parts);
    }

    /** Lists on {@code listOn} and describes each full batch on {@code describeOn} as soon as it is listed. */
    static <T> CompletableFuture<List<T>> listThenDescribe(Executor listOn, Executor describeOn,
            Supplier<? extends Iterable<String>> pages, int size, Function<List<String>, List<T>> describe,
            Consumer<List<T>> onBatch) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        listOn.execute(() -> {
            List<CompletableFuture<List<T>>> parts = new ArrayList<>();
            try {
                List<String> batch = new ArrayList<>(size);
                for (String arn : pages.get()) {
                    batch.add(arn);
                    if (batch.size() == size) {
                        parts.add(submit(describeOn, List.copyOf(batch), describe, onBatch));
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    parts.add(submit(describeOn, List.copyOf(batch), describe, onBatch));
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
                return;
            }
            flatten(parts).whenComplete((all, e) -> {
                if (e != null) {
                    result.completeExceptionally(unwrap(e));
                } else {
                    result.complete(all);
                }
            });
        });
        return result;
    }

    /**
     * Lists every page on {@code listOn}, hands the whole list to {@code onListed}, then describes it in batches on
     * {@code describeOn}. For lists whose names are worth showing before anything is described: no describe call
     * competes with the later pages for the rate limit, so the whole list arrives first.
     */
    static <T> CompletableFuture<List<T>> listAllThenDescribe(Executor listOn, Executor describeOn,
            Supplier<? extends Iterable<String>> pages, Consumer<List<String>> onListed, int size,
            Function<List<String>, List<T>> describe, Consumer<List<T>> onBatch) {
        return list(listOn, pages).thenCompose(arns -> {
            onListed.accept(List.copyOf(arns));
            return describe(describeOn, arns, size, describe, onBatch);
        });
    }

    private static <T> CompletableFuture<List<T>> submit(Executor on, List<String> batch,
            Function<List<String>, List<T>> describe, Consumer<List<T>> onBatch) {
        return CompletableFuture.supplyAsync(() -> {
            List<T> described = describe.apply(batch);
            onBatch.accept(described);
            return described;
        }, on);
    }

    private static <T> CompletableFuture<List<T>> flatten(List<CompletableFuture<List<T>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<T> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    /** The failure itself, out of the wrappers futures put around it. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
