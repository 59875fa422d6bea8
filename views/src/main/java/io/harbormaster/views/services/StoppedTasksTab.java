package io.harbormaster.views.services;

import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.views.text.DateText;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import io.harbormaster.views.shared.CliCommandMenu;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.shared.CsvSaving;
import io.harbormaster.views.shared.TableCsv;

/** "Stopped tasks" of the service detail: why ECS stopped each task, newest first; read while the tab is shown. */
final class StoppedTasksTab {

    private StoppedTasksTab() {
    }

    /** @param services the page's: the session and service the stopped tasks are of, the executor saving them */
    static Tab create(StoppedTasksViewModel viewModel, ServicesViewModel services) {
        TableView<StoppedTask> table = new TableView<>(viewModel.tasks());
        table.setId("service-detail-stopped-tasks");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(ServiceDetailContent.col("Task", 250, t -> Arns.name(t.taskArn())),
                ServiceDetailContent.col("Stopped", 110, t -> t.stoppedAt() == null ? "stopping"
                        : DateText.age(t.stoppedAt(), Instant.now())),
                ServiceDetailContent.col("Stop code", 150, StoppedTask::stopCode),
                ServiceDetailContent.col("Containers (exit code, reason)", 240, t -> String.join("\n", t.containerReasons())),
                ServiceDetailContent.col("Reason", 300, StoppedTask::stoppedReason)));
        ColumnWidths.fitTextColumns(table);
        // Too narrow for them all (ids, codes and reasons run long): the stop code goes first (the reason says it in
        // words), then the id and the reasons are cut (whole on hover), then how long ago
        var columns = table.getColumns();
        ColumnPriority.giveWay(table, List.of(ColumnPriority.drop(columns.get(2)), ColumnPriority.narrow(columns.get(0)),
                ColumnPriority.narrow(columns.get(4)), ColumnPriority.narrow(columns.get(3)),
                ColumnPriority.drop(columns.get(1))));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        table.setPlaceholder(placeholder);
        Label saved = new Label();
        saved.setId("service-detail-stopped-tasks-saved");
        TableCsv.offerCopy(table, CsvSaving.withDialog(services.executor(), saved), "stopped-tasks");
        CliCommandMenu.add("service-detail-stopped-tasks-copy-cli", table, services.fleet().sessionProperty()::get,
                (task, session) -> services.detailProperty().get() == null ? null : CopyCliCommand.commandFor(
                        services.detailProperty().get().service().clusterName(), task.taskArn(), session));
        VBox content = new VBox(6, table, saved);
        VBox.setVgrow(table, Priority.ALWAYS);
        Tab tab = new Tab("Stopped tasks", content);
        tab.setId("service-tab-stopped-tasks");
        tab.selectedProperty().addListener((obs, was, now) -> viewModel.shown(now));
        return tab;
    }
}
