package io.harbormaster.views.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A refresh that re-sorts the rows under the operator keeps the rows selected and does not scroll the table. */
@ExtendWith(ApplicationExtension.class)
class TableSelectionTest {

    /** A row: its key and a count a refresh changes (the table sorts by it, as Services sorts problems first). */
    private record Row(String key, int count) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private TableView<Row> table;

    @Start
    void start(Stage stage) {
        IntStream.range(0, 200).mapToObj(i -> new Row("service-" + i, i)).forEach(rows::add);
        SortedList<Row> sorted = new SortedList<>(rows, Comparator.comparingInt(Row::count));
        table = new TableView<>();
        table.setFixedCellSize(24);
        TableColumn<Row, String> name = new TableColumn<>("Service");
        name.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().key()));
        table.getColumns().add(name);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableSelection.keepSelectedAcrossChanges(table, sorted, Row::key);
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    @Test
    void theSelectedRowsStaySelectedWhereverTheySortAndTheViewStaysPut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            table.scrollTo(80);
            table.getSelectionModel().selectIndices(85, 83);
        });
        int top = on(this::firstVisible);
        assertThat(top).isEqualTo(80);

        // The refresh: service-83 now sorts first, service-85 near the end, every row replaced.
        robot.interact(() -> {
            List<Row> next = new ArrayList<>();
            for (Row r : rows) {
                int count = r.key().equals("service-83") ? -1 : r.key().equals("service-85") ? 190 : r.count();
                next.add(new Row(r.key(), count));
            }
            rows.setAll(next);
        });

        assertThat(on(() -> table.getSelectionModel().getSelectedItems().stream().map(Row::key).toList()))
                .containsExactlyInAnyOrder("service-83", "service-85");
        assertThat(on(() -> table.getSelectionModel().getSelectedItem().key()))
                .as("the row selected last is still the selected item").isEqualTo("service-83");
        assertThat(on(this::firstVisible)).as("the table did not scroll to follow").isEqualTo(top);
    }

    @Test
    void aSelectedRowThatIsGoneLeavesNothingSelected(FxRobot robot) throws Exception {
        robot.interact(() -> table.getSelectionModel().select(3));
        robot.interact(() -> rows.remove(3));
        assertThat(on(() -> List.copyOf(table.getSelectionModel().getSelectedItems()))).isEmpty();
    }

    private static <T> T on(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private int firstVisible() {
        table.layout();
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        return flow.getFirstVisibleCell().getIndex();
    }

}
