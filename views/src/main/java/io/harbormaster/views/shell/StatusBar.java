package io.harbormaster.views.shell;

import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.lifecycle.Showing;
import io.harbormaster.views.lifecycle.BusySpinner;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Duration;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Who, where, until when, how fresh, and what is running. The session clock ticks only while shown. */
final class StatusBar extends HBox {

    StatusBar(StatusBarViewModel viewModel) {
        super(10);
        setId("status-bar");
        getStyleClass().add(HarbormasterStyles.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);

        Label identity = item("status-identity", Material2AL.ACCOUNT_CIRCLE);
        identity.textProperty().bind(viewModel.identityProperty());
        Label region = item("status-region", Material2MZ.PUBLIC);
        region.textProperty().bind(viewModel.regionProperty());
        Label session = item("status-session", Material2MZ.TIMER);
        session.textProperty().bind(viewModel.sessionLeftProperty());
        viewModel.sessionExpiringProperty().addListener((obs, was, now) ->
                session.pseudoClassStateChanged(HarbormasterStyles.EXPIRING, now));
        Label refreshed = item("status-refreshed", Material2MZ.UPDATE);
        refreshed.textProperty().bind(viewModel.refreshedProperty());
        viewModel.staleProperty().addListener((obs, was, now) ->
                refreshed.pseudoClassStateChanged(HarbormasterStyles.STALE, now));

        // How far the running task is, when it says; else the busy sign, which turns in steps (a ProgressIndicator
        // turning at every frame made most of the window's frames whenever anything ran in the background)
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("status-progress");
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        progress.progressProperty().bind(viewModel.taskProgressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty()
                .and(viewModel.taskProgressProperty().greaterThanOrEqualTo(0)));
        progress.managedProperty().bind(progress.visibleProperty());
        BusySpinner busy = new BusySpinner(16);
        busy.setId("status-busy");
        busy.visibleProperty().bind(viewModel.busyProperty().and(progress.visibleProperty().not()));
        busy.managedProperty().bind(busy.visibleProperty());
        Label taskText = new Label();
        taskText.setId("status-task-text");
        taskText.textProperty().bind(viewModel.tasksProperty());
        HBox tasks = new HBox(8, progress, busy, taskText);
        tasks.setId("status-tasks");
        tasks.getStyleClass().add(HarbormasterStyles.STATUS_TASKS);
        tasks.setAlignment(Pos.CENTER_RIGHT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(identity, separator(), region, separator(), session, separator(), refreshed,
                spacer, tasks);

        // Ticks only while shown in a showing window: a scene swapped out of its stage (Open the sandbox) keeps its
        // nodes, but loses its window, and its clock must stop with it.
        Showing.whileShowing(this, viewModel::tick, () -> { });
        Showing.repeat(this, new FxRepeater(), Duration.ofSeconds(1), viewModel::tick);
    }

    private static Label item(String id, org.kordamp.ikonli.Ikon icon) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(icon));
        label.getStyleClass().add(HarbormasterStyles.STATUS_ITEM);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Node separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
