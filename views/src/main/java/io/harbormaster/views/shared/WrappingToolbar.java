package io.harbormaster.views.shared;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

    public static WrappingBar of(Node[] left, Node[] right) {
        // The spacer takes the room left on the first line, keeping the right group at the right edge; a right group
        // wider than that room starts the next line.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        WrappingBar bar = new WrappingBar(GAP, group(left), spacer, group(right));
        bar.setMinWidth(0);
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

}
