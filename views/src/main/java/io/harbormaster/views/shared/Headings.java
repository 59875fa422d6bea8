package io.harbormaster.views.shared;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Column headings read whole: no table squeezes a column below its heading ("Runn…"). */
public final class Headings {

    /** What {@link #width} keeps for the sort arrow beside the heading. */
    private static final double SORT_ARROW = 14;

    private Headings() {
    }

    /**
     * Wide enough for the heading in the theme's bold header font (about 14 px) with the cell padding and the sort
     * arrow.
     */
    public static double width(String title) {
        Font font = Font.getDefault();
        return Math.ceil(TextWidths.of(Font.font(font.getFamily(), FontWeight.BOLD, Math.max(14, font.getSize())),
                title)) + 36;
    }

    /**
     * Wide enough for the heading with the cell padding but without the sort arrow's room: the minimum of a column in
     * a table too narrow to give each column that room (its preferred width can).
     */
    public static double tightWidth(String title) {
        return width(title) - SORT_ARROW;
    }

    /** The column's minimum width is its heading's, and its preferred width at least that. */
    public static void keepWhole(TableColumn<?, ?> column, double width) {
        double heading = width(column.getText());
        column.setMinWidth(heading);
        column.setPrefWidth(Math.max(width, heading));
    }
}
