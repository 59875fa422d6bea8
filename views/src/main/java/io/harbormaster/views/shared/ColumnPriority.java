package io.harbormaster.views.shared;

import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table narrower than its columns' minimum widths (a page in half a window, side by side) drops columns, least
 * needed first, rather than scroll sideways and take the name out of view; they come back as it widens. A column
 * dropped for room is still the table's: its CSV keeps it ({@link #droppedForRoom}).
 */
public final class ColumnPriority {

    private static final String DROPPED = ColumnPriority.class.getName() + ".dropped";
    private static final String ORDER = ColumnPriority.class.getName() + ".order";

    /** Room for the vertical scroll bar and the table's border: columns fitting only without them would scroll. */
    private static final double CHROME = 18;

    private ColumnPriority() {
    }

    /**
     * A table has one order of dropping: a later call replaces an earlier one (a page using a shared table, such as
     * All environments' services, knows better what its half can do without).
     *
     * @param dropFirst the columns that may go, the first to go first; the others always show
     */
    public static <S> void dropToFit(TableView<S> table, List<TableColumn<S, ?>> dropFirst) {
        boolean watched = table.getProperties().containsKey(ORDER);
        table.getProperties().put(ORDER, List.copyOf(dropFirst));
        if (!watched) {
            table.widthProperty().addListener((obs, old, now) -> fit(table));
            for (TableColumn<S, ?> column : table.getColumns()) {
                column.minWidthProperty().addListener((obs, old, now) -> fit(table));
            }
        }
        fit(table);
    }

    /** Whether the column is hidden only because the table is too narrow for it now. */
    public static boolean droppedForRoom(TableColumn<?, ?> column) {
        return !column.isVisible() && Boolean.TRUE.equals(column.getProperties().get(DROPPED));
    }

    private static <S> void fit(TableView<S> table) {
        @SuppressWarnings("unchecked")
        List<TableColumn<S, ?>> order = (List<TableColumn<S, ?>>) table.getProperties().get(ORDER);
        double room = table.getWidth() - CHROME;
        if (room <= 0) {
            return;
        }
        double needed = 0;
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (!order.contains(column)) {
                if (droppedForRoom(column)) {
                    show(column, true); // dropped by an order since replaced: no longer one that may go
                }
                needed += column.getMinWidth();
            }
        }
        // Columns show in reverse order of dropping as long as they fit: the least needed are the first left out.
        for (int i = order.size() - 1; i >= 0; i--) {
            TableColumn<S, ?> column = order.get(i);
            boolean fits = needed + column.getMinWidth() <= room;
            show(column, fits);
            if (fits) {
                needed += column.getMinWidth();
            } else {
                for (int j = i - 1; j >= 0; j--) {
                    show(order.get(j), false);
                }
                return;
            }
        }
    }

    private static void show(TableColumn<?, ?> column, boolean shown) {
        column.getProperties().put(DROPPED, !shown);
        column.setVisible(shown);
    }
}
