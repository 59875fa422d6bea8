package io.harbormaster.views.shared;

import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table's rows held back until the frame after the table first shows. A page's first visit otherwise styles and
 * lays out the page and creates every visible row's cells in one pulse: on a cold JVM 80–170 ms of UI-thread work,
 * ten frames missed. Held back, the page's frame (header, toolbar, the table's columns) is one pulse and its first
 * cells the next, each about half. The operator sees the rows a frame later; meanwhile the table shows nothing
 * rather than its placeholder ("No services"), which would be untrue for that frame.
 */
public final class RowsAfterFirstFrame {

    /** Pulses the rows wait once the table is in a scene: the first styles and lays out the page without them. */
    public static final int FRAMES_HELD = 2;

    private RowsAfterFirstFrame() {
    }

    /**
     * {@code rows} as {@code table} should show them: empty until the pulse after the table's first in a scene,
     * then all of them, following every change. The same list throughout, so listeners on the table's items and
     * sorting layered on top keep working.
     */
    public static <T> ObservableList<T> of(TableView<T> table, ObservableList<T> rows) {
        FilteredList<T> shown = new FilteredList<>(rows, row -> false);
        WhenFirst.inScene(table, () -> {
            Node placeholder = table.getPlaceholder();
            Region nothing = new Region();
            table.setPlaceholder(nothing);
            FirstFrames.afterPulses(FRAMES_HELD, () -> {
                if (table.getPlaceholder() == nothing) {
                    table.setPlaceholder(placeholder);
                }
                shown.setPredicate(null);
            });
        });
        return shown;
    }
}
