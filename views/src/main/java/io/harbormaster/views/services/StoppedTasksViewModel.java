package io.harbormaster.views.services;

import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceStoppedTasks;
import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected service's stopped tasks ("why did it crash"), read only while their tab is shown: choosing another
 * service or showing the tab again reads them afresh, off the UI thread; an answer for a service no longer chosen is
 * dropped.
 */
public final class StoppedTasksViewModel {

    static final String KEPT_ABOUT_AN_HOUR = "ECS keeps a stopped task about an hour after it stops.";

    private final ServiceStoppedTasks port;
    private final LatestWins loads;
    private final ObservableList<StoppedTask> tasks = FXCollections.observableArrayList();
    private final ObservableList<StoppedTask> readOnlyTasks = FXCollections.unmodifiableObservableList(tasks);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private EnvironmentSession session;
    private ServiceRef service;
    private boolean shown;

    public StoppedTasksViewModel(ServiceStoppedTasks port, TaskExecutor executor) {
        this.port = Objects.requireNonNull(port, "port");
        this.loads = new LatestWins(executor);
    }

    /** The service chosen (null for none); read at once if the tab is shown. */
    public void service(EnvironmentSession session, ServiceRef service) {
        boolean same = Objects.equals(this.session, session) && Objects.equals(this.service, service);
        this.session = session;
        this.service = service;
        if (!same) {
            tasks.clear();
            if (shown) {
                load();
            }
        }
    }

    /** Whether the tab is shown: showing it reads the stopped tasks afresh. */
    public void shown(boolean now) {
        shown = now;
        if (now) {
            load();
        }
    }

    /** Something stopped a task: reads the stopped tasks again if they are shown, else when they next are. */
    public void taskStopped() {
        if (shown) {
            load();
        }
    }

    /** Reads the chosen service's stopped tasks again. */
    public void load() {
        LatestWins.Turn turn = loads.next();
        if (session == null || service == null) {
            tasks.clear();
            placeholder.set("Select a service to see the tasks ECS stopped.");
            return;
        }
        ServiceRef reading = service;
        EnvironmentSession in = session;
        placeholder.set("Reading the stopped tasks of " + reading.serviceName() + "…");
        turn.submit(BackgroundTask.of("Reading the stopped tasks of " + reading.serviceName(),
                        () -> port.stoppedTasks(in, reading))
                .onSuccess(found -> {
                    if (turn.isCurrent()) {
                        tasks.setAll(newestFirst(found));
                        placeholder.set("No task of " + reading.serviceName() + " stopped lately. "
                                + KEPT_ABOUT_AN_HOUR);
                    }
                })
                .onFailure(problem -> {
                    if (turn.isCurrent()) {
                        tasks.clear();
                        placeholder.set("Could not read the stopped tasks: " + problem.title() + ". "
                                + problem.message());
                    }
                }));
    }

    private static List<StoppedTask> newestFirst(List<StoppedTask> found) {
        return found.stream().sorted(Comparator.comparing(StoppedTask::stoppedAt,
                Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    /** Newest first. */
    public ObservableList<StoppedTask> tasks() {
        return readOnlyTasks;
    }

    /** What the empty table says: reading, none (ECS keeps them about an hour), or why it could not read. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
