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
 * while listing goes on; the batches are counted exactly ceil(n / size) however the pages fall (the last partial
 * batch goes when the list ends).
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
     * Lists on {@code listOn} and describes each full batch on {@code describeOn} as soon as it is listed, like
     * {@link #listThenDescribe}, but tells in list order: {@code onListed} hears the whole list once its last page is
     * in, and {@code onBatch} only after that (batches described earlier are held until then). For lists whose
     * names are worth showing before anything is described, without leaving the describes idle meanwhile.
     */
    static <T> CompletableFuture<List<T>> listAndDescribe(Executor listOn, Executor describeOn,
            Supplier<? extends Iterable<String>> pages, Consumer<List<String>> onListed, int size,
            Function<List<String>, List<T>> describe, Consumer<List<T>> onBatch) {
        HeldUntilListed<T> told = new HeldUntilListed<>(onBatch);
        return listThenDescribe(listOn, describeOn, () -> new TellingAtTheEnd(pages.get(), onListed, told), size,
                describe, told::described);
    }

    /** A list that, iterated to its end, tells the whole of it (through {@code told}, once). */
    private record TellingAtTheEnd(Iterable<String> pages, Consumer<List<String>> onListed,
            HeldUntilListed<?> told) implements Iterable<String> {

        @Override
        public java.util.Iterator<String> iterator() {
            java.util.Iterator<String> it = pages.iterator();
            List<String> all = new ArrayList<>();
            return new java.util.Iterator<String>() {
                @Override
                public boolean hasNext() {
                    if (it.hasNext()) {
                        return true;
                    }
                    told.listed(() -> onListed.accept(List.copyOf(all)));
                    return false;
                }

                @Override
                public String next() {
                    String arn = it.next();
                    all.add(arn);
                    return arn;
                }
            };
        }
    }

    /** Batch news held back until the list they came from has been told, then passed on as they come. */
    private static final class HeldUntilListed<T> {
        private final Consumer<List<T>> onBatch;
        private List<List<T>> held = new ArrayList<>();
        private boolean toldListed;

        HeldUntilListed(Consumer<List<T>> onBatch) {
            this.onBatch = onBatch;
        }

        void described(List<T> batch) {
            synchronized (this) {
                if (held != null) {
                    held.add(batch);
                    return;
                }
            }
            onBatch.accept(batch);
        }

        /** Tells the list (once), then every batch held so far, in the order they were described. */
        void listed(Runnable tellList) {
            synchronized (this) {
                if (toldListed) {
                    return;
                }
                toldListed = true;
            }
            tellList.run();
            while (true) {
                List<List<T>> batches;
                synchronized (this) {
                    batches = held;
                    if (batches.isEmpty()) {
                        held = null;
                        return;
                    }
                    held = new ArrayList<>();
                }
                batches.forEach(onBatch);
            }
        }
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
