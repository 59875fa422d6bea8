package io.harbormaster.model.deploy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The diff of one part of a task definition: the task-level fields, or one container.
 *
 * @param title "task" or "container web"
 */
public record DiffSection(String title, List<DiffLine> lines) {

    public DiffSection {
        lines = List.copyOf(lines);
    }

    public boolean changed() {
        return lines.stream().anyMatch(l -> l.kind() != DiffLine.Kind.SAME);
    }

    /** The lines as unified diff text, one per line. */
    public String unified() {
        return lines.stream().map(DiffLine::unified).collect(Collectors.joining("\n"));
    }
}
