package io.harbormaster.views.shared;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * A tab pane whose least height is its headings' and its chosen tab's content's. JavaFX's tab pane answers a
 * minimum that ignores its content, so a split pane or box above it squeezes the chosen tab to nothing: half a
 * window at 1280×800 showed the Services detail's "Deployments" heading and the table's column headings, and not one
 * deployment, while the services above had room to spare.
 */
public class FittingTabPane extends TabPane {

    public FittingTabPane() {
        // the least height follows the chosen tab: a taller one may push what is beside the pane
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> requestLayout());
    }

    @Override
    protected double computeMinHeight(double width) {
        double own = super.computeMinHeight(width);
        Tab chosen = getSelectionModel().getSelectedItem();
        Node content = chosen == null ? null : chosen.getContent();
        if (content == null) {
            return own;
        }
        double headings = 0;
        double padding = 0;
        // the skin's own children only: a lookup would walk the chosen tab's table, cell by cell, at every layout
        for (Node child : getChildrenUnmodifiable()) {
            if (child instanceof Region area && area.getStyleClass().contains("tab-header-area")) {
                headings = area.prefHeight(-1);
            } else if (child instanceof Region area && area.getStyleClass().contains("tab-content-area")) {
                padding = Math.max(padding, vertical(area.getInsets()));
            }
        }
        return Math.max(own, vertical(getInsets()) + headings + padding + content.minHeight(width));
    }

    private static double vertical(Insets insets) {
        return insets.getTop() + insets.getBottom();
    }
}
