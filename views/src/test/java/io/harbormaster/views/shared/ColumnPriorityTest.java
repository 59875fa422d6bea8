package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
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
 * A table too narrow for its columns takes only the steps it needs, in order: here a task's id is cut first (whole on
 * hover), then the host goes; the columns always fit it, and as it widens the steps are undone.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnPriorityTest {

    private static final String ID = "3f9a2c1d8e7b4a6f9c0d1e2f3a4b5c6d";

    private TableView<String> table;
    private TableColumn<String, String> task;
    private TableColumn<String, String> status;
    private TableColumn<String, String> host;
    private TableColumn<String, String> started;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new TableView<>(FXCollections.observableArrayList(ID, "0a1b2c3d4e5f60718293a4b5c6d7e8f9"));
        task = column("Task", s -> s);
        status = column("Status", s -> "RUNNING");
        host = column("Host", s -> "ip-10-0-1-23.eu-west-1.compute.internal");
        started = column("Started", s -> "3 minutes ago");
        table.getColumns().setAll(List.of(task, status, host, started));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ColumnWidths.fitTextColumns(table);
        ColumnPriority.giveWay(table, List.of(ColumnPriority.narrow(task), ColumnPriority.drop(host)));
        stage.setScene(new Scene(new VBox(table), 1200, 200));
        stage.setWidth(1200); // the stage is shared: an earlier test class may have resized it
        stage.show();
    }

    @Test
    void onlyTheStepsNeededAreTakenAndUndoneAsTheTableWidens(FxRobot robot) {
        double whole = task.getMinWidth();
        assertThat(ColumnWidths.narrowed(task)).as("wide enough: whole").isFalse();
        double all = whole + status.getMinWidth() + host.getMinWidth() + started.getMinWidth();

        // 40 px short: the id gives them, no more; every column still shows
        robot.interact(() -> stage.setWidth(all + 18 - 40 + 2));
        assertThat(host.isVisible()).isTrue();
        assertThat(ColumnWidths.narrowed(task)).isTrue();
        assertThat(task.getMinWidth()).isCloseTo(whole - 40, org.assertj.core.data.Offset.offset(3.0));
        assertFits();
        TableCell<?, ?> cell = (TableCell<?, ?>) robot.lookup(".table-cell").match(c -> c instanceof TableCell<?, ?> t
                && t.getTableColumn() == task && ID.equals(t.getItem())).query();
        assertThat(CellTooltip.textOf(cell)).as("the cut id whole on hover").isEqualTo(ID);

        // narrower than the id at its floor allows: the host goes, and the id takes back what that leaves
        double floor = ColumnWidths.widthOf(List.of("0".repeat(ColumnPriority.NARROW_DIGITS)), false, 12);
        robot.interact(() -> stage.setWidth(floor + status.getMinWidth() + host.getMinWidth() + started.getMinWidth()
                + 18 - 30));
        assertThat(host.isVisible()).isFalse();
        assertThat(ColumnPriority.droppedForRoom(host)).isTrue();
        assertThat(task.getMinWidth()).as("narrowed only as much as still needed").isGreaterThan(floor + 40);
        assertFits();

        robot.interact(() -> stage.setWidth(1200));
        assertThat(host.isVisible()).isTrue();
        assertThat(ColumnWidths.narrowed(task)).isFalse();
        assertThat(task.getMinWidth()).isEqualTo(whole);
        assertThat(CellTooltip.textOf(cell)).as("whole again: no tooltip for a 32-character id").isNull();
    }

    private void assertFits() {
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columns).as("the columns fit the table").isLessThanOrEqualTo(table.getWidth() + 1);
    }

    private static TableColumn<String, String> column(String title, java.util.function.Function<String, String> value) {
        TableColumn<String, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return column;
    }
}
