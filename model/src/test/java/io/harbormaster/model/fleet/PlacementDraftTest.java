package io.harbormaster.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacementDraftTest {

    private Instant now = Fixtures.T0;
    private final PlacementDraft draft = new PlacementDraft(() -> now);
    private int serial;

    @Test
    void expectsWhatTheClustersCountAndSaysWhileHostsAreStillComing() {
        draft.clustersFound(List.of(new Cluster(Fixtures.CLUSTER, "main", "ACTIVE", 3, 1, 190, 10)));
        draft.hostsDescribed(List.of(Fixtures.host("a", 4096, 8192, 1024, 2048, PortSet.EMPTY)));

        PlacementDraft.View view = draft.view();
        assertFalse(view.hostsIn());
        assertEquals(200, view.tasksExpected());
        assertEquals("hosts 1 of 3 · tasks 0 of 200", view.progress());
    }

    @Test
    void estimatesTheRestAtThePaceOfTheLastSecondsOnlyOnceThatPaceSettles() {
        draft.clustersFound(List.of(new Cluster(Fixtures.CLUSTER, "main", "ACTIVE", 1, 1, 12_000, 0)));
        draft.hostsDescribed(List.of(Fixtures.host("a", 4096, 8192, 1024, 2048, PortSet.EMPTY)));
        tasks(100);
        now = now.plusSeconds(1);
        tasks(100);
        assertNull(draft.view().left(), "a second of history is the quota's burst, not its pace");
        assertTrue(draft.view().progress().endsWith("estimating the time left"), draft.view().progress());

        // 20 s at 1,000 tasks a second (the first 5 s of them fall out of the 15 s window)
        for (int s = 0; s < 20; s++) {
            now = now.plusSeconds(1);
            tasks(1000);
        }
        PlacementDraft.View view = draft.view();
        assertEquals(20_200, view.tasks().size());
        // the clusters counted 12,000, fewer than have been described (tasks started meanwhile): none left
        assertEquals(Duration.ZERO, view.left());
        assertEquals("tasks 20,200 of 20,200 · a few seconds left at ECS's rate", view.progress());
    }

    @Test
    void everyTaskCountedBeforeAnyPaceIsFinishingNotEstimating() {
        draft.clustersFound(List.of(new Cluster(Fixtures.CLUSTER, "main", "ACTIVE", 1, 1, 150, 0)));
        draft.hostsDescribed(List.of(Fixtures.host("a", 4096, 8192, 1024, 2048, PortSet.EMPTY)));
        tasks(150);
        assertNull(draft.view().left());
        assertEquals("tasks 150 of 150 · finishing", draft.view().progress());
    }

    @Test
    void theEstimateFollowsThePace() {
        draft.clustersFound(List.of(new Cluster(Fixtures.CLUSTER, "main", "ACTIVE", 1, 1, 200_000, 3_809)));
        draft.hostsDescribed(List.of(Fixtures.host("a", 4096, 8192, 1024, 2048, PortSet.EMPTY)));
        for (int s = 0; s < 82; s++) {
            if (s > 0) {
                now = now.plusSeconds(1);
            }
            tasks(1000);
        }
        PlacementDraft.View view = draft.view();
        // 121,809 left at 1,000 a second
        assertEquals(121.809, view.left().toMillis() / 1000.0, 0.01);
        assertEquals("tasks 82,000 of 203,809 · about 2 min left at ECS's rate", view.progress());
    }

    @Test
    void wordsForTheTimeLeft() {
        assertEquals("a few seconds", PlacementDraft.View.words(Duration.ofSeconds(4)));
        assertEquals("about 40 s", PlacementDraft.View.words(Duration.ofSeconds(38)));
        assertEquals("about 3 min", PlacementDraft.View.words(Duration.ofSeconds(170)));
    }

    @Test
    void aViewDoesNotChangeWhenTheDraftGoesOn() {
        tasks(5);
        PlacementDraft.View before = draft.view();
        long version = draft.version();
        tasks(5);
        assertEquals(5, before.tasks().size());
        assertTrue(draft.version() > version);
    }

    private void tasks(int n) {
        List<Task> batch = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> batch.add(Fixtures.task("t" + serial++, "web", "", "RUNNING")));
        draft.tasksDescribed(batch);
    }
}
