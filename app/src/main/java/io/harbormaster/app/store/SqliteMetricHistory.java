package io.harbormaster.app.store;

import io.harbormaster.model.metrics.MetricHistory;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fetched metric points in the local database, so history shows at once after a restart (or without a network).
 * A point fetched again replaces the old value (the last minute fills in as it ages). Saves are one transaction.
 * Logically one table keyed (environment, region, metric, statistic, period, timestamp); stored as series and their
 * points so the long metric text is not repeated in every row.
 */
public final class SqliteMetricHistory implements MetricHistory {

    /** How long points are kept: the noise map replays 24 h, with a day's margin for a machine left overnight. */
    public static final Duration RETENTION = Duration.ofHours(48);

    private static final String UPSERT = "INSERT INTO metric_point (series, ts, value) VALUES (?, ?, ?)"
            + " ON CONFLICT (series, ts) DO UPDATE SET value = excluded.value";
    private static final String SELECT = "SELECT p.ts, p.value FROM metric_series s JOIN metric_point p"
            + " ON p.series = s.id WHERE s.environment = ? AND s.region = ? AND s.metric = ? AND s.statistic = ?"
            + " AND s.period = ? AND p.ts >= ? AND p.ts < ? ORDER BY p.ts";
    private static final String FIND_SERIES = "SELECT id FROM metric_series WHERE environment = ? AND region = ?"
            + " AND metric = ? AND statistic = ? AND period = ?";
    private static final String ADD_SERIES = "INSERT INTO metric_series (environment, region, metric, statistic,"
            + " period) VALUES (?, ?, ?, ?, ?)";

    private static final System.Logger LOG = System.getLogger(SqliteMetricHistory.class.getName());

    private final LocalStore store;

    public SqliteMetricHistory(LocalStore store) {
        this.store = store;
    }

    @Override
    public void save(String environmentId, String region, List<MetricSeries> series) {
        if (series.stream().allMatch(s -> s.points().isEmpty())) {
            return;
        }
        store.withConnection(c -> closed(c, "save") ? null : inTransaction(c, () -> {
            try (PreparedStatement find = c.prepareStatement(FIND_SERIES);
                    PreparedStatement add = c.prepareStatement(ADD_SERIES, Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (MetricSeries s : series) {
                    if (s.points().isEmpty()) {
                        continue;
                    }
                    long id = seriesId(find, add, environmentId, region, s.query());
                    for (MetricPoint p : s.points()) {
                        upsert.setLong(1, id);
                        upsert.setLong(2, p.at().getEpochSecond());
                        upsert.setDouble(3, p.value());
                        upsert.addBatch();
                    }
                }
                upsert.executeBatch();
            }
        }));
    }

    @Override
    public List<MetricSeries> load(String environmentId, String region, List<MetricQuery> queries, Instant start,
            Instant end) {
        return store.withConnection(c -> {
            if (closed(c, "load")) {
                return queries.stream().map(q -> new MetricSeries(q, List.of())).toList();
            }
            List<MetricSeries> out = new ArrayList<>(queries.size());
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                for (MetricQuery q : queries) {
                    bindSeries(ps, environmentId, region, q);
                    ps.setLong(6, start.getEpochSecond());
                    ps.setLong(7, end.getEpochSecond());
                    List<MetricPoint> points = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            points.add(new MetricPoint(Instant.ofEpochSecond(rs.getLong(1)), rs.getDouble(2)));
                        }
                    }
                    out.add(new MetricSeries(q, points));
                }
            }
            return out;
        });
    }

    @Override
    public void prune(Instant before) {
        store.withConnection(c -> closed(c, "prune") ? null : inTransaction(c, () -> {
            try (Statement st = c.createStatement();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM metric_point WHERE ts < ?")) {
                ps.setLong(1, before.getEpochSecond());
                ps.executeUpdate();
                st.executeUpdate("DELETE FROM metric_series WHERE NOT EXISTS"
                        + " (SELECT 1 FROM metric_point p WHERE p.series = metric_series.id)");
            }
        }));
    }

    /**
     * True once the app has closed the store: a fetch that was already on its way when the window closed lands here
     * afterwards, and its points are simply not kept. Checked under the store's lock, so it cannot race the close.
     */
    private static boolean closed(Connection c, String what) throws SQLException {
        if (!c.isClosed()) {
            return false;
        }
        LOG.log(System.Logger.Level.DEBUG, "Metric history " + what + " after the local store closed; skipped");
        return true;
    }

    private static long seriesId(PreparedStatement find, PreparedStatement add, String environmentId, String region,
            MetricQuery q) throws SQLException {
        bindSeries(find, environmentId, region, q);
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1);
            }
        }
        bindSeries(add, environmentId, region, q);
        add.executeUpdate();
        try (ResultSet keys = add.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no id for a new metric series");
            }
            return keys.getLong(1);
        }
    }

    private static void bindSeries(PreparedStatement ps, String environmentId, String region, MetricQuery q)
            throws SQLException {
        ps.setString(1, environmentId);
        ps.setString(2, region);
        ps.setString(3, key(q.metric()));
        ps.setString(4, q.statistic());
        ps.setLong(5, q.period().getSeconds());
    }

    /** Drops what is older than {@link #RETENTION}; the app calls it on start and now and then. */
    public void pruneExpired(Clock clock) {
        prune(clock.instant().minus(RETENTION));
    }

    /**
     * The metric as one text: namespace, name and sorted dimensions, separated by control characters that CloudWatch
     * names and values do not contain, so distinct metrics never share a key.
     */
    static String key(MetricId metric) {
        StringBuilder b = new StringBuilder(metric.namespace()).append('\u001f').append(metric.name());
        for (Map.Entry<String, String> d : metric.dimensions().entrySet()) {
            b.append('\u001f').append(d.getKey()).append('\u001e').append(d.getValue());
        }
        return b.toString();
    }

    @FunctionalInterface
    private interface SqlRun {
        void run() throws SQLException;
    }

    private static Integer inTransaction(Connection c, SqlRun work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
            return 0;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
