package io.harbormaster.views.shared;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * A page's header or tool bar: one row, like an {@link HBox}, where there is room for it; where there is not (half a
 * window, side by side) the next control starts a row of its own instead of every control being squeezed to "…".
 * Each child is laid out at its preferred width (at most the bar's width); the room left on a row goes to the
 * children of that row that {@link HBox#setHgrow grow} (a spacer, a filter field), as in an HBox. Rows are centred
 * vertically on their tallest child. A {@link javafx.scene.layout.FlowPane} wraps the same way but grows nothing,
 * so a spacer cannot push the actions to the right and a filter field cannot take the room left.
 */
public final class WrappingBar extends Pane {

    private final double spacing;

    public WrappingBar(double spacing, Node... children) {
        this.spacing = spacing;
        getChildren().addAll(children);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double width = 0;
        int shown = 0;
        for (Node child : managed()) {
            width += wanted(child);
            shown++;
        }
        Insets in = getInsets();
        return in.getLeft() + width + spacing * Math.max(0, shown - 1) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node child : managed()) {
            widest = Math.max(widest, child.minWidth(-1));
        }
        Insets in = getInsets();
        return in.getLeft() + widest + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? Double.MAX_VALUE : Math.max(0, width - in.getLeft() - in.getRight());
        double height = 0;
        List<Row> rows = rows(inner);
        for (Row row : rows) {
            height += row.height;
        }
        return in.getTop() + height + spacing * Math.max(0, rows.size() - 1) + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double y = in.getTop();
        for (Row row : rows(inner)) {
            double x = in.getLeft();
            for (int i = 0; i < row.children.size(); i++) {
                Node child = row.children.get(i);
                double w = row.widths.get(i);
                layoutInArea(child, x, y, w, row.height, 0, Insets.EMPTY, true, true,
                        HPos.LEFT, VPos.CENTER);
                x += w + spacing;
            }
            y += row.height + spacing;
        }
    }

    /**
     * A child's preferred width, but never less than its minimum: a region sized by CSS alone (an environment's
     * colour swatch, -fx-min-width) prefers 0 px, and an HBox gives it its minimum.
     */
    private static double wanted(Node child) {
        return Math.max(child.minWidth(-1), child.prefWidth(-1));
    }

    /** The rows the children fall into at {@code width} (inside the insets), each child's width settled. */
    private List<Row> rows(double width) {
        List<Row> rows = new ArrayList<>();
        Row row = new Row();
        double used = 0;
        for (Node child : managed()) {
            double pref = Math.min(wanted(child), width);
            double needed = row.children.isEmpty() ? pref : used + spacing + pref;
            // a spacer (nothing of its own to show) never starts a row: it would be a blank one
            if (!row.children.isEmpty() && pref > 0 && needed > width + 0.5) {
                rows.add(snapped(row.settle(width, spacing)));
                row = new Row();
                needed = pref;
            }
            row.children.add(child);
            row.widths.add(pref);
            used = needed;
        }
        if (!row.children.isEmpty()) {
            rows.add(snapped(row.settle(width, spacing)));
        }
        return rows;
    }

    /** A row's height as layout places it, so that the bar asks for the height its rows take. */
    private Row snapped(Row row) {
        row.height = snapSizeY(row.height);
        return row;
    }

    private List<Node> managed() {
        List<Node> managed = new ArrayList<>();
        for (Node child : getChildren()) {
            if (child.isManaged()) {
                managed.add(child);
            }
        }
        return managed;
    }

    /** One row: its children, their widths once the room left is shared out, and its height at those widths. */
    private static final class Row {
        final List<Node> children = new ArrayList<>();
        final List<Double> widths = new ArrayList<>();
        double height;

        Row settle(double width, double spacing) {
            if (width < Double.MAX_VALUE / 2) {
                double used = spacing * (children.size() - 1);
                List<Integer> growing = new ArrayList<>();
                for (int i = 0; i < children.size(); i++) {
                    used += widths.get(i);
                    if (HBox.getHgrow(children.get(i)) == Priority.ALWAYS
                            || HBox.getHgrow(children.get(i)) == Priority.SOMETIMES) {
                        growing.add(i);
                    }
                }
                // shared out evenly; what one cannot take (its maximum reached) goes to the others, as in an HBox
                double left = width - used;
                while (left > 0.5 && !growing.isEmpty()) {
                    double each = left / growing.size();
                    left = 0;
                    for (Iterator<Integer> it = growing.iterator(); it.hasNext();) {
                        int i = it.next();
                        double max = children.get(i).maxWidth(-1);
                        double grown = Math.min(max, widths.get(i) + each);
                        left += widths.get(i) + each - grown;
                        widths.set(i, grown);
                        if (grown >= max) {
                            it.remove();
                        }
                    }
                }
            }
            for (int i = 0; i < children.size(); i++) {
                height = Math.max(height, children.get(i).prefHeight(widths.get(i)));
            }
            return this;
        }
    }
}
