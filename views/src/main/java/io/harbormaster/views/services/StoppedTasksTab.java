package io.harbormaster.views.services;

import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.views.text.DateText;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;

/** "Stopped tasks" of the service detail: why ECS stopped each task, newest first; read while the tab is shown. */
final class StoppedTasksTab {

    private StoppedTasksTab() {
    }

    static Tab create(StoppedTasksViewModel viewModel) {
        TableView<StoppedTask> table = new TableView<>(viewModel.tasks());
        table.setId("service-detail-stopped-tasks");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(ServiceDetailView.col("Task", 250, t -> Arns.name(t.taskArn())),
                ServiceDetailView.col("Stopped", 110, t -> t.stoppedAt() == null ? "stopping"
                        : DateText.age(t.stoppedAt(), Instant.now())),
                ServiceDetailView.col("Stop code", 150, StoppedTask::stopCode),
                ServiceDetailView.col("Containers (exit code, reason)", 240, t -> String.join("\n", t.containerReasons())),
                ServiceDetailView.col("Reason", 300, StoppedTask::stoppedReason)));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.placeholderProperty());
        table.setPlaceholder(placeholder);
        Tab tab = new Tab("Stopped tasks", table);
        tab.setId("service-tab-stopped-tasks");
        tab.selectedProperty().addListener((obs, was, now) -> viewModel.shown(now));
        return tab;
    }
}
