package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
    void aFieldWithALineBreakIsQuoted() {
        assertThat(TableCsv.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(TableCsv.field("plain")).isEqualTo("plain");
        assertThat(TableCsv.field(null)).isEmpty();
    }
}
