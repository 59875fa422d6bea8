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
        double headings = lookup(".tab-header-area") instanceof Region area ? area.prefHeight(-1) : 0;
        double padding = lookup(".tab-content-area") instanceof Region area ? vertical(area.getInsets()) : 0;
        return Math.max(own, vertical(getInsets()) + headings + padding + content.minHeight(width));
    }

    private static double vertical(Insets insets) {
        return insets.getTop() + insets.getBottom();
    }
}
