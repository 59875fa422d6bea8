package io.harbormaster.views.shared;

import java.util.Objects;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * A split pane's first part kept at a share of its width as the window changes, within the part's least and most
 * width. JavaFX's own split pane keeps the first part's width in pixels and gives every change of width to the last
 * one: a list sized in a whole window kept that width in half a window (side by side), and the page beside it shrank
 * to what was left. Dragging the divider sets the share.
 */
public final class SplitShare {

    private SplitShare() {
    }

    public static void keep(SplitPane split, Region first, double share) {
        Objects.requireNonNull(first, "first");
        if (split.getItems().isEmpty() || split.getItems().get(0) != first) {
            throw new IllegalArgumentException("the first part of the split is not the one given");
        }
        double[] kept = {share};
        split.setDividerPositions(share);
        split.widthProperty().addListener((obs, old, now) -> {
            double width = now.doubleValue();
            if (width > 0) {
                double wanted = Math.max(first.getMinWidth(), Math.min(first.getMaxWidth(), kept[0] * width));
                split.setDividerPosition(0, wanted / width);
            }
        });
        // a drag of the divider ends with the button released over the split: its position is the new share
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> kept[0] = split.getDividerPositions()[0]);
    }
}
