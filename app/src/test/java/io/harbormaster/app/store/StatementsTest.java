package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's one prepare/bind/read helper, on the UI state table (a key and a value). */
class StatementsTest {

    @TempDir
    Path dir;

    @Test
    void anUpsertInsertsThenReplacesTheValueOfTheSameKey() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("s.db"))) {
            Statements sql = new Statements(store);
            assertThat(sql.first("SELECT value FROM ui_state WHERE key = ?", rs -> rs.getString(1), "theme"))
                    .isEmpty();

            sql.upsert("ui_state", List.of("key"), List.of("value"), "theme", "light");
            sql.upsert("ui_state", List.of("key"), List.of("value"), "theme", "dark");

            assertThat(sql.first("SELECT value FROM ui_state WHERE key = ?", rs -> rs.getString(1), "theme"))
                    .contains("dark");
            assertThat(sql.first("SELECT count(*) FROM ui_state WHERE key = ?", rs -> rs.getInt(1), "theme"))
                    .contains(1);
            assertThat(sql.update("DELETE FROM ui_state WHERE key = ?", "theme")).isEqualTo(1);
        }
    }

    @Test
    void anUpsertWithTheWrongNumberOfValuesIsRefusedBeforeTheDatabaseSeesIt() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> new Statements(store).upsert("ui_state", List.of("key"), List.of("value"), "k"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("ui_state: 2 columns, 1 values");
        }
    }

    @Test
    void theUiStateStoreKeepsTheLatestValuePerKeyAcrossARestart() throws Exception {
        Path db = dir.resolve("u.db");
        try (LocalStore store = LocalStore.open(db)) {
            SqliteUiStateStore state = new SqliteUiStateStore(store);
            state.put("window", "1280x800");
            state.put("window", "1440x900");
        }
        try (LocalStore again = LocalStore.open(db)) {
            assertThat(new SqliteUiStateStore(again).get("window")).contains("1440x900");
            assertThat(new SqliteUiStateStore(again).get("theme")).isEmpty();
        }
    }
}
