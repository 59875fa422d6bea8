package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** {@link LayoutCheck#cells}: which cut cells it finds in a tiny scene, and which it lets pass. */
class LayoutCheckCellsTest {

    private static final String REASON = "service api was unable to place a task because no container instance met "
            + "all of its requirements";

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeStage() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aKindCutToAnEllipsisIsFoundAndAWholeOneIsNot() throws Exception {
        TableView<String[]> table = table(column("Kind", 40, r -> r[0], false), column("Tasks", 120, r -> r[1], false));
        List<String> found = checked(table, new String[] {"service-connect", "400 / 400"});

        assertThat(found).singleElement().asString().contains("column 'Kind'").contains("of 'service-connect'")
                .doesNotContain("Tasks");
    }

    @Test
    void aLongReasonWithItsWholeTextInATooltipMayBeCutButNotWithout() throws Exception {
        TableView<String[]> table = table(column("Why", 120, r -> r[0], true), column("Also why", 120, r -> r[1],
                false));
        List<String> found = checked(table, new String[] {REASON, REASON});

        assertThat(found).singleElement().asString().contains("column 'Also why'");
    }

    @Test
    void aShortNameIsNeverCutEvenWithATooltip() throws Exception {
        TableView<String[]> table = table(column("Service", 40, r -> r[0], true));
        assertThat(checked(table, new String[] {"api-green"})).singleElement().asString().contains("'api-green'");
    }

    @Test
    void aTableCutsNothingOnceItsColumnsAreWideEnough() throws Exception {
        TableView<String[]> table = table(column("Kind", 160, r -> r[0], false), column("Why", 900, r -> r[1], false));
        assertThat(checked(table, new String[] {"service-connect", REASON})).isEmpty();
    }

    @Test
    void aListCellCutIsFound() throws Exception {
        ListView<String> list = new ListView<>(FXCollections.observableArrayList("12 tasks stopped in the last hour"));
        list.setMaxWidth(80);
        // as the events list's cells do: as wide as the list, never wider (a list's cells otherwise scroll sideways)
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setPrefWidth(0);
            }
        });
        // through the whole scene's check, as a journey calls it
        assertThat(check(list, () -> LayoutCheck.everything(list.getScene(), new Rectangle2D(-1e4, -1e4, 2e4, 2e4))))
                .anySatisfy(found -> assertThat(found).contains("ListView")
                        .contains("of '12 tasks stopped in the last hour'"));
    }

    @Test
    void aTableWhoseColumnsDoNotFitItsWidthScrollsSidewaysAndIsFound() throws Exception {
        TableView<String[]> table = table(column("Kind", 160, r -> r[0], false), column("Why", 900, r -> r[1], false));
        table.setId("narrow");
        table.setMaxWidth(600);
        // no rows: no horizontal scroll bar, but the headings past the edge are cut all the same
        // through the whole scene's check, as a journey calls it
        assertThat(check(table, () -> LayoutCheck.everything(table.getScene(), new Rectangle2D(-1e4, -1e4, 2e4, 2e4))))
                .anySatisfy(found -> assertThat(found).contains("#narrow scrolls sideways"));

        table.setMaxWidth(1100);
        assertThat(WaitForAsyncUtils.asyncFx(() -> {
            table.getScene().getRoot().layout();
            return LayoutCheck.everything(table.getScene(), new Rectangle2D(-1e4, -1e4, 2e4, 2e4));
        }).get()).as("wide enough").noneMatch(found -> found.contains("sideways"));
    }

    private static List<String> checked(TableView<String[]> table, String[] row) throws Exception {
        table.getItems().add(row);
        return check(table, () -> LayoutCheck.cells(table));
    }

    private static List<String> check(javafx.scene.layout.Region view, Callable<List<String>> check)
            throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new VBox(view), 1200, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(check).get();
    }

    @SafeVarargs
    private static TableView<String[]> table(TableColumn<String[], String>... columns) {
        TableView<String[]> table = new TableView<>();
        table.getColumns().addAll(columns);
        return table;
    }

    private static TableColumn<String[], String> column(String title, double width, Function<String[], String> value,
            boolean tooltip) {
        TableColumn<String[], String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || !tooltip ? null : new Tooltip(item));
            }
        });
        return column;
    }
}
