package io.harbormaster.views.shell;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.RunningTask;
import io.harbormaster.views.environment.EnvironmentText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The status bar's words: who, where, how long the session lasts, how fresh the data is, what is running. */
public final class StatusBarViewModel {

    /** Below this the session time turns into a warning. */
    static final Duration EXPIRING = Duration.ofMinutes(5);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;
    private final ObjectProperty<Instant> now;
    private final Function<EnvironmentSession, Optional<Instant>> expiryOf;
    private final StringBinding identity;
    private final StringBinding region;
    private final StringBinding sessionLeft;
    private final BooleanBinding sessionExpiring;
    private final StringBinding refreshed;
    /** Why the page in front shows old data; empty while it is current (the page's {@code staleness()}). */
    private final StringProperty pageStaleness = new SimpleStringProperty(this, "pageStaleness", "");
    private final BooleanBinding stale;
    private final StringBinding tasks;
    private final ReadOnlyDoubleWrapper taskProgress = new ReadOnlyDoubleWrapper(this, "taskProgress", -1);
    private final BooleanBinding busy;
    private final ObservableList<RunningTask> running;
    /** The task the status bar tells of, whose messages ("tasks 82,000 of 203,809 …") change its line. */
    private RunningTask followed;
    private final javafx.beans.InvalidationListener messageChanged = o -> tasksInvalidated();

    /**
     * @param lastRefreshed when the current page last loaded its data; null if it has not
     * @param pageLoadsData whether the current page shows data at all (placeholders do not)
     */
    public StatusBarViewModel(ObservableValue<EnvironmentSession> session, ObservableValue<Instant> lastRefreshed,
                              ObservableValue<Boolean> pageLoadsData, ObservableList<RunningTask> running,
                              Clock clock) {
        this(session, lastRefreshed, pageLoadsData, running, clock, s -> Optional.ofNullable(s.expiresAt()));
    }

    /**
     * @param expiryOf when a session's credentials run out now: they are renewed behind the scenes, so the expiry
     *                 known at entry goes stale (SessionExpiry knows the current one)
     */
    public StatusBarViewModel(ObservableValue<EnvironmentSession> session, ObservableValue<Instant> lastRefreshed,
                              ObservableValue<Boolean> pageLoadsData, ObservableList<RunningTask> running,
                              Clock clock, Function<EnvironmentSession, Optional<Instant>> expiryOf) {
        this.clock = clock;
        this.expiryOf = expiryOf;
        this.running = running;
        this.now = new SimpleObjectProperty<>(this, "now", clock.instant());
        identity = Bindings.createStringBinding(() -> session.getValue() == null
                ? "Not in an environment" : EnvironmentText.identity(session.getValue()), session);
        region = Bindings.createStringBinding(() -> session.getValue() == null ? "—" : session.getValue().region(),
                session);
        sessionLeft = Bindings.createStringBinding(() -> describeLeft(session.getValue()), session, now);
        sessionExpiring = Bindings.createBooleanBinding(() -> session.getValue() != null
                && left(session.getValue()).map(l -> l.compareTo(EXPIRING) < 0).orElse(false), session, now);
        refreshed = Bindings.createStringBinding(() -> {
            if (!Boolean.TRUE.equals(pageLoadsData.getValue())) {
                return "no data on this page";
            }
            if (lastRefreshed.getValue() == null) {
                // rows may already show while a load runs (services first): say it is under way, not absent
                return running.isEmpty() ? "not loaded yet" : "loading…";
            }
            String asOf = "as of " + TIME.withZone(clock.getZone()).format(lastRefreshed.getValue());
            return pageStaleness.get().isBlank() ? asOf : asOf + " — stale, see above";
        }, lastRefreshed, pageLoadsData, running, pageStaleness);
        stale = Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(pageLoadsData.getValue())
                && !pageStaleness.get().isBlank(), pageLoadsData, pageStaleness);
        tasks = Bindings.createStringBinding(this::describeTasks, running);
        busy = Bindings.isNotEmpty(running);
        running.addListener((ListChangeListener<RunningTask>) change -> followFirstTask());
        followFirstTask();
    }

    /** Moves the clock on; the view calls this once a second while it is showing. */
    public void tick() {
        now.set(clock.instant());
    }

    private Optional<Duration> left(EnvironmentSession session) {
        return expiryOf.apply(session).map(at -> {
            Duration left = Duration.between(now.get(), at);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    private String describeLeft(EnvironmentSession session) {
        if (session == null) {
            return "no session";
        }
        Optional<Duration> maybeLeft = left(session);
        if (maybeLeft.isEmpty()) {
            return "session does not expire";
        }
        Duration left = maybeLeft.get();
        if (left.isZero()) {
            return "session expired — re-enter the environment";
        }
        if (left.toHours() >= 1) {
            return String.format("session %dh %02dm left", left.toHours(), left.toMinutesPart());
        }
        if (left.toMinutes() >= 1) {
            return "session " + left.toMinutes() + " min left";
        }
        return "session " + left.toSeconds() + " s left";
    }

    private String describeTasks() {
        if (running.isEmpty()) {
            return "Ready";
        }
        RunningTask first = running.get(0);
        String text = first.title() + "…";
        if (!first.messageProperty().get().isEmpty()) {
            text += " " + first.messageProperty().get();
        }
        return running.size() == 1 ? text : text + " (+" + (running.size() - 1) + " more)";
    }

    private void tasksInvalidated() {
        tasks.invalidate();
    }

    private void followFirstTask() {
        if (followed != null) {
            followed.messageProperty().removeListener(messageChanged);
        }
        followed = running.isEmpty() ? null : running.get(0);
        if (followed != null) {
            followed.messageProperty().addListener(messageChanged);
        }
        taskProgress.unbind();
        if (running.isEmpty()) {
            taskProgress.set(-1);
        } else {
            taskProgress.bind(running.get(0).progressProperty());
        }
    }

    public StringBinding identityProperty() {
        return identity;
    }

    public StringBinding regionProperty() {
        return region;
    }

    public StringBinding sessionLeftProperty() {
        return sessionLeft;
    }

    public BooleanBinding sessionExpiringProperty() {
        return sessionExpiring;
    }

    public StringBinding refreshedProperty() {
        return refreshed;
    }

    /** The page in front's staleness; the shell binds it to each page's as it comes to front. */
    public StringProperty pageStalenessProperty() {
        return pageStaleness;
    }

    /** True while the page in front shows data older than it should (its "as of" is marked). */
    public BooleanBinding staleProperty() {
        return stale;
    }

    public StringBinding tasksProperty() {
        return tasks;
    }

    public ReadOnlyDoubleProperty taskProgressProperty() {
        return taskProgress.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }
}
