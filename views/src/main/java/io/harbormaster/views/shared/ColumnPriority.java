package io.harbormaster.views.shared;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table narrower than its columns' minimum widths (a page in half a window, side by side) gives way in steps, the
 * least needed first, rather than scroll sideways and take the name out of view: a column dropped, or a long value's
 * column (a task's id, free text) narrowed so that its values are cut, whole on hover. As the table widens the steps
 * are undone, the last first. A column dropped for room is still the table's: its CSV keeps it
 * ({@link #droppedForRoom}).
 */
public final class ColumnPriority {

    private static final String DROPPED = ColumnPriority.class.getName() + ".dropped";
    private static final String ORDER = ColumnPriority.class.getName() + ".order";
    private static final String WATCHED = ColumnPriority.class.getName() + ".watched";

    /** Room for the vertical scroll bar and the table's border: columns fitting only without them would scroll. */
    private static final double CHROME = 18;
    /** What a narrowed column keeps at least, in digits: twelve of a task's id tell it from its neighbours. */
    public static final int NARROW_DIGITS = 12;

    private ColumnPriority() {
    }

    /**
     * One step a table too narrow takes: a column dropped, or narrowed down to {@code floor} pixels.
     *
     * @param floor the least a narrowed column keeps; negative: the column is dropped
     */
    public record Step<S>(TableColumn<S, ?> column, double floor) {
        public Step {
            Objects.requireNonNull(column, "column");
        }

        boolean drops() {
            return floor < 0;
        }
    }

    /** The step that drops {@code column}. */
    public static <S> Step<S> drop(TableColumn<S, ?> column) {
        return new Step<>(column, -1);
    }

    /**
     * The step that narrows {@code column} to as little as {@value #NARROW_DIGITS} digits' width: as much as the
     * table needs, no more.
     */
    public static <S> Step<S> narrow(TableColumn<S, ?> column) {
        return new Step<>(column, ColumnWidths.widthOf(List.of("0".repeat(NARROW_DIGITS)), false, NARROW_DIGITS));
    }

    /** @param dropFirst the columns that may go, the first to go first; the others always show */
    public static <S> void dropToFit(TableView<S> table, List<TableColumn<S, ?>> dropFirst) {
        giveWay(table, dropFirst.stream().<Step<S>>map(ColumnPriority::drop).toList());
    }

    /**
     * A table has one order of giving way: a later call replaces an earlier one (a page using a shared table, such as
     * All environments' services, knows better what its half can do without).
     *
     * @param steps what the table does, in this order, while its columns do not fit it: only as many steps as it
     *              needs are taken; columns in no step always show whole
     */
    public static <S> void giveWay(TableView<S> table, List<Step<S>> steps) {
        boolean watched = table.getProperties().containsKey(ORDER);
        table.getProperties().put(ORDER, List.copyOf(steps));
        if (!watched) {
            table.widthProperty().addListener((obs, old, now) -> fit(table));
            // columns made again (one a costed environment) are watched too
            table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<S, ?>>) change -> {
                table.getColumns().forEach(column -> watch(table, column));
                fit(table);
            });
        }
        table.getColumns().forEach(column -> watch(table, column));
        fit(table);
    }

    private static <S> void watch(TableView<S> table, TableColumn<S, ?> column) {
        if (column.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
            column.minWidthProperty().addListener((obs, old, now) -> fit(table));
        }
    }

    /** Whether the column is hidden only because the table is too narrow for it now. */
    public static boolean droppedForRoom(TableColumn<?, ?> column) {
        return !column.isVisible() && Boolean.TRUE.equals(column.getProperties().get(DROPPED));
    }

    private static <S> void fit(TableView<S> table) {
        @SuppressWarnings("unchecked")
        List<Step<S>> order = (List<Step<S>>) table.getProperties().get(ORDER);
        // what an order since replaced dropped or narrowed, and this one does not, shows whole again
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (order.stream().noneMatch(step -> step.column() == column && step.drops())
                    && droppedForRoom(column)) {
                show(column, true);
            }
            if (order.stream().noneMatch(step -> step.column() == column && !step.drops())) {
                ColumnWidths.narrow(column, null);
            }
        }
        double room = table.getWidth() - CHROME;
        if (room <= 0) {
            return;
        }
        // The fewest steps after which the columns fit, each narrowed one at its floor; all of them if none do.
        int taken = order.size();
        for (int k = 0; k <= order.size(); k++) {
            if (needed(table, order, k, true) <= room) {
                taken = k;
                break;
            }
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).drops()) {
                show(order.get(i).column(), i >= taken);
            }
        }
        // The narrowed give only what the columns still lack, the first narrowed first; the others are whole again.
        double lacking = needed(table, order, taken, false) - room;
        for (int i = 0; i < order.size(); i++) {
            Step<S> step = order.get(i);
            if (step.drops()) {
                continue;
            }
            double natural = ColumnWidths.natural(step.column());
            double cut = i < taken ? Math.max(0, Math.min(natural - floor(step), lacking)) : 0;
            ColumnWidths.narrow(step.column(), cut > 0 ? natural - cut : null);
            lacking -= cut;
        }
    }

    /** The columns' minimums after the first {@code taken} steps, narrowed columns at their floor or whole. */
    private static <S> double needed(TableView<S> table, List<Step<S>> order, int taken, boolean narrowed) {
        double needed = 0;
        for (TableColumn<S, ?> column : table.getColumns()) {
            boolean dropped = false;
            double width = ColumnWidths.natural(column);
            for (int i = 0; i < taken; i++) {
                Step<S> step = order.get(i);
                if (step.column() == column) {
                    dropped |= step.drops();
                    if (!step.drops() && narrowed) {
                        width = Math.min(width, floor(step));
                    }
                }
            }
            needed += dropped ? 0 : width;
        }
        return needed;
    }

    /** The least a narrowed column keeps: its floor, and its heading whole. */
    private static double floor(Step<?> step) {
        return Math.max(step.floor(), ColumnWidths.headingWidth(step.column()));
    }

    private static void show(TableColumn<?, ?> column, boolean shown) {
        column.getProperties().put(DROPPED, !shown);
        column.setVisible(shown);
    }
}
