package io.harbormaster.app.store;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Warning and critical levels an operator set, in the local database; the metric's defaults where none is set. */
public final class SqliteThresholdSettings implements ThresholdSettings {

    private final LocalStore store;

    public SqliteThresholdSettings(LocalStore store) {
        this.store = store;
    }

    @Override
    public Optional<Thresholds> find(String environmentId, String scope, MetricKind metric) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT warning, critical, higher_is_worse FROM"
                    + " threshold_setting WHERE environment = ? AND scope = ? AND metric = ?")) {
                ps.setString(1, environmentId);
                ps.setString(2, scope);
                ps.setString(3, metric.key());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Thresholds(rs.getDouble(1), rs.getDouble(2), rs.getInt(3) != 0))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String environmentId, String scope, MetricKind metric, Thresholds thresholds) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO threshold_setting (environment, scope, metric,"
                    + " warning, critical, higher_is_worse) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (environment, scope,"
                    + " metric) DO UPDATE SET warning = excluded.warning, critical = excluded.critical,"
                    + " higher_is_worse = excluded.higher_is_worse")) {
                ps.setString(1, environmentId);
                ps.setString(2, scope);
                ps.setString(3, metric.key());
                ps.setDouble(4, thresholds.warning());
                ps.setDouble(5, thresholds.critical());
                ps.setInt(6, thresholds.higherIsWorse() ? 1 : 0);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String environmentId, String scope, MetricKind metric) {
        store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM threshold_setting WHERE environment = ? AND scope = ? AND metric = ?")) {
                ps.setString(1, environmentId);
                ps.setString(2, scope);
                ps.setString(3, metric.key());
                return ps.executeUpdate();
            }
        });
    }
}
