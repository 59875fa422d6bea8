package io.harbormaster.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * The local SQLite database: WAL mode, versioned migrations, one connection shared under a lock (SQLite serialises
 * writers anyway, and the console writes little). It never stores a secret.
 */
public final class LocalStore implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final Connection connection;

    private LocalStore(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /**
     * Opens (creating if absent) and migrates the database.
     *
     * @throws StoreUnreadableException if the file exists but is not a usable database; nothing was changed
     */
    public static LocalStore open(Path path) throws StoreUnreadableException {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreUnreadableException(path, "its folder cannot be created (" + e.getMessage() + ")", e);
        }
        if (Files.exists(path) && !Files.isReadable(path)) {
            throw new StoreUnreadableException(path, "the file is not readable", null);
        }
        Connection connection = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5000);
            connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(), config.toProperties());
            check(connection);
            migrate(connection);
            return new LocalStore(path, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreUnreadableException(path, describe(e), e);
        }
    }

    /**
     * Renames an unusable database (and its WAL files) aside, never deleting it, so a fresh one can be started.
     *
     * @return where the old file now is
     */
    public static Path moveAside(Path path, Clock clock) throws IOException {
        Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + STAMP.format(clock.instant()));
        Files.move(path, aside);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = path.resolveSibling(path.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        return aside;
    }

    public Path path() {
        return path;
    }

    /** Runs work on the shared connection, one caller at a time. */
    public <T> T withConnection(SqlWork<T> work) {
        synchronized (connection) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException("Local database " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs {@code writes} as one transaction on the shared connection: every statement they make through
     * {@link #withConnection} is kept, or none is (a failure rolls back; a kill before the commit leaves none in the
     * WAL). Inside another such call, it joins that one.
     */
    public <T> T inTransaction(Supplier<T> writes) {
        synchronized (connection) {
            try {
                if (!connection.getAutoCommit()) {
                    return writes.get();
                }
                connection.setAutoCommit(false);
                try {
                    T result = writes.get();
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(e);
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new StoreException("Local database " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private void rollback(Throwable why) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            why.addSuppressed(e);
        }
    }

    public int schemaVersion() {
        return withConnection(LocalStore::userVersion);
    }

    @Override
    public void close() {
        synchronized (connection) {
            closeQuietly(connection);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static void check(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(result)) {
                throw new SQLException("integrity check failed: " + result);
            }
        }
    }

    private static void migrate(Connection connection) throws SQLException {
        int version = userVersion(connection);
        if (version > Migrations.STEPS.size()) {
            throw new SQLException("it was written by a newer Harbormaster (schema " + version + ", this one knows "
                    + Migrations.STEPS.size() + ")");
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (int step = version; step < Migrations.STEPS.size(); step++) {
                for (String sql : Migrations.STEPS.get(step).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                st.execute("PRAGMA user_version = " + (step + 1));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
            return "it is not a SQLite database (damaged or overwritten)";
        }
        if (message.contains("SQLITE_CORRUPT") || message.contains("malformed")) {
            return "it is damaged (" + message + ")";
        }
        return message;
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            System.getLogger(LocalStore.class.getName()).log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }
}
