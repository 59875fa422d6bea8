package io.harbormaster.app.store;

import io.harbormaster.model.journal.AuditBacklog;
import io.harbormaster.model.journal.AuditCopy;
import io.harbormaster.model.journal.JournalEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The audit log's backlog in the local database, beside the journal it points into: a line the console died before
 * copying is copied by the next run, and one it died (or lost the answer) while sending is looked for in the log
 * first. Each change is one statement, on disk when the call returns (as the journal's lines are); a new line and
 * its place here are one transaction.
 */
public final class SqliteAuditBacklog implements AuditBacklog {

    private final LocalStore store;
    private final Statements statements;

    public SqliteAuditBacklog(LocalStore store) {
        this.store = store;
        this.statements = new Statements(store);
    }

    @Override
    public void add(JournalEntry entry) {
        statements.update("INSERT OR IGNORE INTO audit_backlog (seq) VALUES (?)", entry.sequence());
    }

    /** The journal's line and its row here in one transaction: the journal is in this same database. */
    @Override
    public JournalEntry addAppended(Supplier<JournalEntry> append) {
        return store.inTransaction(() -> AuditBacklog.super.addAppended(append));
    }

    @Override
    public List<AuditCopy> waiting() {
        String columns = "j." + SqliteWriteJournal.COLUMNS.replace(", ", ", j.");
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + ", b.sent FROM audit_backlog b"
                    + " JOIN journal j ON j.seq = b.seq ORDER BY b.seq");
                    ResultSet rs = ps.executeQuery()) {
                List<AuditCopy> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditCopy(SqliteWriteJournal.read(rs), rs.getInt("sent") != 0));
                }
                return out;
            }
        });
    }

    @Override
    public void sending(List<JournalEntry> lines) {
        onEach("UPDATE audit_backlog SET sent = 1", lines);
    }

    @Override
    public void copied(List<JournalEntry> lines) {
        onEach("DELETE FROM audit_backlog", lines);
    }

    /** One statement over all the lines (their sequence numbers are the journal's own longs, written inline). */
    private void onEach(String statement, List<JournalEntry> lines) {
        if (!lines.isEmpty()) {
            statements.update(statement + " WHERE seq IN (" + lines.stream().map(e -> String.valueOf(e.sequence()))
                    .collect(Collectors.joining(",")) + ")");
        }
    }
}
