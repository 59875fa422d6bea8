package io.harbormaster.app.store;

import io.harbormaster.model.settings.UiStateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Small UI state (last environment, window geometry, theme) in the local database. */
public final class SqliteUiStateStore implements UiStateStore {

    private final LocalStore store;

    public SqliteUiStateStore(LocalStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> get(String key) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM ui_state WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }
}
