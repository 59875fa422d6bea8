package io.harbormaster.views.shared;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Any table's rows as CSV (RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled), headed by
 * the columns shown, in the order shown: what "Copy selected rows" puts on the clipboard. A column's value is
 * written as its text; a column whose value is not text says how to write it with {@link #textOf}.
 */
public final class TableCsv {

    private static final String TEXT = TableCsv.class.getName() + ".text";

    private TableCsv() {
    }

    /** How this column's cells are written to CSV, where their value's own {@code toString} would not do. */
    public static <S> void textOf(TableColumn<S, ?> column, Function<S, String> text) {
        column.getProperties().put(TEXT, text);
    }

    public static <S> String of(TableView<S> table, List<S> rows) {
        // every column shown, and those left out only for want of room (half a window): the file has the table's data
        List<TableColumn<S, ?>> columns = table.getColumns().stream()
                .filter(c -> c.isVisible() || ColumnPriority.droppedForRoom(c)).toList();
        StringBuilder out = new StringBuilder(columns.stream().map(c -> field(heading(c)))
                .collect(Collectors.joining(","))).append("\r\n");
        for (S row : rows) {
            out.append(columns.stream().map(c -> field(text(c, row))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** A context menu and Ctrl+C that copy the selected rows as CSV. */
    public static <S> void offerCopy(TableView<S> table) {
        offerCopy(table, null, null);
    }

    /**
     * As {@link #offerCopy(TableView)}, and "Save as CSV…" for every row shown (filtered and sorted as on screen)
     * when {@code saving} is given; {@code name} suggests the file's name ("services" for "services.csv"). The
     * saving is kept in the table's properties under {@code CsvSaving.class}, where a journey puts one that answers a
     * file of its own instead of the platform's save dialog.
     */
    public static <S> void offerCopy(TableView<S> table, CsvSaving saving, String name) {
        MenuItem copy = new MenuItem("Copy selected rows (CSV)");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copySelected(table));
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel()
                .getSelectedItems()));
        ContextMenu menu = new ContextMenu(copy);
        if (saving != null) {
            table.getProperties().put(CsvSaving.class, saving);
            MenuItem save = new MenuItem("Save as CSV…");
            save.setId(table.getId() == null ? "save-csv" : table.getId() + "-save-csv");
            save.setOnAction(e -> saveShown(table, (CsvSaving) table.getProperties().get(CsvSaving.class), name));
            menu.getItems().add(save);
        }
        table.setContextMenu(menu);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copy.getAccelerator().match(e)) {
                copySelected(table);
                e.consume();
            }
        });
    }

    private static <S> void copySelected(TableView<S> table) {
        List<S> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(of(table, selected));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static <S> void saveShown(TableView<S> table, CsvSaving saving, String name) {
        javafx.stage.Window owner = table.getScene() == null ? null : table.getScene().getWindow();
        java.nio.file.Path file = saving.destination().choose(owner, (name == null ? "table" : name) + ".csv");
        if (file == null) {
            return;
        }
        List<S> rows = List.copyOf(table.getItems());
        saving.save(file, of(table, rows), rows.size());
    }

    @SuppressWarnings("unchecked")
    private static <S> String text(TableColumn<S, ?> column, S row) {
        Object override = column.getProperties().get(TEXT);
        if (override != null) {
            return ((Function<S, String>) override).apply(row);
        }
        Object value = column.getCellData(row);
        return value == null ? "" : value.toString();
    }

    /** The column's title; a column headed by a label (to carry a tooltip) has it as its graphic. */
    private static String heading(TableColumn<?, ?> column) {
        String text = column.getText();
        if ((text == null || text.isEmpty()) && column.getGraphic() instanceof javafx.scene.control.Labeled l) {
            return l.getText();
        }
        return text;
    }

    /** One field, quoted only when it must be. */
    public static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
