package io.harbormaster.app.store;

import static io.harbormaster.app.store.ArchiveFixtures.SECRET_VALUE;
import static io.harbormaster.app.store.ArchiveFixtures.T0;
import static io.harbormaster.app.store.ArchiveFixtures.fleet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.EnvironmentVariable;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.SecretNames;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.model.testdata.ServiceBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFleetArchiveTest {

    private static final Instant SAVED = Instant.parse("2026-11-22T10:16:00Z");

    @TempDir
    Path dir;

    private LocalStore store;
    private SqliteFleetArchive archive;

    @BeforeEach
    void open() throws Exception {
        store = LocalStore.open(dir.resolve("h.db"));
        archive = new SqliteFleetArchive(store, Clock.fixed(SAVED, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void nothingSavedReadsAsEmpty() {
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();
    }

    @Test
    void everythingKeptRoundTripsEqualAndHostsTasksAndUnusedDefinitionsAreDropped() {
        FleetSnapshot saved = fleet("prod", "us-east-1", 3, 12, 6);
        archive.save(saved);

        FleetSnapshot loaded = archive.lastSaved("prod", "us-east-1").orElseThrow();

        assertThat(loaded.environmentId()).isEqualTo("prod");
        assertThat(loaded.region()).isEqualTo("us-east-1");
        assertThat(loaded.asOf()).isEqualTo(saved.asOf());
        assertThat(loaded.clusters()).isEqualTo(saved.clusters());
        assertThat(loaded.services()).isEqualTo(saved.services());
        assertThat(loaded.services().get(0).deployments()).hasSize(2);
        assertThat(loaded.services().get(0).placementConstraints()).hasSize(2);
        assertThat(loaded.services().get(0).createdAt()).isNull();
        assertThat(loaded.services().get(1).createdAt()).isEqualTo(saved.services().get(1).createdAt());
        assertThat(loaded.taskDefinitions()).isEqualTo(masked(usedDefinitions(saved)));
        assertThat(loaded.taskDefinitions()).hasSize(24)
                .doesNotContainKey(ArchiveFixtures.tdArn("us-east-1", "one-off-migration", 1));
        assertThat(loaded.targetHealth()).isEqualTo(saved.targetHealth())
                .containsEntry(ArchiveFixtures.tgArn("us-east-1", 999_999), List.of());
        assertThat(loaded.problems()).isEqualTo(saved.problems());
        assertThat(loaded.stats()).isEqualTo(saved.stats());
        assertThat(saved.hosts()).isNotEmpty();
        assertThat(saved.tasks()).isNotEmpty();
        assertThat(loaded.hosts()).isEmpty();
        assertThat(loaded.tasks()).isEmpty();
    }

    @Test
    void timesFinerThanAMillisecondSurviveExactly() {
        Instant fine = Instant.parse("2026-11-22T10:15:30.123456789Z");
        FleetSnapshot s = fleet("dev", "eu-west-1", 1, 1, 1);
        FleetSnapshot withFineTimes = FleetSnapshotBuilder.from(s).asOf(fine)
                .services(withEvents(s.services().get(0), List.of(new io.harbormaster.model.fleet.ServiceEvent("e1",
                        fine, "(service svc-0) has reached a steady state."))))
                .hosts(List.of()).tasks(List.of()).build();
        archive.save(withFineTimes);

        FleetSnapshot loaded = archive.lastSaved("dev", "eu-west-1").orElseThrow();
        assertThat(loaded.asOf()).isEqualTo(fine);
        assertThat(loaded.services().get(0).events().get(0).createdAt()).isEqualTo(fine);
    }

    @Test
    void onlyTheNewestTenEventsOfAServiceAreKeptInTheirOrder() {
        FleetSnapshot saved = fleet("prod", "us-east-1", 1, 2, 100);
        archive.save(saved);

        Service loaded = archive.lastSaved("prod", "us-east-1").orElseThrow().services().get(0);
        assertThat(loaded.events()).hasSize(ArchivedFleet.KEPT_EVENTS)
                .isEqualTo(saved.services().get(0).events().subList(0, ArchivedFleet.KEPT_EVENTS));
        assertThat(loaded.lastEventAt()).contains(T0);
    }

    @Test
    void theNewestEventsAreKeptEvenWhenTheyAreNotListedFirst() {
        FleetSnapshot s = fleet("prod", "us-east-1", 1, 1, 12);
        List<io.harbormaster.model.fleet.ServiceEvent> oldestFirst = new java.util.ArrayList<>(
                s.services().get(0).events());
        java.util.Collections.reverse(oldestFirst);
        archive.save(FleetSnapshotBuilder.from(s).environment("prod").region("us-east-1").asOf(T0)
                .services(withEvents(s.services().get(0), oldestFirst)).hosts(List.of()).tasks(List.of()).build());

        List<io.harbormaster.model.fleet.ServiceEvent> kept = archive.lastSaved("prod", "us-east-1").orElseThrow()
                .services().get(0).events();
        assertThat(kept).isEqualTo(oldestFirst.subList(2, 12));
    }

    @Test
    void aSecretLookingVariableIsStoredMaskedAndItsValueIsNowhereOnDisk() throws Exception {
        archive.save(fleet("prod", "us-east-1", 1, 3, 2));

        byte[] json = gunzip(storedBlob("prod", "us-east-1"));
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("DB_PASSWORD").contains("LOG_LEVEL").contains("-Xmx384m")
                .doesNotContain(SECRET_VALUE);
        store.withConnection(c -> c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        assertThat(new String(Files.readAllBytes(dir.resolve("h.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET_VALUE);

        ContainerDefinition container = archive.lastSaved("prod", "us-east-1").orElseThrow().taskDefinitions()
                .values().iterator().next().containers().get(0);
        assertThat(container.environment()).containsExactly(
                new EnvironmentVariable("DB_PASSWORD", SecretNames.MASK),
                new EnvironmentVariable("apiKey", SecretNames.MASK),
                new EnvironmentVariable("LOG_LEVEL", "info"),
                new EnvironmentVariable("EMPTY_TOKEN", ""),
                new EnvironmentVariable("JAVA_OPTS", "-Xmx384m -XX:+UseG1GC"));
    }

    @Test
    void eachEnvironmentAndRegionKeepsItsOwnFleet() {
        archive.save(fleet("prod", "us-east-1", 2, 3, 1));
        archive.save(fleet("prod", "eu-west-1", 1, 5, 1));
        archive.save(fleet("dev", "us-east-1", 1, 7, 1));

        assertThat(archive.lastSaved("prod", "us-east-1").orElseThrow().services()).hasSize(3)
                .allMatch(s -> s.arn().contains(":us-east-1:"));
        assertThat(archive.lastSaved("prod", "eu-west-1").orElseThrow().services()).hasSize(5)
                .allMatch(s -> s.arn().contains(":eu-west-1:"));
        assertThat(archive.lastSaved("dev", "us-east-1").orElseThrow().services()).hasSize(7);
        assertThat(archive.lastSaved("dev", "eu-west-1")).isEmpty();
        assertThat(archive.lastSaved("stage", "us-east-1")).isEmpty();
    }

    @Test
    void aSaveReplacesTheFleetKeptForThatEnvironmentAndRegionOnly() throws Exception {
        archive.save(fleet("prod", "us-east-1", 2, 10, 1));
        archive.save(fleet("dev", "us-east-1", 1, 4, 1));
        FleetSnapshot newer = fleet("prod", "us-east-1", 1, 1, 1);
        FleetSnapshot newerLater = FleetSnapshotBuilder.from(newer).asOf(T0.plusSeconds(90)).hosts(List.of())
                .tasks(List.of()).targetHealth(Map.of()).problems(List.of()).build();
        archive.save(newerLater);

        FleetSnapshot loaded = archive.lastSaved("prod", "us-east-1").orElseThrow();
        assertThat(loaded.asOf()).isEqualTo(T0.plusSeconds(90));
        assertThat(loaded.services()).isEqualTo(newer.services());
        assertThat(loaded.clusters()).hasSize(1);
        assertThat(loaded.targetHealth()).isEmpty();
        assertThat(loaded.complete()).isTrue();
        assertThat(archive.lastSaved("dev", "us-east-1").orElseThrow().services()).hasSize(4);
        assertThat(rows()).isEqualTo(2);
        assertThat(column("prod", "us-east-1", "saved_at")).isEqualTo(SAVED.toString());
        assertThat(column("prod", "us-east-1", "format")).isEqualTo(String.valueOf(ArchivedFleet.FORMAT));
    }

    @Test
    void aDamagedBlobReadsAsNothingSavedAndTheNextSaveReplacesIt() throws Exception {
        archive.save(fleet("prod", "us-east-1", 1, 2, 1));
        archive.save(fleet("dev", "us-east-1", 1, 2, 1));
        byte[] blob = storedBlob("prod", "us-east-1");
        byte[] truncated = java.util.Arrays.copyOf(blob, blob.length / 2);
        setBlob("prod", "us-east-1", truncated);

        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();
        assertThat(archive.lastSaved("dev", "us-east-1")).isPresent();

        setBlob("prod", "us-east-1", "not gzip at all".getBytes(StandardCharsets.UTF_8));
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();

        archive.save(fleet("prod", "us-east-1", 1, 3, 1));
        assertThat(archive.lastSaved("prod", "us-east-1").orElseThrow().services()).hasSize(3);
    }

    @Test
    void wellFormedJsonThatIsNotAValidFleetReadsAsNothingSaved() throws Exception {
        archive.save(fleet("prod", "us-east-1", 1, 1, 1));
        setBlob("prod", "us-east-1", gzip("{\"clusters\":[{\"arn\":\"a\",\"name\":\"n\",\"runningTasks\":-4}]}"));
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();

        setBlob("prod", "us-east-1", gzip("[1, 2, 3]"));
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();

        setBlob("prod", "us-east-1", gzip("{\"services\":[{\"arn\":\"s\",\"name\":\"n\",\"clusterArn\":\"c\","
                + "\"events\":[{\"id\":\"e\",\"createdAt\":\"yesterday\"}]}]}"));
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();
    }

    @Test
    void aFleetSavedInAnotherFormatOrWithADamagedTimeReadsAsNothingSaved() throws Exception {
        archive.save(fleet("prod", "us-east-1", 1, 1, 1));
        archive.save(fleet("dev", "us-east-1", 1, 1, 1));
        store.withConnection(c -> c.createStatement().executeUpdate(
                "UPDATE fleet_archive SET format = 2 WHERE environment = 'prod'"));
        store.withConnection(c -> c.createStatement().executeUpdate(
                "UPDATE fleet_archive SET as_of = 'last tuesday' WHERE environment = 'dev'"));

        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();
        assertThat(archive.lastSaved("dev", "us-east-1")).isEmpty();
    }

    @Test
    void unknownFieldsFromANewerBuildOfTheSameFormatAreIgnored() throws Exception {
        archive.save(fleet("prod", "us-east-1", 1, 1, 1));
        setBlob("prod", "us-east-1", gzip("{\"clusters\":[{\"arn\":\"a\",\"name\":\"n\",\"capacityProviders\":[]}],"
                + "\"somethingNew\":{\"x\":1}}"));

        FleetSnapshot loaded = archive.lastSaved("prod", "us-east-1").orElseThrow();
        assertThat(loaded.clusters()).containsExactly(new io.harbormaster.model.fleet.Cluster("a", "n", "", 0, 0, 0,
                0));
        assertThat(loaded.services()).isEmpty();
        assertThat(loaded.stats()).isEqualTo(io.harbormaster.model.fleet.FleetStats.NONE);
    }

    @Test
    void aSaveThatCannotBeWrittenThrowsAStoreExceptionAndKeepsNothingHalfDone() {
        store.withConnection(c -> c.createStatement().execute("DROP TABLE fleet_archive"));
        assertThatThrownBy(() -> archive.save(fleet("prod", "us-east-1", 1, 1, 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("fleet_archive");
        // A read that fails in the database is logged and reads as nothing saved.
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();
    }

    @Test
    void afterTheStoreClosesASaveIsSkippedAndNothingIsFound() {
        archive.save(fleet("prod", "us-east-1", 1, 1, 1));
        store.close();
        archive.save(fleet("prod", "us-east-1", 1, 2, 1));
        assertThat(archive.lastSaved("prod", "us-east-1")).isEmpty();
    }

    @Test
    void aBackgroundSaveDoesNotDisturbReadsOfOtherTablesOrOfTheArchive() throws Exception {
        SqliteUiStateStore ui = new SqliteUiStateStore(store);
        ui.put("theme", "dark");
        FleetSnapshot big = fleet("prod", "us-east-1", 4, 400, 20);
        FleetSnapshot small = fleet("prod", "us-east-1", 1, 3, 1);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<?> saving = background.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    archive.save(i % 2 == 0 ? big : small);
                }
                done.set(true);
            });
            int reads = 0;
            while (!done.get() || reads < 20) {
                assertThat(ui.get("theme")).contains("dark");
                Optional<FleetSnapshot> seen = archive.lastSaved("prod", "us-east-1");
                // Never half a fleet: either none yet, or one of the two whole ones.
                seen.ifPresent(s -> assertThat(s.services().size()).isIn(400, 3));
                reads++;
                if (saving.isDone()) {
                    saving.get();
                }
            }
            saving.get(60, TimeUnit.SECONDS);
        } finally {
            background.shutdownNow();
        }
        assertThat(archive.lastSaved("prod", "us-east-1").orElseThrow().services()).hasSize(3);
    }

    @Test
    void aVersionThreeDatabaseMigratesKeepingItsDataAndThenArchives() throws Exception {
        store.close();
        Path old = dir.resolve("v3.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String step : Migrations.STEPS.subList(0, 3)) {
                for (String sql : step.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("INSERT INTO environment (id, display_name, profile_name, regions, colour)"
                    + " VALUES ('prod', 'prod', 'sandbox-prod', 'us-east-1', '#D32F2F')");
            st.execute("INSERT INTO ui_state (key, value) VALUES ('environment.last', 'prod')");
            st.execute("INSERT INTO threshold_setting VALUES ('prod', 'fleet', 'CPUUtilization', 70, 90, 1)");
            st.execute("INSERT INTO metric_series (id, environment, region, metric, statistic, period)"
                    + " VALUES (1, 'prod', 'us-east-1', 'AWS/ECS', 'Average', 60)");
            st.execute("INSERT INTO metric_point VALUES (1, 1700000000, 42.5)");
        }

        try (LocalStore migrated = LocalStore.open(old)) {
            assertThat(migrated.schemaVersion()).as("every step ran").isEqualTo(Migrations.STEPS.size());
            assertThat(new SqliteEnvironmentRegistry(migrated).environments()).extracting(e -> e.id())
                    .containsExactly("prod");
            assertThat(new SqliteUiStateStore(migrated).get("environment.last")).contains("prod");
            int kept = migrated.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT (SELECT count(*) FROM threshold_setting) + (SELECT count(*) FROM metric_point)")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(kept).isEqualTo(2);

            SqliteFleetArchive migratedArchive = new SqliteFleetArchive(migrated, Clock.systemUTC());
            assertThat(migratedArchive.lastSaved("prod", "us-east-1")).isEmpty();
            migratedArchive.save(fleet("prod", "us-east-1", 1, 2, 1));
            assertThat(migratedArchive.lastSaved("prod", "us-east-1").orElseThrow().services()).hasSize(2);
        }
        try (LocalStore again = LocalStore.open(old)) {
            assertThat(new SqliteFleetArchive(again, Clock.systemUTC()).lastSaved("prod", "us-east-1"))
                    .isPresent();
        }
    }

    private static Service withEvents(Service s, List<io.harbormaster.model.fleet.ServiceEvent> events) {
        return ServiceBuilder.from(s).events(events).build();
    }

    private static Map<String, TaskDefinition> usedDefinitions(FleetSnapshot s) {
        Map<String, TaskDefinition> used = new HashMap<>();
        s.services().forEach(svc -> svc.taskDefinitionArns().forEach(a -> used.put(a, s.taskDefinitions().get(a))));
        return used;
    }

    /** What the operator would see: secret-looking values replaced by the mask. */
    private static Map<String, TaskDefinition> masked(Map<String, TaskDefinition> definitions) {
        Map<String, TaskDefinition> out = new HashMap<>();
        definitions.forEach((arn, td) -> out.put(arn, new TaskDefinition(td.arn(), td.family(), td.revision(),
                td.cpu(), td.memory(), td.networkMode(), td.containers().stream().map(c -> new ContainerDefinition(
                        c.name(), c.image(), c.cpu(), c.memory(), c.memoryReservation(), c.portMappings(),
                        c.environment().stream().map(v -> new EnvironmentVariable(v.name(), v.displayValue()))
                                .toList())).toList())));
        return out;
    }

    private byte[] storedBlob(String environment, String region) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT snapshot FROM fleet_archive WHERE environment = ? AND region = ?")) {
                ps.setString(1, environment);
                ps.setString(2, region);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
    }

    private String column(String environment, String region, String column) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + column + " FROM fleet_archive WHERE environment = ? AND region = ?")) {
                ps.setString(1, environment);
                ps.setString(2, region);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private int rows() {
        return store.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM fleet_archive")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private void setBlob(String environment, String region, byte[] bytes) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE fleet_archive SET snapshot = ? WHERE environment = ? AND region = ?")) {
                ps.setBytes(1, bytes);
                ps.setString(2, environment);
                ps.setString(3, region);
                return ps.executeUpdate();
            }
        });
    }

    static byte[] gunzip(byte[] bytes) throws Exception {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(String json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
