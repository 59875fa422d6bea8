package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
 * A column as wide as its widest value (up to {@value ColumnWidths#WHOLE_CHARS} characters) and its heading,
 * measured again as the rows change; a table too narrow for its columns drops the least needed, and shows them again
 * as it widens.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnWidthsTest {

    private final ObservableList<String> rows = FXCollections.observableArrayList("api");
    private TableView<String> table;
    private TableColumn<String, String> name;
    private TableColumn<String, String> kind;
    private TableColumn<String, String> why;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new TableView<>(rows);
        name = column("Name");
        kind = column("Kind");
        why = column("Why");
        table.getColumns().setAll(List.of(name, kind, why));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ColumnWidths.fitRows(table, name, s -> s);
        ColumnWidths.fit(kind, "service-connect");
        ColumnPriority.dropToFit(table, List.of(kind));
        stage.setScene(new Scene(new VBox(table), 900, 200));
        stage.show();
    }

    @Test
    void aColumnWidensToItsWidestRowAndNoFurtherThanItsLimit(FxRobot robot) {
        double heading = Headings.tightWidth("Name");
        assertThat(name.getMinWidth()).as("a short name: the heading's width").isEqualTo(heading);

        robot.interact(() -> rows.add("warehouse-loader-with-a-long-name"));
        double longer = name.getMinWidth();
        assertThat(longer).isGreaterThan(heading + 100);
        assertThat(name.getWidth()).as("its width follows at once").isGreaterThanOrEqualTo(longer);

        robot.interact(() -> rows.add("warehouse-loader-with-a-long-name and then some free text beyond the limit"));
        assertThat(name.getMinWidth()).as("measured up to " + ColumnWidths.WHOLE_CHARS + " characters")
                .isEqualTo(longer);
        assertThat(kind.getMinWidth()).as("as wide as its widest expected value")
                .isEqualTo(ColumnWidths.widthOf(List.of("service-connect"), false, ColumnWidths.WHOLE_CHARS));
        assertThat(ColumnWidths.tooltip("short")).isNull();
        assertThat(ColumnWidths.tooltip(rows.get(2)).getText()).isEqualTo(rows.get(2));
    }

    @Test
    void aValueMeasuredOnceIsNotMeasuredAgainAndBoldIsMeasuredApart() {
        List<String> values = List.of("a-value-measured-once-" + System.nanoTime());
        double plain = ColumnWidths.widthOf(values, false, ColumnWidths.WHOLE_CHARS);
        int measured = TextWidths.measured();
        assertThat(ColumnWidths.widthOf(values, false, ColumnWidths.WHOLE_CHARS)).isEqualTo(plain);
        assertThat(TextWidths.measured()).as("the second time, looked up").isEqualTo(measured);
        double bold = ColumnWidths.widthOf(values, true, ColumnWidths.WHOLE_CHARS);
        assertThat(TextWidths.measured()).isEqualTo(measured + 1);
        assertThat(bold).as("bold is wider").isGreaterThan(plain);
    }

    @Test
    void aTableTooNarrowDropsTheLeastNeededColumnAndShowsItAgainWhenItWidens(FxRobot robot) {
        assertThat(kind.isVisible()).isTrue();
        double justTheOthers = name.getMinWidth() + why.getMinWidth() + 40;
        robot.interact(() -> stage.setWidth(justTheOthers));
        assertThat(kind.isVisible()).as("dropped at " + justTheOthers + " px").isFalse();
        assertThat(name.isVisible()).isTrue();

        robot.interact(() -> stage.setWidth(900));
        assertThat(kind.isVisible()).as("back at 900 px").isTrue();
    }

    @Test
    void aColumnWideningUnderItsTableTakesItsRoomFromTheColumnThatFlexes(FxRobot robot) {
        robot.interact(() -> stage.setWidth(640));
        assertThat(columnsWidth()).as("fitted to the table").isLessThanOrEqualTo(room() + 1);
        double whyBefore = why.getWidth();

        // Rows with a longer name arrive: the name's minimum grows, the table's width does not change. JavaFX fits a
        // constrained table's columns when its width changes only: the columns outgrew the table, which scrolled.
        // ... and without changing the table's states (:constrained-resize off and on restyled every cell)
        int[] stateChanges = {0};
        robot.interact(() -> table.getPseudoClassStates().addListener(
                (javafx.collections.SetChangeListener<javafx.css.PseudoClass>) change -> stateChanges[0]++));
        robot.interact(() -> rows.add("warehouse-loader-with-a-long-name"));

        assertThat(columnsWidth()).as("the columns still fit the table").isLessThanOrEqualTo(room() + 1);
        assertThat(why.getWidth()).as("Why gave the room").isLessThan(whyBefore);
        assertThat(stateChanges[0]).as("the table's pseudo-class states changed").isZero();
    }

    private double columnsWidth() {
        return table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    }

    private double room() {
        return table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight();
    }

    private static TableColumn<String, String> column(String title) {
        TableColumn<String, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue()));
        return column;
    }
}
