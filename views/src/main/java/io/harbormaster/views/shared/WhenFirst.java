package io.harbormaster.views.shared;

import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Work done once, the first time an observable holds a wanted value (a node first in a scene, a tab first selected,
 * a pane first unfolded), then never again: at once if it already does, else on the change; the listener goes with it.
 */
public final class WhenFirst {

    private WhenFirst() {
    }

    /** Runs {@code action} once, the first time {@code value} holds a value {@code wanted} accepts. */
    public static <T> void holds(ObservableValue<T> value, Predicate<? super T> wanted, Runnable action) {
        if (wanted.test(value.getValue())) {
            action.run();
            return;
        }
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> obs, T was, T now) {
                if (wanted.test(now)) {
                    value.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Runs {@code action} once, the first time {@code flag} is true. */
    public static void isTrue(ObservableValue<Boolean> flag, Runnable action) {
        holds(flag, Boolean.TRUE::equals, action);
    }

    /** Runs {@code action} once, the first time {@code node} is in a scene. */
    public static void inScene(Node node, Runnable action) {
        holds(node.sceneProperty(), Objects::nonNull, action);
    }
}
