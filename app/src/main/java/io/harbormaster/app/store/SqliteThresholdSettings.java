package io.harbormaster.app.store;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import java.util.List;
import java.util.Optional;

/** Warning and critical levels an operator set, in the local database; the metric's defaults where none is set. */
public final class SqliteThresholdSettings implements ThresholdSettings {

    private final Statements sql;

    public SqliteThresholdSettings(LocalStore store) {
        this.sql = new Statements(store);
    }

    @Override
    public Optional<Thresholds> find(String environmentId, String scope, MetricKind metric) {
        return sql.first("SELECT warning, critical, higher_is_worse FROM threshold_setting WHERE environment = ?"
                + " AND scope = ? AND metric = ?", rs -> new Thresholds(rs.getDouble(1), rs.getDouble(2),
                rs.getInt(3) != 0), environmentId, scope, metric.key());
    }

    @Override
    public void put(String environmentId, String scope, MetricKind metric, Thresholds thresholds) {
        sql.upsert("threshold_setting", List.of("environment", "scope", "metric"), List.of("warning", "critical",
                "higher_is_worse"), environmentId, scope, metric.key(), thresholds.warning(), thresholds.critical(),
                thresholds.higherIsWorse() ? 1 : 0);
    }

    @Override
    public void remove(String environmentId, String scope, MetricKind metric) {
        sql.update("DELETE FROM threshold_setting WHERE environment = ? AND scope = ? AND metric = ?", environmentId,
                scope, metric.key());
    }
}
