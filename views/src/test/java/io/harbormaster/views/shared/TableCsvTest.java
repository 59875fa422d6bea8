package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.MenuItem;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TableCsvTest {

    private record Row(String name, int count, String reason) {
    }

    @Start
    void start(Stage stage) {
        // The toolkit is all a table needs here; nothing is shown.
    }

    private static <T> TableColumn<Row, T> column(String title, java.util.function.Function<Row, T> value) {
        TableColumn<Row, T> column = new TableColumn<>(title);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        return column;
    }

    @Test
    void theShownColumnsInTheirOrderWithFieldsQuotedOnlyWhereNeeded() {
        TableView<Row> table = new TableView<>();
        TableColumn<Row, String> reason = column("Why", Row::reason);
        TableColumn<Row, Integer> count = column("Tasks", Row::count);
        TableCsv.textOf(count, r -> r.count() + " / 5");
        TableColumn<Row, String> hidden = column("Hidden", Row::name);
        hidden.setVisible(false);
        table.getColumns().addAll(List.of(column("Service", Row::name), count, reason, hidden));

        String csv = TableCsv.of(table, List.of(new Row("api", 3, "unable to place, \"memory\""),
                new Row("web", 5, null)));

        assertThat(csv).isEqualTo("Service,Tasks,Why\r\n"
                + "api,3 / 5,\"unable to place, \"\"memory\"\"\"\r\n"
                + "web,5 / 5,\r\n");
    }

    @Test
    void aColumnLeftOutForWantOfRoomIsStillInTheFile() {
        TableView<Row> table = new TableView<>();
        TableColumn<Row, String> name = column("Service", Row::name);
        TableColumn<Row, Integer> count = column("Tasks", Row::count);
        TableColumn<Row, String> reason = column("Why", Row::reason);
        name.setMinWidth(200);
        count.setMinWidth(200);
        reason.setMinWidth(200);
        table.getColumns().addAll(List.of(name, count, reason));
        ColumnPriority.dropToFit(table, List.of(count));

        table.resize(300, 200); // room for two columns of three: Tasks gives way

        assertThat(count.isVisible()).isFalse();
        assertThat(ColumnPriority.droppedForRoom(count)).isTrue();
        assertThat(TableCsv.of(table, List.of(new Row("api", 3, "")))).isEqualTo("Service,Tasks,Why\r\napi,3,\r\n");

        table.resize(700, 200);
        assertThat(count.isVisible()).as("back as the table widens").isTrue();
        assertThat(ColumnPriority.droppedForRoom(count)).isFalse();
    }

    @Test
    void aColumnHeadedByALabelIsHeadedByTheLabelsText() {
        TableView<Row> table = new TableView<>();
        TableColumn<Row, Integer> count = column("", Row::count);
        count.setGraphic(new javafx.scene.control.Label("Instances"));
        table.getColumns().addAll(List.of(column("Name", Row::name), count));

        assertThat(TableCsv.of(table, List.of(new Row("api", 3, "")))).isEqualTo("Name,Instances\r\napi,3\r\n");
    }

    @Test
    void aFieldWithALineBreakIsQuoted() {
        assertThat(TableCsv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(TableCsv.field("plain")).isEqualTo("plain");
        assertThat(TableCsv.field(null)).isEmpty();
    }

    @Test
    void saveAsCsvWritesEveryRowShownInTheShownOrderAndSaysSo(@TempDir Path dir) throws Exception {
        TableView<Row> table = new TableView<>(FXCollections.observableArrayList(
                new Row("web", 5, "steady"), new Row("api", 3, "unable to place, \"memory\"")));
        table.setId("t");
        TableColumn<Row, String> name = column("Service", Row::name);
        table.getColumns().addAll(List.of(name, column("Why", Row::reason)));
        table.getSortOrder().add(name);
        table.sort();
        Path file = dir.resolve("services.csv");
        List<String> suggested = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        TableCsv.offerCopy(table, new CsvSaving(new CurrentThreadTaskExecutor(), (owner, proposed) -> {
            suggested.add(proposed);
            return file;
        }, reports::add), "services");

        saveItem(table).fire();

        assertThat(suggested).containsExactly("services.csv");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("Service,Why\r\n"
                + "api,\"unable to place, \"\"memory\"\"\"\r\n"
                + "web,steady\r\n");
        assertThat(reports).containsExactly("Saved 2 rows to " + file);
    }

    @Test
    void aFailedSaveIsToldAndACancelledOneWritesNothing(@TempDir Path dir) {
        TableView<Row> table = new TableView<>(FXCollections.observableArrayList(new Row("web", 5, "")));
        table.getColumns().add(column("Service", Row::name));
        Path unwritable = dir.resolve("missing-folder").resolve("x.csv");
        List<Path> chosen = new ArrayList<>(List.of(unwritable));
        List<String> reports = new ArrayList<>();
        TableCsv.offerCopy(table, new CsvSaving(new CurrentThreadTaskExecutor(),
                (owner, proposed) -> chosen.isEmpty() ? null : chosen.remove(0), reports::add), "t");

        saveItem(table).fire();
        saveItem(table).fire();

        assertThat(reports).singleElement().asString().startsWith("Could not save " + unwritable);
        assertThat(unwritable).doesNotExist();
    }

    private static MenuItem saveItem(TableView<Row> table) {
        return table.getContextMenu().getItems().stream().filter(i -> i.getText().startsWith("Save as CSV"))
                .findFirst().orElseThrow();
    }
}
