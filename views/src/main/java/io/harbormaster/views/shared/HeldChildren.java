package io.harbormaster.views.shared;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A child put in its parent the first time it is needed. A hidden part of a page (a detail pane before anything is
 * selected, with its tabs and tables) is styled and laid out with the page however invisible: its first visit paid
 * for it in the same frame. Held back, it costs its frame when first needed, and a visit that never needs it none.
 */
public final class HeldChildren {

    private static final String HELD = HeldChildren.class.getName() + ".held";

    private HeldChildren() {
    }

    /** Adds {@code child} after {@code parent}'s children now if {@code needed} holds, else the first time it does. */
    public static void addWhen(Pane parent, Node child, ObservableBooleanValue needed) {
        if (needed.get()) {
            parent.getChildren().add(child);
            return;
        }
        held(parent).add(child);
        needed.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    needed.removeListener(this);
                    held(parent).remove(child);
                    parent.getChildren().add(child);
                }
            }
        });
    }

    /** What {@code node} holds back, not yet among its children. */
    public static List<Node> of(Node node) {
        Object held = node.getProperties().get(HELD);
        return held instanceof List<?> list ? list.stream().map(Node.class::cast).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Node> held(Node parent) {
        return (List<Node>) parent.getProperties().computeIfAbsent(HELD, key -> new ArrayList<Node>());
    }
}
