package io.harbormaster.model.logs;

import java.util.List;
import java.util.Optional;

/**
 * One FilterLogEvents answer.
 *
 * @param nextToken where the next page starts; null when the search is exhausted (for now)
 */
public record LogPage(List<LogEvent> events, String nextToken) {

    public LogPage {
        events = List.copyOf(events);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}
