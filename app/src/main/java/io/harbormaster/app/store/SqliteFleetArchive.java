package io.harbormaster.app.store;

import io.harbormaster.model.fleet.FleetArchive;
import io.harbormaster.model.fleet.FleetSnapshot;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The last fleet seen of each environment and region, one row each in the local database (see {@link ArchivedFleet}
 * for what is kept). Encoding and decoding happen outside the store's lock, so a save of a large fleet on a
 * background thread holds the shared connection only for the one row's write, not for the JSON and gzip work.
 */
public final class SqliteFleetArchive implements FleetArchive {

    private static final String UPSERT = "INSERT INTO fleet_archive (environment, region, as_of, saved_at, format,"
            + " snapshot) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (environment, region) DO UPDATE SET"
            + " as_of = excluded.as_of, saved_at = excluded.saved_at, format = excluded.format,"
            + " snapshot = excluded.snapshot";
    private static final String SELECT = "SELECT as_of, format, snapshot FROM fleet_archive"
            + " WHERE environment = ? AND region = ?";

    private static final System.Logger LOG = System.getLogger(SqliteFleetArchive.class.getName());

    private final LocalStore store;
    private final Clock clock;

    /** @param clock stamps when each fleet was saved (its {@code asOf} says when it was read from AWS) */
    public SqliteFleetArchive(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws StoreException when the fleet cannot be written; what was saved before is then kept unchanged */
    @Override
    public void save(FleetSnapshot snapshot) {
        byte[] bytes;
        try {
            bytes = FleetArchiveCodec.encode(snapshot);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("The fleet of " + where(snapshot.environmentId(), snapshot.region())
                    + " could not be prepared for saving: " + e.getMessage(), e);
        }
        Instant savedAt = clock.instant();
        // One statement, so one transaction: the old row is replaced whole or not at all.
        store.withConnection(c -> {
            if (closed(c, snapshot)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, snapshot.environmentId());
                ps.setString(2, snapshot.region());
                ps.setString(3, snapshot.asOf().toString());
                ps.setString(4, savedAt.toString());
                ps.setInt(5, ArchivedFleet.FORMAT);
                ps.setBytes(6, bytes);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<FleetSnapshot> lastSaved(String environmentId, String region) {
        Optional<Row> row;
        try {
            row = store.withConnection(c -> c.isClosed() ? Optional.empty() : read(c, environmentId, region));
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "The saved fleet of " + where(environmentId, region)
                    + " could not be read; it loads as if never seen", e);
            return Optional.empty();
        }
        return row.flatMap(r -> decode(r, environmentId, region));
    }

    private static Optional<Row> read(Connection c, String environmentId, String region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, environmentId);
            ps.setString(2, region);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getInt(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    private static Optional<FleetSnapshot> decode(Row row, String environmentId, String region) {
        if (row.format() != ArchivedFleet.FORMAT) {
            LOG.log(System.Logger.Level.WARNING, "The saved fleet of " + where(environmentId, region)
                    + " is in format " + row.format() + ", which this Harbormaster does not read (it reads "
                    + ArchivedFleet.FORMAT + "); it loads as if never seen and is replaced once loaded");
            return Optional.empty();
        }
        try {
            Instant asOf = Instant.parse(row.asOf());
            return Optional.of(FleetArchiveCodec.decode(row.snapshot() == null ? new byte[0] : row.snapshot(),
                    environmentId, region, asOf));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The saved fleet of " + where(environmentId, region)
                    + " is damaged (" + e.getMessage() + "); it loads as if never seen and is replaced once loaded",
                    e);
            return Optional.empty();
        }
    }

    /**
     * A load that finished as the console was closing (or switching to the sandbox) saves after the store closed;
     * that fleet is simply not kept. Checked under the store's lock, so it cannot race the close.
     */
    private static boolean closed(Connection c, FleetSnapshot snapshot) throws SQLException {
        if (!c.isClosed()) {
            return false;
        }
        LOG.log(System.Logger.Level.DEBUG, "The fleet of " + where(snapshot.environmentId(), snapshot.region())
                + " was not saved: the local store had closed");
        return true;
    }

    private static String where(String environmentId, String region) {
        return environmentId + " " + region;
    }

    private record Row(String asOf, int format, byte[] snapshot) {
    }
}
