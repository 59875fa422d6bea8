package io.harbormaster.model.journal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A {@link WriteJournal} held in memory, for unit tests of the features that write through it. */
public final class InMemoryWriteJournal implements WriteJournal {

    private final Clock clock;
    private final List<JournalEntry> entries = new ArrayList<>();

    public InMemoryWriteJournal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized JournalEntry append(JournalRecord record) {
        JournalEntry entry = new JournalEntry(entries.size() + 1L, clock.instant(), record);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<JournalEntry> operation(String operationId) {
        return entries.stream().filter(e -> e.record().operationId().equals(operationId)).toList();
    }

    @Override
    public synchronized List<JournalEntry> recent(int limit) {
        return entries.stream().sorted(Comparator.comparingLong(JournalEntry::sequence).reversed()).limit(limit)
                .toList();
    }

    @Override
    public synchronized List<List<JournalEntry>> openOperations(String kind) {
        Map<String, List<JournalEntry>> byOperation = entries.stream().filter(e -> e.record().kind().equals(kind))
                .collect(Collectors.groupingBy(e -> e.record().operationId(), LinkedHashMap::new, Collectors.toList()));
        return byOperation.values().stream()
                .filter(lines -> lines.stream().noneMatch(e -> e.record().phase() == JournalPhase.END))
                .map(List::copyOf).toList();
    }
}
