package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    /** 25 ARNs in pages of 10, noting when each page is fetched. */
    private Iterable<String> pages() {
        List<String> arns = IntStream.range(0, 25).mapToObj(i -> "arn-" + i).toList();
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < arns.size();
            }

            @Override
            public String next() {
                if (next % 10 == 0) {
                    events.add("page " + next / 10);
                }
                return arns.get(next++);
            }
        };
    }

    @Test
    void fullBatchesAreDescribedWhileTheListGoesOnButToldOnlyAfterTheList() {
        Executor inline = Runnable::run;
        List<List<String>> told = new ArrayList<>();
        List<String> all = Batches.listAndDescribe(inline, inline, this::pages,
                listed -> events.add("listed " + listed.size()), 10,
                batch -> {
                    events.add("describe " + batch.get(0));
                    return batch;
                },
                batch -> {
                    events.add("told " + batch.get(0));
                    told.add(batch);
                }).join();

        assertThat(all).hasSize(25);
        assertThat(events).containsExactly("page 0", "describe arn-0", "page 1", "describe arn-10", "page 2",
                "listed 25", "told arn-0", "told arn-10", "describe arn-20", "told arn-20");
        assertThat(told).extracting(List::size).containsExactly(10, 10, 5);
    }

    @Test
    void onAPoolTheListIsAlwaysToldFirstAndEveryBatchOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int run = 0; run < 50; run++) {
                List<String> order = new CopyOnWriteArrayList<>();
                List<String> all = Batches.listAndDescribe(pool, pool, this::pages, listed -> order.add("listed"), 10,
                        batch -> batch, batch -> order.add("told " + batch.size())).get(10, TimeUnit.SECONDS);
                assertThat(all).hasSize(25);
                assertThat(order).first().isEqualTo("listed");
                assertThat(order.subList(1, order.size())).containsExactlyInAnyOrder("told 10", "told 10", "told 5");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
