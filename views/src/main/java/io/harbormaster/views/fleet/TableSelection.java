package io.harbormaster.views.fleet;

import java.util.function.Function;
import javafx.scene.control.TableView;

/** Selecting a table's row from the view-model's side (palette, links), as every fleet table does it. */
public final class TableSelection {

    /** Rows kept above the selected one when it is scrolled to, so it does not sit on the header. */
    static final int CONTEXT_ROWS = 3;

    private TableSelection() {
    }

    /**
     * Selects the row whose key is {@code key} and scrolls it into view; clears the selection when {@code key} is
     * null; leaves the table alone when no row has it (a filter may hide it: that is the view-model's call).
     */
    public static <T> void selectAndReveal(TableView<T> table, Function<T, String> keyOf, String key) {
        if (key == null) {
            table.getSelectionModel().clearSelection();
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (key.equals(keyOf.apply(table.getItems().get(i)))) {
                if (table.getSelectionModel().getSelectedIndex() != i) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(Math.max(0, i - CONTEXT_ROWS));
                }
                return;
            }
        }
    }
}
