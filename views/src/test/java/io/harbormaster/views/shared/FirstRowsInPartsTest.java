package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tall table's first rows made over a few frames, top part first, then the table whole again. */
@ExtendWith(ApplicationExtension.class)
class FirstRowsInPartsTest {

    private TableView<String> table;
    private final List<Integer> rowsMadeByPulse = new ArrayList<>();
    private final List<Double> heightByPulse = new ArrayList<>();
    private final List<Double> topByPulse = new ArrayList<>();
    private StackPane beside;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        TableColumn<String, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
        table.getColumns().add(name);
        table.setFixedCellSize(26);
        // in a split pane's side, as the Services table
        beside = new StackPane();
        SplitPane split = new SplitPane(FirstRowsInParts.area(table), beside);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.9);
        stage.setScene(new Scene(split, 600, 700));
        stage.show();
        stage.getScene().addPostLayoutPulseListener(() -> {
            rowsMadeByPulse.add(table.lookupAll(".table-row-cell").size());
            heightByPulse.add(table.getHeight());
            topByPulse.add(table.getLayoutY());
        });
    }

    @Test
    void theTopRowsComeFramesBeforeTheRest(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double fullHeight = onUi(table::getHeight);
        double besideHeight = onUi(beside::getHeight);
        int before = onUi(rowsMadeByPulse::size);
        robot.interact(() -> table.getItems().setAll(List.of("api", "web", "worker")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onUi(() -> rowsMadeByPulse.size() > before + FirstRowsInParts.PARTS + 1));

        List<Integer> rows = onUi(() -> List.copyOf(rowsMadeByPulse.subList(before, rowsMadeByPulse.size())));
        List<Double> heights = onUi(() -> List.copyOf(heightByPulse.subList(before, heightByPulse.size())));
        int lines = (int) Math.ceil(fullHeight / 26);
        assertThat(heights.get(0)).as("held to a part of its height for the first frame")
                .isCloseTo(fullHeight / FirstRowsInParts.PARTS, within(1.0));
        assertThat(heights.subList(0, FirstRowsInParts.PARTS)).as("a part more each frame").isSorted();
        assertThat(rows.get(0)).as("rows made in the first frame").isBetween(3, lines / 2);
        assertThat(heights.get(heights.size() - 1)).as("its whole height after").isEqualTo(fullHeight);
        assertThat(rows.get(rows.size() - 1)).as("rows for the whole height after").isGreaterThan(lines * 3 / 4);
        assertThat(onUi(() -> List.copyOf(topByPulse.subList(before, topByPulse.size())))).as("at the top throughout")
                .containsOnly(0.0);
        assertThat(onUi(beside::getHeight)).as("the other side of the split pane as it was").isEqualTo(besideHeight);
    }

    @Test
    void onlyTheFirstItemsAreHeldOnce(FxRobot robot) throws Exception {
        robot.interact(() -> table.getItems().setAll(List.of("api")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double full = onUi(table::getHeight);
        robot.interact(() -> {
            table.getItems().clear();
            table.getItems().setAll(List.of("api", "web"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onUi(() -> table.getMaxHeight())).as("not held again").isEqualTo(TableView.USE_COMPUTED_SIZE);
        assertThat(onUi(table::getHeight)).isEqualTo(full);
    }

    private static <T> T onUi(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
