package io.harbormaster.views.shared;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A toolbar of two groups: the first at the left, the second at the right edge while both fit on one line, and on a
 * line of its own under the first when the window is too narrow, so no control is squeezed until its text is cut.
 */
public final class WrappingToolbar {

    private static final double GAP = 10;
    /** A choice box's padding and arrow around its text. */
    private static final double CHOICE_CHROME = 48;

    private WrappingToolbar() {
    }

    public static FlowPane of(Node[] left, Node[] right) {
        HBox start = group(left);
        HBox end = group(right);
        end.setAlignment(Pos.CENTER_RIGHT);
        FlowPane bar = new FlowPane(GAP, 6, start, end);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        // On the first line the right group takes the room left over and keeps its controls at the right; when its
        // own width is more than that room, the pane wraps it onto the next line.
        end.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(natural(end),
                bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset() - start.getWidth() - GAP - 1),
                bar.widthProperty(), start.widthProperty()));
        return bar;
    }

    /**
     * Sizes a choice box to the value it shows rather than to its longest choice ("Availability zone"), so a toolbar
     * spends its width on what is on screen.
     */
    public static void fitToValue(ChoiceBox<?> box) {
        box.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text shown = new Text(String.valueOf(box.getValue()));
            shown.setFont(Font.font(Font.getDefault().getFamily(), Math.max(14, Font.getDefault().getSize())));
            return Math.ceil(shown.getLayoutBounds().getWidth()) + CHOICE_CHROME;
        }, box.valueProperty()));
        box.setMinWidth(Region.USE_PREF_SIZE);
    }

    private static HBox group(Node[] nodes) {
        HBox box = new HBox(GAP, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** The group's width with each control at its preferred width. */
    private static double natural(HBox group) {
        double width = group.snappedLeftInset() + group.snappedRightInset()
                + GAP * Math.max(0, group.getChildren().size() - 1);
        for (Node child : group.getChildren()) {
            width += child.prefWidth(-1);
        }
        return width;
    }
}
