package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheSchemaInWalModeAndReopensWithoutRemigrating() throws Exception {
        Path db = dir.resolve("nested/harbormaster.db");
        try (LocalStore store = LocalStore.open(db)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.STEPS.size());
            String mode = store.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
            new SqliteUiStateStore(store).put("environment.last", "prod");
        }
        try (LocalStore again = LocalStore.open(db)) {
            assertThat(again.schemaVersion()).isEqualTo(Migrations.STEPS.size());
            assertThat(new SqliteUiStateStore(again).get("environment.last")).contains("prod");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAndMovedAsideNeverDeleted() throws Exception {
        Path db = dir.resolve("harbormaster.db");
        Files.writeString(db, "this is not sqlite, it is an operator's grocery list ".repeat(200));

        assertThatThrownBy(() -> LocalStore.open(db))
                .isInstanceOf(StoreUnreadableException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("not a SQLite database");
        assertThat(Files.readString(db)).startsWith("this is not sqlite");

        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);
        Path aside = LocalStore.moveAside(db, clock);
        assertThat(aside.getFileName().toString()).isEqualTo("harbormaster.db.unreadable-20261122-101530");
        assertThat(Files.readString(aside)).startsWith("this is not sqlite");
        assertThat(db).doesNotExist();
        try (LocalStore fresh = LocalStore.open(db)) {
            assertThat(new SqliteEnvironmentRegistry(fresh).environments()).isEmpty();
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedUntouched() throws Exception {
        Path db = dir.resolve("future.db");
        try (LocalStore store = LocalStore.open(db)) {
            store.withConnection(c -> c.createStatement().execute("PRAGMA user_version = 999"));
        }
        assertThatThrownBy(() -> LocalStore.open(db)).isInstanceOf(StoreUnreadableException.class)
                .hasMessageContaining("newer Harbormaster");
    }

    @Test
    void environmentsRoundTripInBarOrder() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            SqliteEnvironmentRegistry registry = new SqliteEnvironmentRegistry(store);
            Environment prod = EnvironmentBuilder.anEnvironment("prod").profile("sandbox-prod").login("sandbox-ops")
                    .account("444444444444").role("arn:aws:iam::444444444444:role/admin")
                    .regions("us-east-1", "eu-west-1").colour("#D32F2F").production(true).order(3).build();
            Environment dev = EnvironmentBuilder.anEnvironment("dev").profile("sandbox-dev").login("sandbox-ops")
                    .colour("#2E7D32").readOnly(true).order(1).build();
            registry.save(prod);
            registry.save(dev);
            assertThat(registry.environments()).containsExactly(dev, prod);
            registry.remove("dev");
            assertThat(registry.environments()).containsExactly(prod);
        }
    }

    @Test
    void noColumnCanHoldASecret() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            List<String> columns = store.withConnection(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet tables = c.createStatement().executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                    List<String> tableNames = new ArrayList<>();
                    while (tables.next()) {
                        tableNames.add(tables.getString(1));
                    }
                    for (String table : tableNames) {
                        try (ResultSet cols = c.createStatement().executeQuery("PRAGMA table_info(" + table + ")")) {
                            while (cols.next()) {
                                names.add(table + "." + cols.getString("name").toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
                return names;
            });
            assertThat(columns).isNotEmpty().noneMatch(n -> n.contains("secret") || n.contains("token")
                    || n.contains("password") || n.contains("access_key"));
        }
    }

    /**
     * A column's name says nothing of what a blob holds, so every blob column is named here with the test that
     * proves it holds no secret; a new one fails this test until someone has written such a proof.
     */
    @Test
    void everyOpaqueColumnHasAProofThatItHoldsNoSecret() throws Exception {
        Map<String, String> proofs = Map.of(
                "fleet_archive.snapshot",
                "SqliteFleetArchiveTest.aSecretLookingVariableIsStoredMaskedAndItsValueIsNowhereOnDisk");
        try (LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            List<String> blobs = store.withConnection(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet cols = c.createStatement().executeQuery("SELECT m.name, p.name, p.type"
                        + " FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'")) {
                    while (cols.next()) {
                        if (cols.getString(3).toUpperCase(Locale.ROOT).contains("BLOB")) {
                            names.add(cols.getString(1) + "." + cols.getString(2));
                        }
                    }
                }
                return names;
            });
            assertThat(blobs).containsExactlyInAnyOrderElementsOf(proofs.keySet());
        }
        for (String proof : proofs.values()) {
            String[] classAndMethod = proof.split("\\.");
            assertThat(Class.forName(getClass().getPackageName() + "." + classAndMethod[0])
                    .getDeclaredMethod(classAndMethod[1]).isAnnotationPresent(Test.class)).as(proof).isTrue();
        }
    }
}
