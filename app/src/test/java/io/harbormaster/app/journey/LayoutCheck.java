package io.harbormaster.app.journey;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * What an operator would call clipped, found in a laid-out scene: a window reaching beyond the screen, a control laid
 * out beyond the scene or beyond the viewport of the scroll pane that holds it when that pane cannot scroll to it,
 * a label or button whose text is cut to an ellipsis. Call on the UI thread; each finding names the node.
 */
final class LayoutCheck {

    private static final double TOLERANCE = 1.0;

    private LayoutCheck() {
    }

    static List<String> clipped(Scene scene) {
        return clipped(scene, Screen.getPrimary().getVisualBounds());
    }

    /** As on a screen of these bounds (the headless screen is larger than the one an operator may have). */
    static List<String> clipped(Scene scene, Rectangle2D screen) {
        List<String> found = new ArrayList<>();
        Window window = scene.getWindow();
        if (window.getX() < screen.getMinX() - TOLERANCE || window.getY() < screen.getMinY() - TOLERANCE
                || window.getX() + window.getWidth() > screen.getMaxX() + TOLERANCE
                || window.getY() + window.getHeight() > screen.getMaxY() + TOLERANCE) {
            found.add("the window " + bounds(window.getX(), window.getY(), window.getWidth(), window.getHeight())
                    + " reaches beyond the screen " + screen);
        }
        visit(scene.getRoot(), scene, false, found);
        return found;
    }

    /**
     * A table as an operator reads it: every column heading whole (not "Runn…"), and every column in view without
     * scrolling sideways.
     */
    static List<String> table(TableView<?> table) {
        List<String> found = new ArrayList<>();
        for (Node heading : table.lookupAll(".column-header .label")) {
            if (heading instanceof Labeled labeled && heading.isVisible()) {
                cutText(labeled).ifPresent(shown -> found.add("the heading of #" + table.getId() + " shows '" + shown
                        + "' of '" + labeled.getText() + "'"));
            }
        }
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar scroll && scroll.isVisible()
                    && scroll.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                found.add("#" + table.getId() + " scrolls sideways: its columns do not fit its "
                        + Math.round(table.getWidth()) + " px");
            }
        }
        return found;
    }

    /** @param scrolled inside a scroll pane's content, where lying beyond the viewport is what scrolling is for */
    private static void visit(Node node, Scene scene, boolean scrolled, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (!scrolled && (node instanceof Labeled || node instanceof javafx.scene.control.TextInputControl)) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE || b.getMaxX() > scene.getWidth() + TOLERANCE
                    || b.getMaxY() > scene.getHeight() + TOLERANCE) {
                found.add(name(node) + " at " + b + " lies beyond the scene " + scene.getWidth() + "×"
                        + scene.getHeight());
            }
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && !labeled.isWrapText()) {
            cutText(labeled).ifPresent(shown -> found.add(name(node) + " shows '" + shown + "' of '"
                    + labeled.getText() + "'"));
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null && scroll.isFitToHeight()) {
            // A pane told to fit its content's height scrolls only when the content cannot shrink to fit.
            double content = scroll.getContent().getLayoutBounds().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            if (content > viewport + TOLERANCE) {
                found.add(name(node) + " needs scrolling: its content is " + content + " px tall in " + viewport
                        + " px");
            }
        }
        if (node instanceof ListView<?> || node instanceof TableView<?>) {
            return; // virtualised rows are clipped by design
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, scene, scrolled || node instanceof ScrollPane, found);
            }
        }
    }

    /** The text a label shows when it is not all of its text. */
    private static java.util.Optional<String> cutText(Labeled labeled) {
        // The skin's own text node is a direct child; deeper ones belong to the content (a TitledPane's).
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                .filter(child -> child != labeled.getGraphic()).map(Text.class::cast).map(Text::getText)
                .filter(shown -> !shown.equals(labeled.getText())).findFirst();
    }

    private static String name(Node node) {
        String text = node instanceof Labeled l && l.getText() != null ? " '" + l.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId()) + text;
    }

    private static String bounds(double x, double y, double w, double h) {
        return String.format(java.util.Locale.ROOT, "(%.0f, %.0f, %.0f×%.0f)", x, y, w, h);
    }
}
