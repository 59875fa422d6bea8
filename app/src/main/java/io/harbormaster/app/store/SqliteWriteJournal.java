package io.harbormaster.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write journal in the local database. Each line is its own transaction: with WAL, a line is on disk when
 * {@link #append} returns and survives the process being killed (synchronous=NORMAL loses nothing to a process
 * crash; only a power loss may drop the last lines).
 */
public final class SqliteWriteJournal implements WriteJournal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() { };
    static final String COLUMNS = "seq, at, operation_id, kind, phase, environment, resource, actor, summary,"
            + " aws_request_id, facts";

    private final LocalStore store;
    private final Clock clock;

    public SqliteWriteJournal(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public JournalEntry append(JournalRecord record) {
        Instant at = clock.instant();
        long seq = store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal (at, operation_id, kind, phase,"
                    + " environment, resource, actor, summary, aws_request_id, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, at.toString());
                ps.setString(2, record.operationId());
                ps.setString(3, record.kind());
                ps.setString(4, record.phase().name());
                ps.setString(5, record.environmentId());
                ps.setString(6, record.resource());
                ps.setString(7, record.actor());
                ps.setString(8, record.summary());
                ps.setString(9, record.awsRequestId());
                ps.setString(10, json(record.facts()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new JournalEntry(seq, at, record);
    }

    @Override
    public List<JournalEntry> operation(String operationId) {
        return query("SELECT " + COLUMNS + " FROM journal WHERE operation_id = ? ORDER BY seq", operationId);
    }

    @Override
    public List<JournalEntry> recent(int limit) {
        return query("SELECT " + COLUMNS + " FROM journal ORDER BY seq DESC LIMIT " + Math.max(0, limit));
    }

    @Override
    public List<List<JournalEntry>> openOperations(String kind) {
        List<JournalEntry> lines = query("SELECT " + COLUMNS + " FROM journal WHERE kind = ? AND operation_id NOT IN"
                + " (SELECT operation_id FROM journal WHERE kind = ? AND phase = 'END') ORDER BY seq", kind, kind);
        Map<String, List<JournalEntry>> byOperation = new LinkedHashMap<>();
        for (JournalEntry line : lines) {
            byOperation.computeIfAbsent(line.record().operationId(), k -> new ArrayList<>()).add(line);
        }
        return byOperation.values().stream().map(List::copyOf).toList();
    }

    private List<JournalEntry> query(String sql, String... args) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                List<JournalEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The line in the current row, read from {@link #COLUMNS}. */
    static JournalEntry read(ResultSet rs) throws SQLException {
        JournalRecord record = new JournalRecord(rs.getString("operation_id"), rs.getString("kind"),
                JournalPhase.valueOf(rs.getString("phase")), rs.getString("environment"), rs.getString("resource"),
                rs.getString("actor"), rs.getString("summary"), rs.getString("aws_request_id"),
                facts(rs.getString("facts")));
        return new JournalEntry(rs.getLong("seq"), Instant.parse(rs.getString("at")), record);
    }

    private static String json(Map<String, String> facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new StoreException("journal facts cannot be written: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> facts(String json) throws SQLException {
        try {
            return JSON.readValue(json, FACTS);
        } catch (JsonProcessingException e) {
            throw new SQLException("journal facts are not readable: " + e.getMessage(), e);
        }
    }
}
