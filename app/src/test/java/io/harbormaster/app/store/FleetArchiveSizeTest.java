package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.FleetSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a large fleet costs to keep: 2,000 services with ECS's 100 events each and 2,000 task definitions. Prints
 * the stored size and save/load times (the numbers go in BENCHMARKS-style reports, not in assertions: a shared
 * machine's timings vary); asserts only what does not depend on the machine.
 */
class FleetArchiveSizeTest {

    private static final System.Logger LOG = System.getLogger(FleetArchiveSizeTest.class.getName());

    @TempDir
    Path dir;

    @Test
    void aLargeFleetIsStoredSmallWithTenEventsAService() throws Exception {
        FleetSnapshot large = ArchiveFixtures.fleet("prod", "us-east-1", 20, 2_000, 100, false);
        assertThat(large.taskDefinitions()).hasSize(2_001);
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteFleetArchive archive = new SqliteFleetArchive(store, Clock.systemUTC());
            int rounds = 7;
            long[] save = new long[rounds];
            long[] load = new long[rounds];
            FleetSnapshot loaded = null;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                archive.save(large);
                long t1 = System.nanoTime();
                loaded = archive.lastSaved("prod", "us-east-1").orElseThrow();
                long t2 = System.nanoTime();
                save[i] = t1 - t0;
                load[i] = t2 - t1;
            }
            byte[] blob = store.withConnection(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT snapshot FROM fleet_archive")) {
                    rs.next();
                    return rs.getBytes(1);
                }
            });
            int json = SqliteFleetArchiveTest.gunzip(blob).length;
            store.withConnection(c -> c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
            LOG.log(System.Logger.Level.INFO, String.format(
                    "Fleet archive, 2,000 services x 100 events (10 kept), 2,000 task definitions: stored %,d bytes"
                            + " gzipped (%,d bytes of JSON); database file %,d bytes; save %d ms, load %d ms"
                            + " (median of %d; first save %d ms, first load %d ms)",
                    blob.length, json, Files.size(dir.resolve("h.db")), median(save), median(load), rounds,
                    save[0] / 1_000_000, load[0] / 1_000_000));

            assertThat(loaded.services()).hasSize(2_000).allMatch(s -> s.events().size() == ArchivedFleet.KEPT_EVENTS);
            assertThat(loaded.taskDefinitions()).hasSize(2_000);
            assertThat(blob.length).isLessThan(4 * 1024 * 1024);
        }
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }
}
