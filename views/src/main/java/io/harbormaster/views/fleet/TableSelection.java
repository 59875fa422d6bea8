package io.harbormaster.views.fleet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/** Selecting a table's row from the view-model's side (palette, links), as every fleet table does it. */
public final class TableSelection {

    /** Rows kept above the selected one when it is scrolled to, so it does not sit on the header. */
    static final int CONTEXT_ROWS = 3;

    private TableSelection() {
    }

    /**
     * Gives {@code table} its rows and keeps the operator's place when a refresh replaces them: the rows selected
     * stay selected (told apart by {@code keyOf}), wherever they sort to now, and the table does not scroll to
     * follow them. Call instead of {@code table.setItems(rows)}.
     */
    public static <T> void keepSelectedAcrossChanges(TableView<T> table, ObservableList<T> rows,
            Function<T, String> keyOf) {
        List<T> before = new ArrayList<>();
        Set<String> selected = new LinkedHashSet<>();
        // Heard before the table's own listeners (registered by setItems below): the selection is still the old one.
        rows.addListener((ListChangeListener<T>) c -> {
            selected.clear();
            T focused = table.getSelectionModel().getSelectedIndex() < 0 ? null
                    : before.get(table.getSelectionModel().getSelectedIndex());
            table.getSelectionModel().getSelectedIndices().stream().filter(i -> i >= 0 && i < before.size())
                    .map(i -> keyOf.apply(before.get(i))).forEach(selected::add);
            if (focused != null) { // the row selected last goes last, so it is the selected item again
                selected.remove(keyOf.apply(focused));
                selected.add(keyOf.apply(focused));
            }
        });
        table.setItems(rows);
        rows.addListener((ListChangeListener<T>) c -> {
            before.clear();
            before.addAll(rows);
            if (selected.isEmpty()) {
                return;
            }
            Map<String, Integer> indexOf = IntStream.range(0, rows.size()).boxed()
                    .collect(Collectors.toMap(i -> keyOf.apply(rows.get(i)), i -> i, (a, b) -> a));
            int[] still = selected.stream().map(indexOf::get).filter(i -> i != null).mapToInt(i -> i).toArray();
            table.getSelectionModel().clearSelection();
            if (still.length > 0) {
                table.getSelectionModel().selectIndices(still[0], java.util.Arrays.copyOfRange(still, 1,
                        still.length));
            }
        });
        before.addAll(rows);
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
