package io.harbormaster.views.shared;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work held back from a node's first frame: its first styling and layout is one pulse, and what can wait (a table's
 * rows, a hidden pane's build) runs in a pulse of its own after it.
 */
public final class FirstFrames {

    private FirstFrames() {
    }

    /** Runs {@code action} once, at the {@code frames}th pulse after {@code node} is first in a scene. */
    public static void after(Node node, int frames, Runnable action) {
        whenFirstInScene(node, () -> afterPulses(frames, action));
    }

    /** Runs {@code action} once, when {@code node} is first in a scene (now, if it is). */
    public static void whenFirstInScene(Node node, Runnable action) {
        if (node.getScene() != null) {
            action.run();
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Runs {@code action} once, at the {@code frames}th pulse from now. */
    public static void afterPulses(int frames, Runnable action) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < frames) {
                    return;
                }
                stop();
                action.run();
            }
        }.start();
    }
}
