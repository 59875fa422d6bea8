package io.harbormaster.views.page;

import java.util.Objects;
import javafx.scene.Node;

/**
 * A page's view as the shell sees it: the node to show, and what Ctrl+F focuses on it.
 *
 * @param focusFilter gives the keyboard to the page's filter field (Ctrl+F); does nothing on a page without one
 */
public record PageView(Node node, Runnable focusFilter) {

    public PageView {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(focusFilter, "focusFilter");
    }

    /** A view without a filter. */
    public static PageView of(Node node) {
        return new PageView(node, () -> { });
    }
}
