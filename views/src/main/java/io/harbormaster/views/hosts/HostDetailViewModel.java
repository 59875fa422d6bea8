package io.harbormaster.views.hosts;

import io.harbormaster.views.stoptask.StopTaskTarget;
import io.harbormaster.views.text.DateText;
import java.time.Clock;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The picked host beside the canvas and the task picked on it (a block clicked on the canvas, or a row of the host's
 * task list): what the detail shows, and the task "Stop task…" stops. A task that is gone from the host once the fleet
 * is read again is no longer picked.
 */
public final class HostDetailViewModel {

    private final HostsViewModel hosts;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<HostDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ObjectProperty<String> task = new SimpleObjectProperty<>(this, "task");
    private final ObjectBinding<HostDetail.TaskRow> pickedTask;
    private final ObjectBinding<StopTaskTarget> stopTarget;

    HostDetailViewModel(HostsViewModel hosts, Clock clock) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.clock = Objects.requireNonNull(clock, "clock");
        hosts.modelProperty().addListener((obs, old, now) -> update());
        hosts.selectedHostProperty().addListener((obs, old, now) -> update());
        hosts.repackProperty().addListener((obs, old, now) -> update());
        hosts.loadingTasksProperty().addListener((obs, old, now) -> update());
        pickedTask = Bindings.createObjectBinding(() -> detail.get() == null ? null
                : detail.get().task(task.get()).orElse(null), detail, task);
        stopTarget = Bindings.createObjectBinding(() -> {
            HostDetail.TaskRow row = pickedTask.get();
            return row == null ? null : new StopTaskTarget(row.clusterArn(), row.arn(), row.serviceArn(),
                    row.desiredCount(), detail.get().name());
        }, pickedTask);
        update();
    }

    /** A what-if's hosts and tasks are a picture, not the fleet: nothing there to show or stop. */
    private void update() {
        HostDetail now = hosts.repackProperty().get() != null ? null
                : HostDetail.of(hosts.modelProperty().get(), hosts.selectedHostProperty().get(),
                        hosts.loadingTasksProperty().get() != null).orElse(null);
        detail.set(now);
        if (now == null || now.task(task.get()).isEmpty()) {
            task.set(null);
        }
    }

    /** What was clicked on the canvas: its host picked, and its task when a block was hit; nothing clears. */
    public void pick(HostLayout.Hit hit) {
        HostLayout laid = hosts.layoutProperty().get();
        if (hit == null || laid == null) {
            close();
            return;
        }
        HostCell cell = laid.cell(hit.cell());
        hosts.pick(cell.arn);
        task.set(hit.task() >= 0 ? cell.task(hit.task()).arn() : null);
    }

    /** No host picked: the detail closes. */
    public void close() {
        task.set(null);
        hosts.pick(null);
    }

    /** The picked host; null when none is (or it is not in the fleet shown). */
    public ReadOnlyObjectProperty<HostDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The picked task's ARN; null when none. Set it to pick one of the host's tasks. */
    public ObjectProperty<String> taskProperty() {
        return task;
    }

    /** The picked task as the detail lists it; null when none. */
    public ObjectBinding<HostDetail.TaskRow> pickedTaskProperty() {
        return pickedTask;
    }

    /** What "Stop task…" stops: the picked task; null when none is picked. */
    public ObjectBinding<StopTaskTarget> stopTargetProperty() {
        return stopTarget;
    }

    /** "started 3 h ago", or "not started yet". */
    public String startedAge(HostDetail.TaskRow row) {
        return row.startedAt() == null ? "not started yet" : "started " + DateText.age(row.startedAt(), clock.instant());
    }

    /** "2026-12-03 07:12:05 (3 h ago)", or "not started yet". */
    public String started(HostDetail.TaskRow row) {
        return row.startedAt() == null ? "not started yet"
                : DateText.dateAndAge(row.startedAt(), clock.instant(), clock.getZone());
    }
}
