package io.harbormaster.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prepare, bind and read every small table of the local store repeats, written once: parameters bound in order
 * (strings, numbers), a row read by the caller, a row upserted by its key.
 */
final class Statements {

    /** Reads the current row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final LocalStore store;

    Statements(LocalStore store) {
        this.store = store;
    }

    /** The first row the query gives, read by {@code row}; empty when it gives none. */
    <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = bound(c.prepareStatement(sql), parameters); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        });
    }

    /** An INSERT, UPDATE or DELETE: the rows it changed. */
    int update(String sql, Object... parameters) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = bound(c.prepareStatement(sql), parameters)) {
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Inserts a row, or sets its {@code values} columns where a row with the same {@code keys} exists.
     *
     * @param parameters the key columns' values, then the value columns', in the order named
     */
    int upsert(String table, List<String> keys, List<String> values, Object... parameters) {
        if (parameters.length != keys.size() + values.size()) {
            throw new IllegalArgumentException(table + ": " + (keys.size() + values.size()) + " columns, "
                    + parameters.length + " values");
        }
        String columns = String.join(", ", keys) + ", " + String.join(", ", values);
        String marks = String.join(", ", java.util.Collections.nCopies(parameters.length, "?"));
        String set = values.stream().map(v -> v + " = excluded." + v).collect(Collectors.joining(", "));
        return update("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + set, parameters);
    }

    private static PreparedStatement bound(PreparedStatement ps, Object... parameters) throws SQLException {
        try {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
