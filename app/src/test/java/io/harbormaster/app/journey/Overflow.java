package io.harbormaster.app.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Nodes laid out beyond their parent's bounds: what a page that grows wider than its window looks like from inside
 * (controls and footer cut off at the window's edge), and what a squeezed toolbar does to its last buttons. Looks
 * at every visible, managed child of a layout pane, and at every region squeezed below its own minimum; not inside
 * controls (their skins clip on purpose) nor inside scroll panes (scrolling is how their content is reached).
 * Call on the UI thread; each finding names the node and its parent, for a journey's assertion message.
 */
final class Overflow {

    private static final double TOLERANCE = 1.0;

    private Overflow() {
    }

    /** Every overflow under {@code root}, the scene's root included (against the scene's size). */
    static List<String> in(Scene scene, Node root) {
        List<String> found = new ArrayList<>();
        Bounds b = root.localToScene(root.getLayoutBounds());
        if (b.getMaxX() > scene.getWidth() + TOLERANCE || b.getMaxY() > scene.getHeight() + TOLERANCE) {
            found.add(name(root) + " " + text(b) + " reaches beyond the window's " + scene.getWidth() + "×"
                    + scene.getHeight());
        }
        visit(root, found);
        return found;
    }

    private static void visit(Node node, List<String> found) {
        if (!node.isVisible() || node instanceof ScrollPane) {
            return;
        }
        if (node instanceof Region r && r.getWidth() + TOLERANCE < r.minWidth(-1)) {
            found.add(name(node) + " is " + Math.round(r.getWidth()) + " px wide, under its minimum of "
                    + Math.round(r.minWidth(-1)) + " px");
        }
        if (node instanceof Pane pane) {
            for (Node child : pane.getChildren()) {
                if (!child.isVisible() || !child.isManaged()) {
                    continue;
                }
                Bounds lb = child.getLayoutBounds();
                double x0 = child.getLayoutX() + lb.getMinX();
                double y0 = child.getLayoutY() + lb.getMinY();
                double x1 = x0 + lb.getWidth();
                double y1 = y0 + lb.getHeight();
                if (x0 < -TOLERANCE || y0 < -TOLERANCE || x1 > pane.getWidth() + TOLERANCE
                        || y1 > pane.getHeight() + TOLERANCE) {
                    found.add(String.format(Locale.ROOT, "%s at (%.0f, %.0f)–(%.0f, %.0f) lies beyond its parent %s"
                            + " of %.0f×%.0f", name(child), x0, y0, x1, y1, name(pane), pane.getWidth(),
                            pane.getHeight()));
                }
            }
        }
        if (node instanceof Control) {
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, found);
            }
        }
    }

    private static String name(Node node) {
        String id = node.getId() == null ? "" : " #" + node.getId();
        String text = node instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()
                ? " '" + l.getText() + "'" : "";
        return node.getClass().getSimpleName() + id + text;
    }

    private static String text(Bounds b) {
        return String.format(Locale.ROOT, "(%.0f, %.0f)–(%.0f, %.0f)", b.getMinX(), b.getMinY(), b.getMaxX(),
                b.getMaxY());
    }
}
