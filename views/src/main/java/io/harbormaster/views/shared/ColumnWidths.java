package io.harbormaster.views.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Column widths from what a column shows, so that no number, count, kind, date or name is cut to "…" ("400 / 4…",
 * "servi…"): a column's minimum is the wider of its heading and its widest value, up to {@value #WHOLE_CHARS}
 * characters. A longer value is free text (a reason, an image reference): its cell shows what fits and its tooltip
 * the whole ({@link #wholeInTooltip}), and the operator can widen the column.
 */
public final class ColumnWidths {

    /**
     * Values up to this long are shown whole (a name of 30, a task's id of 32); longer ones may be cut where their
     * tooltip has them.
     */
    public static final int WHOLE_CHARS = 32;
    /** AtlantaFX's cell padding (0.5 em either side), its border, and two pixels to spare. */
    private static final double CELL_PADDING = 18;
    /** Only the longest values (by characters) are measured: a table of 2,000 services measures 24, not 2,000. */
    private static final int MEASURED = 24;
    private static final String GIVEN_MIN = ColumnWidths.class.getName() + ".given";
    private static final String NATURAL = ColumnWidths.class.getName() + ".natural";
    private static final String NARROWED = ColumnWidths.class.getName() + ".narrowed";

    private ColumnWidths() {
    }

    /**
     * The column's minimum and preferred width from these values, the widest it is expected to show ("364 days ago"
     * for an age), and from its heading.
     */
    public static void fit(TableColumn<?, ?> column, String... widest) {
        apply(column, widthOf(List.of(widest), false, WHOLE_CHARS));
    }

    /**
     * The column's minimum and preferred width from the rows the table holds, measured again whenever they change
     * (its width follows a larger minimum at once), and from its heading.
     *
     * @param bold whether the cells may show their text in bold (a row that needs attention)
     */
    public static <S> void fitRows(TableView<S> table, TableColumn<S, ?> column, Function<S, String> text,
            boolean bold) {
        fitRows(table, column, text, bold, WHOLE_CHARS);
    }

    /**
     * As {@link #fitRows(TableView, TableColumn, Function, boolean)}, for values shown whole up to {@code chars}
     * characters: numbers that run long ("blue 100 (100 %) · green 0 (0 %)") are never free text.
     */
    public static <S> void fitRows(TableView<S> table, TableColumn<S, ?> column, Function<S, String> text,
            boolean bold, int chars) {
        Objects.requireNonNull(text, "text");
        InvalidationListener measure = o -> {
            ObservableList<S> rows = table.getItems();
            if (rows != null) {
                apply(column, widthOf(rows.stream().map(text).filter(Objects::nonNull)
                        .sorted(Comparator.comparingInt(String::length).reversed()).limit(MEASURED).toList(), bold, chars));
            }
        };
        table.itemsProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeListener(measure);
            }
            if (now != null) {
                now.addListener(measure);
            }
            measure.invalidated(null);
        });
        if (table.getItems() != null) {
            table.getItems().addListener(measure);
        }
        measure.invalidated(null);
    }

    /** {@link #fitRows(TableView, TableColumn, Function, boolean)} for a column whose cells are never bold. */
    public static <S> void fitRows(TableView<S> table, TableColumn<S, ?> column, Function<S, String> text) {
        fitRows(table, column, text, false);
    }

    /**
     * Every column of a table of text columns with the default cells fitted to its rows, and their values longer
     * than {@value #WHOLE_CHARS} characters whole on hover.
     */
    @SuppressWarnings("unchecked")
    public static <S> void fitTextColumns(TableView<S> table) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            fitRows(table, column, row -> Objects.toString(column.getCellData(row), ""));
            wholeInTooltip((TableColumn<S, String>) column);
        }
    }

    /** Cells showing their text as it is, with the whole of a value longer than {@value #WHOLE_CHARS} characters on hover. */
    public static <S> void wholeInTooltip(TableColumn<S, String> column) {
        wholeInTooltip(column, WHOLE_CHARS);
    }

    /**
     * As {@link #wholeInTooltip(TableColumn)}, for a column sized to show {@code chars} characters whole, cut where
     * {@code overrun} says (the start, for values whose end tells them apart: an image's tag, an ARN's name).
     */
    public static <S> void wholeInTooltip(TableColumn<S, String> column, int chars, OverrunStyle overrun) {
        column.setCellFactory(c -> {
            TableCell<S, String> cell = new TableCell<>() {
                /** Made on the first hover: a popup window for each long value weighed on the table's first frame. */
                private final CellTooltip whole = new CellTooltip(this);

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    // a long value, or any while the column is narrowed for room (asked again on hover)
                    whole.show(empty || item == null || item.isBlank() ? null
                            : () -> item.strip().length() > chars || narrowed(getTableColumn()) ? item : null);
                }
            };
            cell.setTextOverrun(overrun);
            return cell;
        });
    }

    private static <S> void wholeInTooltip(TableColumn<S, String> column, int chars) {
        wholeInTooltip(column, chars, OverrunStyle.ELLIPSIS);
    }

    /** A tooltip with the whole of a value long enough to be cut, else none. */
    public static Tooltip tooltip(String value) {
        return tooltip(value, WHOLE_CHARS);
    }

    private static Tooltip tooltip(String value, int chars) {
        return value == null || value.strip().length() <= chars ? null : new Tooltip(value);
    }

    /** Wide enough for the widest of these values, each up to {@code chars} characters, in a cell. */
    static double widthOf(List<String> values, boolean bold, int chars) {
        Font font = Font.getDefault();
        Font cellFont = Font.font(font.getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL,
                Math.max(14, font.getSize()));
        double widest = 0;
        for (String value : values) {
            widest = Math.max(widest, TextWidths.of(cellFont,
                    value.length() > chars ? value.substring(0, chars) : value));
        }
        return widest == 0 ? 0 : Math.ceil(widest) + CELL_PADDING;
    }

    private static void apply(TableColumn<?, ?> column, double values) {
        // the minimum the column was given before it was first fitted stays the least it has
        double given = (Double) column.getProperties().computeIfAbsent(GIVEN_MIN, k -> column.getMinWidth());
        double min = Math.max(Math.max(given, values), headingWidth(column));
        column.getProperties().put(NATURAL, min);
        setMin(column, min);
    }

    /** The column's minimum as its values and heading ask, whatever {@link #narrow} made it for now. */
    static double natural(TableColumn<?, ?> column) {
        return column.getProperties().get(NATURAL) instanceof Double natural ? natural : column.getMinWidth();
    }

    /**
     * The column's minimum no more than {@code most} (its heading still whole) until called again; null: its
     * natural minimum again. Its cells cut what no longer fits, whole in their tooltip ({@link #wholeInTooltip}).
     */
    static void narrow(TableColumn<?, ?> column, Double most) {
        if (Objects.equals(column.getProperties().get(NARROWED), most)) {
            return;
        }
        double natural = natural(column);
        column.getProperties().put(NATURAL, natural);
        if (most == null) {
            column.getProperties().remove(NARROWED);
        } else {
            column.getProperties().put(NARROWED, most);
        }
        setMin(column, natural);
    }

    /** Whether the column is narrower than its values now ({@link #narrow}): any value may be cut. */
    public static boolean narrowed(TableColumn<?, ?> column) {
        return column != null && column.getProperties().get(NARROWED) instanceof Double most
                && most < natural(column);
    }

    private static void setMin(TableColumn<?, ?> column, double natural) {
        double min = column.getProperties().get(NARROWED) instanceof Double most
                ? Math.max(Math.min(natural, most), headingWidth(column)) : natural;
        if (column.getMaxWidth() < min) {
            column.setMaxWidth(min);
        }
        boolean grew = min > column.getMinWidth();
        column.setMinWidth(min);
        // no wider than that either: what the others leave goes to the column that flexes (a reason, free text)
        column.setPrefWidth(min);
        if (grew) {
            refit(column.getTableView());
        }
    }

    static double headingWidth(TableColumn<?, ?> column) {
        String heading = column.getText() == null || column.getText().isEmpty()
                ? column.getGraphic() instanceof Labeled l ? l.getText() : null : column.getText();
        return heading == null || heading.isEmpty() ? 0 : Headings.tightWidth(heading);
    }

    /**
     * A constrained table's columns fitted to its width again. JavaFX fits them when the table's width changes, not
     * when a column's minimum grows under it (rows arrive with longer values): the columns then added up to more
     * than the table and it scrolled sideways (Cutovers at 1280 px: 779 px of columns in 772). The table's own
     * policy is asked, as the table asks it when its width changes. (Setting the policy again did it too, but
     * changed the table's {@code :constrained-resize} state twice, and JavaFX styled every cell of the table again:
     * 53 ms of UI-thread work as an environment's fleet came in, a soak's stall, 2026-12-08.)
     */
    private static <S> void refit(TableView<S> table) {
        if (table == null || !(table.getColumnResizePolicy() instanceof ConstrainedColumnResizeBase)) {
            return;
        }
        double content = contentWidth(table);
        if (content <= 0) {
            return; // not laid out yet: its first layout fits it
        }
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<S>(table, null, 0.0) {
            @Override
            public double getContentWidth() {
                return content;
            }
        });
    }

    /** The width the table's columns share: inside its border, less its vertical scroll bar when one shows. */
    private static double contentWidth(TableView<?> table) {
        double width = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        if (table.lookup(".virtual-flow") instanceof javafx.scene.Parent flow) {
            for (javafx.scene.Node child : flow.getChildrenUnmodifiable()) {
                if (child instanceof javafx.scene.control.ScrollBar bar && bar.isVisible()
                        && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    width -= bar.getWidth();
                }
            }
        }
        return width;
    }
}
