package io.harbormaster.views.hosts;

import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Beside the canvas while a host is picked: the host, the task picked on it (its service, task definition, when it
 * started) with what can be done to it, and the host's tasks, one of which can be picked from the list. Binds only.
 */
final class HostDetailView extends VBox {

    /** Wide enough for a task id (32 characters) on one line in the list. */
    static final double WIDTH = 380;

    private final ListView<HostDetail.TaskRow> tasks = new ListView<>();
    private final VBox actions = new VBox(6);
    private boolean syncing;

    HostDetailView(HostDetailViewModel viewModel) {
        setId("hosts-detail");
        getStyleClass().add(FleetStyles.DETAIL);
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        visibleProperty().bind(viewModel.detailProperty().isNotNull());
        managedProperty().bind(visibleProperty());

        Label name = wrapped("hosts-detail-name", host(viewModel, d -> d.name()));
        name.getStyleClass().add(FleetStyles.DETAIL_TITLE);
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("hosts-detail-close");
        close.setTooltip(new Tooltip("Close the host's detail (Escape on the canvas)"));
        close.setOnAction(e -> viewModel.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(8, name, gap, close);
        heading.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(name, Priority.SOMETIMES);

        Label where = wrapped("hosts-detail-where", host(viewModel, d -> d.instanceType() + " · " + d.zone() + " · "
                + d.status() + " · cluster " + d.clusterName()));
        where.getStyleClass().add(HarbormasterStyles.MUTED);
        Label reserved = wrapped("hosts-detail-reserved", host(viewModel, d -> String.format(
                "CPU %,d of %,d units reserved · memory %,d of %,d MiB · %d tasks%s", d.reservedCpu(),
                d.registeredCpu(), d.reservedMemory(), d.registeredMemory(), d.tasks().size(),
                d.tasksLoading() ? " read so far (the rest are loading)" : "")));

        Label taskTitle = new Label("Task");
        taskTitle.getStyleClass().add(FleetStyles.SECTION_TITLE);
        Label none = new Label("Click a task block, or pick one of the host's tasks below.");
        none.setId("hosts-detail-no-task");
        none.setWrapText(true);
        none.setMinHeight(Region.USE_PREF_SIZE);
        none.getStyleClass().add(HarbormasterStyles.MUTED);
        none.visibleProperty().bind(viewModel.pickedTaskProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        GridPane facts = new GridPane();
        facts.setId("hosts-detail-task");
        facts.setHgap(10);
        facts.setVgap(4);
        facts.addRow(0, new Label("Task"), fact("hosts-detail-task-id", viewModel, r -> r.taskId()));
        facts.addRow(1, new Label("Service"), fact("hosts-detail-task-service", viewModel, r -> r.serviceName()));
        facts.addRow(2, new Label("Definition"), fact("hosts-detail-task-definition", viewModel,
                r -> r.taskDefinition()));
        facts.addRow(3, new Label("Started"), fact("hosts-detail-task-started", viewModel, viewModel::started));
        facts.addRow(4, new Label("Status"), fact("hosts-detail-task-status", viewModel, r -> r.status() + " · "
                + r.cpu() + " CPU units · " + r.memory() + " MiB"));
        facts.getChildren().forEach(n -> GridPane.setValignment(n, javafx.geometry.VPos.TOP));
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE); // the names whole; the values wrap
        facts.getColumnConstraints().add(names);
        facts.visibleProperty().bind(viewModel.pickedTaskProperty().isNotNull());
        facts.managedProperty().bind(facts.visibleProperty());
        actions.setFillWidth(false);

        Label listTitle = new Label("Tasks on this host");
        listTitle.getStyleClass().add(FleetStyles.SECTION_TITLE);
        tasks.setId("hosts-detail-tasks");
        tasks.getStyleClass().add(FleetStyles.HOST_TASKS);
        tasks.setCellFactory(list -> new TaskCell(viewModel));
        tasks.setPrefHeight(160);
        tasks.setMinHeight(80);
        VBox.setVgrow(tasks, Priority.ALWAYS);
        viewModel.detailProperty().addListener((obs, old, now) -> sync(viewModel));
        viewModel.taskProperty().addListener((obs, old, now) -> sync(viewModel));
        tasks.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                viewModel.taskProperty().set(now.arn());
            }
        });
        sync(viewModel);

        getChildren().addAll(heading, where, reserved, taskTitle, none, facts, actions, listTitle, tasks);
    }

    /** Adds what can be done to the picked task (Stop task…), under its facts. */
    void addTaskAction(Node action) {
        actions.getChildren().add(action);
    }

    /** The list shows the host's tasks with the picked one selected, without echoing the selection back. */
    private void sync(HostDetailViewModel viewModel) {
        syncing = true;
        try {
            HostDetail d = viewModel.detailProperty().get();
            if (d == null) {
                tasks.getItems().clear();
                return;
            }
            if (!tasks.getItems().equals(d.tasks())) {
                tasks.getItems().setAll(d.tasks());
            }
            HostDetail.TaskRow picked = d.task(viewModel.taskProperty().get()).orElse(null);
            if (picked == null) {
                tasks.getSelectionModel().clearSelection();
            } else if (tasks.getSelectionModel().getSelectedItem() != picked) {
                tasks.getSelectionModel().select(picked);
                tasks.scrollTo(picked);
            }
        } finally {
            syncing = false;
        }
    }

    private static StringBinding host(HostDetailViewModel viewModel,
            java.util.function.Function<HostDetail, String> text) {
        return Bindings.createStringBinding(() -> viewModel.detailProperty().get() == null ? ""
                : text.apply(viewModel.detailProperty().get()), viewModel.detailProperty());
    }

    private static Label fact(String id, HostDetailViewModel viewModel,
            java.util.function.Function<HostDetail.TaskRow, String> text) {
        Label label = wrapped(id, Bindings.createStringBinding(() -> viewModel.pickedTaskProperty().get() == null
                ? "" : text.apply(viewModel.pickedTaskProperty().get()), viewModel.pickedTaskProperty()));
        label.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        return label;
    }

    /** Wraps rather than cutting to "…": names and ARNs are long. */
    private static Label wrapped(String id, StringBinding text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    /**
     * A task in three short lines, so nothing is cut: its service and status; its id (32 characters); its
     * definition and how long ago it started (the date itself in the picked task's facts).
     */
    private static final class TaskCell extends ListCell<HostDetail.TaskRow> {
        private final HostDetailViewModel viewModel;

        TaskCell(HostDetailViewModel viewModel) {
            this.viewModel = viewModel;
        }

        @Override
        protected void updateItem(HostDetail.TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : row.serviceName() + " · " + row.status() + "\n" + row.taskId()
                    + "\n" + row.taskDefinition() + " · " + viewModel.startedAge(row));
        }
    }
}
