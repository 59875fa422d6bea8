package io.harbormaster.views.shared;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

/**
 * Ids with a prefix for a second copy of a view (side by side's half), so the first copy's stay unique. A node the
 * view builds later (a pane built when first needed) follows the prefix of the node that holds it.
 */
public final class IdPrefix {

    private static final String PREFIX = IdPrefix.class.getName();

    private IdPrefix() {
    }

    /** {@code prefix} before the id of {@code node} and of every node under it. */
    public static void apply(Node node, String prefix) {
        if (node.getId() != null) {
            node.setId(prefix + node.getId());
            node.getProperties().put(PREFIX, prefix);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> apply(child, prefix));
        }
        // Content a control keeps outside its children until its skin is made.
        if (node instanceof TableView<?> table && table.getPlaceholder() != null) {
            apply(table.getPlaceholder(), prefix);
        } else if (node instanceof SplitPane pane && pane.getSkin() == null) {
            pane.getItems().forEach(item -> apply(item, prefix));
        } else if (node instanceof ScrollPane pane && pane.getSkin() == null && pane.getContent() != null) {
            apply(pane.getContent(), prefix);
        } else if (node instanceof TabPane pane && pane.getSkin() == null) {
            pane.getTabs().stream().map(TabContents::contentOf).filter(content -> content != null)
                    .forEach(content -> apply(content, prefix));
        }
    }

    /** Gives {@code built} the prefix {@code holder}'s id was given, if it was. */
    public static void follow(Node holder, Node built) {
        if (holder.hasProperties() && holder.getProperties().get(PREFIX) instanceof String prefix) {
            apply(built, prefix);
        }
    }
}
