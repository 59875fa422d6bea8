package io.harbormaster.views.logs;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.logs.ContainerLogs;
import io.harbormaster.model.logs.FollowCursor;
import io.harbormaster.model.logs.LogEvent;
import io.harbormaster.model.logs.LogQuery;
import io.harbormaster.model.logs.SearchLogs;
import io.harbormaster.model.logs.ServiceLines;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.Repeater;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Tailing a service's logs where its task definition sends them (the first container's awslogs group and stream
 * prefix; a service logging with another driver is told so, not shown an empty tail): FilterLogEvents through the
 * model's {@link FollowCursor} every {@link #EVERY} while shown and not paused, with an optional filter pattern; the
 * newest {@link #MAX_LINES} lines are kept. A line's task and host are found in the whole fleet snapshot.
 */
public final class LogsViewModel {

    public static final Duration EVERY = Duration.ofSeconds(2);
    public static final Duration LOOK_BACK = Duration.ofMinutes(15);
    /** How far back a tail may start: CloudWatch keeps what the group's retention keeps; a day is plenty to read. */
    public static final List<Duration> LOOK_BACKS = List.of(Duration.ofMinutes(5), LOOK_BACK, Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofHours(24));
    public static final int MAX_LINES = 10_000;

    private final SearchLogs logs;
    private final TaskExecutor executor;
    private final Repeater repeater;
    private final Clock clock;
    private final ObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<FleetData> fleet = new SimpleObjectProperty<>(this, "fleet");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final StringProperty serviceArn = new SimpleStringProperty(this, "serviceArn");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Duration> lookBack = new SimpleObjectProperty<>(this, "lookBack", LOOK_BACK);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText",
            "Pick a service to follow its logs.");
    /** Each service's own filter pattern: a filter set for one service does not follow the operator to another. */
    private final Map<String, String> filters = new HashMap<>();
    /** The filter the tail shown was started with (the text box may be edited since). */
    private String searched = "";
    private ContainerLogs followed;
    private int leftOut;
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Origin> origin = new ReadOnlyObjectWrapper<>(this, "origin");

    /** Where a line came from: its task and the host it runs on (either may be gone from the snapshot). */
    public record Origin(String taskId, Task task, String hostArn, String hostName, String text) {
    }

    private FollowCursor cursor;
    /** The tail of the service and filter shown; a new search cancels the one in flight. */
    private final LatestWins tail;
    private boolean inFlight;
    private String notHere = "";
    private ServiceLines ownLines = ServiceLines.ALL;
    private FleetSnapshot linesOf;
    private String linesFor;
    private Runnable stop;

    public LogsViewModel(SearchLogs logs, TaskExecutor executor, Repeater repeater, Clock clock) {
        this.logs = logs;
        this.executor = executor;
        this.tail = new LatestWins(executor);
        this.repeater = repeater;
        this.clock = clock;
        session.addListener((o, a, b) -> {
            serviceArn.set(null);
            filters.clear();
        });
        serviceArn.addListener((o, old, now) -> {
            if (old != null) {
                filters.put(old, filter.get());
            }
            filter.set(now == null ? "" : filters.getOrDefault(now, ""));
            restart();
        });
        lookBack.addListener((o, a, b) -> restart());
        active.addListener((o, a, b) -> follow());
        paused.addListener((o, a, b) -> follow());
    }

    public void bind(ObservableValue<EnvironmentSession> currentSession, ObservableValue<FleetData> currentFleet) {
        session.bind(currentSession);
        fleet.bind(currentFleet);
    }

    /** The page went out of sight: the read in flight stops; the tail goes on from its cursor when it shows. */
    public void hidden() {
        if (inFlight) {
            tail.next();
            inFlight = false;
        }
    }

    public void showService(String arn) {
        serviceArn.set(arn);
    }

    /** A new search with the current filter pattern (Enter in the filter box). */
    public void search() {
        restart();
    }

    private Optional<Service> service() {
        FleetData data = fleet.get();
        return data == null || serviceArn.get() == null ? Optional.empty() : data.snapshot().service(serviceArn.get());
    }

    private void restart() {
        tail.next();
        inFlight = false;
        lines.clear();
        origin.set(null);
        cursor = null;
        followed = null;
        leftOut = 0;
        searched = filter.get() == null ? "" : filter.get().strip();
        Optional<Service> shown = service();
        EnvironmentSession in = session.get();
        message.set("");
        emptyText.set(serviceArn.get() == null ? "Pick a service to follow its logs." : "");
        if (shown.isPresent() && in != null) {
            Service s = shown.get();
            message.set("Reading where " + s.name() + " logs (its task definition)…");
            // In this turn of the tail: a newer restart (another service, a new filter) cancels it
            tail.current().submit(BackgroundTask.of("Finding where " + s.name() + " logs",
                    () -> logs.destinations(in, s.taskDefinitionArn())).quietly()
                    .onSuccess(where -> tail(s, where))
                    .onFailure(problem -> message.set("Cannot tell where " + s.name() + " logs: " + problem.title()
                            + " — " + problem.message())));
        }
        follow();
    }

    /** Tails the first container that logs to CloudWatch, in the group and streams its task definition names. */
    private void tail(Service s, List<ContainerLogs> where) {
        Optional<ContainerLogs> awslogs = where.stream().filter(ContainerLogs::inCloudWatch).findFirst();
        String elsewhere = where.stream().filter(c -> !c.inCloudWatch()).map(ContainerLogs::elsewhere)
                .collect(Collectors.joining("; "));
        if (awslogs.isEmpty()) {
            message.set(s.name() + " writes nothing to CloudWatch Logs: "
                    + (elsewhere.isEmpty() ? "its task definition has no containers" : elsewhere) + ".");
            emptyText.set(message.get());
            return;
        }
        ContainerLogs c = awslogs.get();
        followed = c;
        java.time.Instant from = clock.instant().minus(lookBack.get());
        cursor = new FollowCursor(new LogQuery(c.group(), searched, c.streamNamePrefix(), from, null, null,
                LogQuery.DEFAULT_LIMIT));
        notHere = elsewhere;
        describe();
        emptyText.set((searched.isEmpty() ? "No lines in " + c.group() : "No line in " + c.group() + " matched \""
                + searched + "\"") + " in the last " + span(lookBack.get()) + ". The tail goes on;"
                + (searched.isEmpty() ? " a longer look-back reaches further." : " clear the filter to see every line."));
        poll();
        follow();
    }

    /** One FilterLogEvents call, unless one is already on its way. */
    void poll() {
        EnvironmentSession in = session.get();
        if (cursor == null || in == null || inFlight || !active.get()) {
            return;
        }
        inFlight = true;
        FollowCursor reading = cursor;
        LogQuery query = reading.next();
        tail.current().submit(BackgroundTask.of("Tailing " + query.logGroup(), () -> logs.search(in, query)).quietly()
                .onSuccess(page -> {
                    inFlight = false;
                    append(reading.accept(page));
                    if (reading.hasMorePages()) {
                        poll();
                    }
                }).onFailure(problem -> {
                    inFlight = false;
                    message.set("Tail stopped: " + problem.title() + " — " + problem.message());
                }));
    }

    /** What the tail follows, in one line: group, streams, the filter, what it left out and what logs elsewhere. */
    private void describe() {
        ContainerLogs c = followed;
        if (c == null) {
            return;
        }
        message.set("Following " + c.group() + (c.streamNamePrefix().isEmpty() ? "" : " · streams "
                + c.streamNamePrefix() + "…") + (searched.isEmpty() ? "" : " · filter " + searched)
                + (leftOut == 0 ? "" : String.format(" · %,d line%s of other services' tasks left out (same group"
                        + " and streams)", leftOut, leftOut == 1 ? "" : "s"))
                + (notHere.isEmpty() ? "" : " · not here: " + notHere));
    }

    /** The service's own lines, worked out once per fleet refresh (a large cluster has many tasks). */
    private ServiceLines serviceLines() {
        FleetData data = fleet.get();
        FleetSnapshot snapshot = data == null ? null : data.snapshot();
        if (snapshot != linesOf || !java.util.Objects.equals(serviceArn.get(), linesFor)) {
            ownLines = ServiceLines.of(snapshot, serviceArn.get());
            linesOf = snapshot;
            linesFor = serviceArn.get();
        }
        return ownLines;
    }

    private void append(List<LogEvent> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        List<LogEvent> own = serviceLines().keep(fresh);
        if (own.size() < fresh.size()) {
            leftOut += fresh.size() - own.size();
            describe();
        }
        List<LogLine> added = own.stream().sorted(Comparator.comparing(LogEvent::timestamp)).map(LogLine::of)
                .toList();
        lines.addAll(added);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    /** The task and host a line came from, into {@link #originProperty()}. */
    public void select(LogLine line) {
        if (line == null) {
            origin.set(null);
            return;
        }
        Optional<String> taskId = line.event().taskId();
        FleetData data = fleet.get();
        if (taskId.isEmpty() || data == null) {
            origin.set(new Origin("", null, "", "", "This line names no task (stream " + line.event().stream() + ")."));
            return;
        }
        FleetSnapshot snapshot = data.snapshot();
        // the whole refresh: a shared group's lines name other services' tasks too
        Task task = snapshot.tasks().stream().filter(t -> t.arn().endsWith("/" + taskId.get())).findFirst().orElse(null);
        if (task == null) {
            origin.set(new Origin(taskId.get(), null, "", "", "Task " + taskId.get()
                    + " is no longer running (not in the last fleet refresh)."));
            return;
        }
        String hostArn = task.containerInstanceArn();
        String hostName = snapshot.host(hostArn).map(h -> h.displayName() + " (" + h.availabilityZone() + ")")
                .orElse(hostArn.isEmpty() ? "Fargate" : hostArn);
        origin.set(new Origin(taskId.get(), task, hostArn, hostName, "Task " + taskId.get() + " · "
                + task.lastStatus().toLowerCase() + " · revision " + task.taskDefinitionRevision() + " · on "
                + hostName));
    }

    private void follow() {
        boolean poll = active.get() && !paused.get() && cursor != null;
        if (poll && stop == null) {
            stop = repeater.every(EVERY, this::poll);
            poll();
        } else if (!poll && stop != null) {
            stop.run();
            stop = null;
        }
    }

    /** "15 min", "6 h": a look-back as the picker says it. */
    public static String span(Duration d) {
        return d.toMinutes() < 60 ? d.toMinutes() + " min" : d.toHours() + " h";
    }

    public boolean polling() {
        return stop != null;
    }

    public BooleanProperty activeProperty() { return active; }
    public StringProperty serviceArnProperty() { return serviceArn; }
    public StringProperty filterProperty() { return filter; }
    /** How far back the tail starts; a change starts it again. */
    public ObjectProperty<Duration> lookBackProperty() { return lookBack; }
    /** What the empty list says: pick a service, where the service logs instead, or that nothing matched. */
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    /** The filter pattern the lines shown were searched with. */
    public String searchedFilter() { return searched; }
    public BooleanProperty pausedProperty() { return paused; }
    public ObservableList<LogLine> lines() { return lines; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Origin> originProperty() { return origin.getReadOnlyProperty(); }
}
