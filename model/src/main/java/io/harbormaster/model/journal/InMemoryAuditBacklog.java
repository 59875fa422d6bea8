package io.harbormaster.model.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link AuditBacklog} that lives as long as the console: for tests and a journal with no local database. */
public final class InMemoryAuditBacklog implements AuditBacklog {

    private final Map<Long, AuditCopy> lines = new LinkedHashMap<>();

    @Override
    public synchronized void add(JournalEntry entry) {
        lines.putIfAbsent(entry.sequence(), new AuditCopy(entry, false));
    }

    @Override
    public synchronized List<AuditCopy> waiting() {
        return new ArrayList<>(lines.values());
    }

    @Override
    public synchronized void sending(List<JournalEntry> sent) {
        sent.forEach(e -> lines.computeIfPresent(e.sequence(), (seq, line) -> new AuditCopy(line.entry(), true)));
    }

    @Override
    public synchronized void copied(List<JournalEntry> copied) {
        copied.forEach(e -> lines.remove(e.sequence()));
    }
}
