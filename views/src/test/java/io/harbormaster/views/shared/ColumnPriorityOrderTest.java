package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A table has one order of dropping: a page using a shared table (All environments' services) replaces the order the
 * table was made with, and a column only the earlier order let go shows again.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnPriorityOrderTest {

    // made on the UI thread (in start): a TableView made first on JUnit's thread, before the toolkit, fails its
    // class's initialisation for every later test in the JVM
    private TableView<String> table;
    private TableColumn<String, String> environment;
    private TableColumn<String, String> name;
    private TableColumn<String, String> tasks;
    private TableColumn<String, String> why;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new TableView<>();
        environment = column("Environment");
        name = column("Name");
        tasks = column("Tasks");
        why = column("Why");
        table.getItems().add("api");
        table.getColumns().setAll(List.of(environment, name, tasks, why));
        table.getColumns().forEach(c -> c.setMinWidth(100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // as the shared table is made: it may do without the environment only
        ColumnPriority.dropToFit(table, List.of(environment));
        stage.setScene(new Scene(new VBox(table), 600, 200));
        stage.setWidth(600); // the stage is shared: an earlier test class may have resized it
        stage.show();
    }

    @Test
    void aLaterOrderReplacesTheEarlierOne(FxRobot robot) {
        robot.interact(() -> stage.setWidth(390));
        assertThat(environment.isVisible()).as("the shared table's order, at 390 px").isFalse();
        assertThat(ColumnPriority.droppedForRoom(environment)).isTrue();

        // the page knows better: the environment stays, why and then the tasks go
        robot.interact(() -> ColumnPriority.dropToFit(table, List.of(why, tasks)));

        assertThat(environment.isVisible()).as("no longer one that may go").isTrue();
        assertThat(ColumnPriority.droppedForRoom(environment)).isFalse();
        assertThat(why.isVisible()).isFalse();
        assertThat(tasks.isVisible()).as("three columns of 100 px fit 390").isTrue();
        assertThat(name.isVisible()).isTrue();

        robot.interact(() -> stage.setWidth(300));
        assertThat(tasks.isVisible()).as("at 300 px").isFalse();
        assertThat(environment.isVisible()).isTrue();

        robot.interact(() -> stage.setWidth(600));
        assertThat(List.of(environment, name, tasks, why)).as("all back at 600 px")
                .allMatch(TableColumn::isVisible);
    }

    private static TableColumn<String, String> column(String title) {
        TableColumn<String, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue()));
        return column;
    }
}
