package io.harbormaster.views.metrics;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmHistoryItem;
import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.lifecycle.Repeater;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The environment's CloudWatch alarms, firing first, re-read every minute while shown; one alarm's recent history. */
public final class AlarmsViewModel {

    public static final Duration EVERY = Duration.ofSeconds(60);
    public static final Duration HISTORY = Duration.ofHours(24);
    static final String NOT_ENTERED = "not read: no environment entered";
    static final String NOT_READ = "not read yet";

    private final MetricsDependencies deps;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Clock clock;
    private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>(this, "session");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObservableList<Alarm> alarms = FXCollections.observableArrayList();
    private final ObservableList<AlarmHistoryItem> history = FXCollections.observableArrayList();
    /** Why the list may be empty other than there being no alarms; empty once they have been read. */
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NOT_ENTERED);
    private Runnable stop;
    private final LatestWins reads;

    public AlarmsViewModel(MetricsDependencies deps, TaskExecutor executor, Repeater repeater, Clock clock) {
        this.deps = deps;
        this.executor = executor;
        this.repeater = repeater;
        this.clock = clock;
        this.reads = new LatestWins(executor);
        session.addListener((o, a, b) -> {
            reads.cancel();
            alarms.clear();
            history.clear();
            message.set(b == null ? NOT_ENTERED : NOT_READ);
            load();
        });
        active.addListener((o, a, now) -> {
            load();
            follow();
        });
    }

    /** The page went out of sight: the read in flight stops; the alarms are read again when it shows. */
    public void hidden() {
        reads.cancel();
    }

    public void bind(ObservableValue<EnvironmentSession> current) {
        session.bind(current);
    }

    public void load() {
        EnvironmentSession in = session.get();
        if (in == null || !active.get()) {
            return;
        }
        if (alarms.isEmpty()) {
            message.set("reading…");
        }
        reads.submit(BackgroundTask.of("Reading the alarms of " + in.environment().displayName(),
                () -> deps.alarms().alarms(in)).onSuccess(list -> {
                    List<Alarm> sorted = list.stream().sorted(Comparator.comparing((Alarm a) -> a.state()
                            != AlarmState.ALARM).thenComparing(Alarm::name)).toList();
                    // Read again every minute, mostly unchanged: the same list is not put again, so the alarms bar
                    // and the charts' alarm lines are not made again for nothing.
                    if (!sorted.equals(alarms)) {
                        alarms.setAll(sorted);
                    }
                    message.set("");
                }).onFailure(problem -> message.set("Alarms not read: " + problem.title())));
    }

    /** The alarm's last 24 h of history, newest first, into {@link #history()}. */
    public void showHistory(Alarm alarm) {
        EnvironmentSession in = session.get();
        if (in == null) {
            return;
        }
        history.clear();
        executor.submit(BackgroundTask.of("Reading the history of " + alarm.name(),
                () -> deps.alarms().history(in, alarm.name(), clock.instant().minus(HISTORY)))
                .onSuccess((List<AlarmHistoryItem> items) -> history.setAll(items))
                .onFailure(problem -> message.set("History not read: " + problem.title())));
    }

    private void follow() {
        if (active.get() && stop == null) {
            stop = repeater.every(EVERY, this::load);
        } else if (!active.get() && stop != null) {
            stop.run();
            stop = null;
        }
    }

    public boolean polling() {
        return stop != null;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<Alarm> alarms() {
        return alarms;
    }

    public ObservableList<AlarmHistoryItem> history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
