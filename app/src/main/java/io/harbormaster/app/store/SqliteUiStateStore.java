package io.harbormaster.app.store;

import io.harbormaster.model.settings.UiStateStore;
import java.util.List;
import java.util.Optional;

/** Small UI state (last environment, window geometry, theme) in the local database. */
public final class SqliteUiStateStore implements UiStateStore {

    private final Statements sql;

    public SqliteUiStateStore(LocalStore store) {
        this.sql = new Statements(store);
    }

    @Override
    public Optional<String> get(String key) {
        return sql.first("SELECT value FROM ui_state WHERE key = ?", rs -> rs.getString(1), key);
    }

    @Override
    public void put(String key, String value) {
        sql.upsert("ui_state", List.of("key"), List.of("value"), key, value);
    }
}
