package io.harbormaster.views.restart;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.recovery.InterruptedWrite;
import io.harbormaster.model.recovery.InterruptedWrites;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.lifecycle.Repeater;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the console found on start, said once and without a dialog: each write a previous run left open in the
 * journal ({@link InterruptedWrites}) in one sentence — what was in flight, when, by whom, what the read-back found
 * and what to do — told again as its environment is entered and its read-back lands, and any other finding of the
 * start (a damaged store moved aside). It stays until the operator dismisses it. UI thread.
 */
public final class RestartNoticeViewModel {

    /** How often the notice reads the journal again while a write it tells is not settled and it shows. */
    public static final Duration RECHECK_EVERY = Duration.ofSeconds(3);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the notice: its sentence, and the journal entry it opens (empty for a finding with none). */
    public record Line(String id, String text, String journal) {
    }

    private final InterruptedWrites writes;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Clock clock;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Line> notes = FXCollections.observableArrayList();
    private final ObservableList<Line> shown = FXCollections.observableArrayList();
    /** Kept: a view's listener on an unmodifiable wrapper lives only as long as the wrapper does. */
    private final ObservableList<Line> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible", false);
    private boolean dismissed;
    private boolean read;
    private boolean allSettled = true;
    private Runnable stopRechecks;

    public RestartNoticeViewModel(InterruptedWrites writes, ObservableValue<EnvironmentSession> session,
            TaskExecutor executor, Repeater repeater, Clock clock) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.repeater = Objects.requireNonNull(repeater, "repeater");
        this.clock = Objects.requireNonNull(clock, "clock");
        session.addListener((obs, old, now) -> {
            if (read && now != null) {
                recheck(); // entering reads back its writes: say what was found
            }
        });
        executor.submit(BackgroundTask.of("Reading the journal for interrupted writes", writes::atStart).quietly()
                .onSuccess(found -> {
                    read = true;
                    show(found);
                }));
    }

    /** A finding of the start that is not a write (the store moved aside), added to the notice. */
    public void note(String text) {
        notes.add(new Line("note-" + notes.size(), text, ""));
        publish();
    }

    /** The operator closed the notice: it is not shown again in this run. */
    public void dismiss() {
        dismissed = true;
        publish();
    }

    private void recheck() {
        if (dismissed) {
            return;
        }
        executor.submit(BackgroundTask.of("Reading the journal for interrupted writes", writes::now).quietly()
                .onSuccess(this::show));
    }

    private void show(List<InterruptedWrite> found) {
        lines.setAll(found.stream().map(this::line).toList());
        allSettled = found.stream().allMatch(InterruptedWrite::settled);
        publish();
    }

    private void publish() {
        if (dismissed) {
            shown.clear();
        } else {
            List<Line> all = new java.util.ArrayList<>(notes);
            all.addAll(lines);
            if (!all.equals(shown)) {
                shown.setAll(all);
            }
        }
        visible.set(!shown.isEmpty());
        boolean recheck = visible.get() && !allSettled;
        if (recheck && stopRechecks == null) {
            stopRechecks = repeater.every(RECHECK_EVERY, this::recheck);
        } else if (!recheck && stopRechecks != null) {
            stopRechecks.run();
            stopRechecks = null;
        }
    }

    /**
     * "Scale of api to 12 tasks in prod (eu-west-1), asked by bob at 2026-12-06 10:00:00, was cut short when the
     * console stopped. Read back: done: the desired count is 12."
     */
    Line line(InterruptedWrite write) {
        String who = write.actor().isBlank() ? "" : " by " + Arns.name(write.actor());
        String text = write.what() + ", asked" + who + " at " + when(write.startedAt())
                + ", was cut short when the console stopped. " + switch (write.found()) {
                    case NOT_READ_YET -> "Outcome unknown: not read back yet.";
                    case DONE, NOT_DONE, UNDER_WAY -> "Read back: " + write.foundText() + ".";
                } + (write.nextStep().isEmpty() ? "" : " " + write.nextStep());
        return new Line(write.operationId(), text, journal(write.lines()));
    }

    private String journal(List<JournalEntry> entries) {
        return entries.stream().map(e -> when(e.at()) + "  " + e.record().phase() + "  " + e.record().summary()
                + (e.record().awsRequestId().isEmpty() ? "" : "  (request " + e.record().awsRequestId() + ")"))
                .collect(Collectors.joining("\n", "Journal operation " + entries.get(0).record().operationId()
                        + " (" + entries.get(0).record().kind() + "):\n", ""));
    }

    private String when(java.time.Instant at) {
        return WHEN.withZone(clock.getZone()).format(at);
    }

    /** The notice's lines: findings first, then each interrupted write; empty once dismissed. */
    public ObservableList<Line> lines() {
        return readOnlyShown;
    }

    /** Whether the notice shows: something was found and it was not dismissed. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** Whether the journal is read again every {@link #RECHECK_EVERY}; for tests. */
    public boolean rechecking() {
        return stopRechecks != null;
    }
}
