package io.harbormaster.views.shared;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * Work held back from a node's first frame: its first styling and layout is one pulse, and what can wait (a table's
 * rows, a hidden pane's build) runs in a pulse of its own after it.
 */
public final class FirstFrames {

    private FirstFrames() {
    }

    /** Runs {@code action} once, at the {@code frames}th pulse after {@code node} is first in a scene. */
    public static void after(Node node, int frames, Runnable action) {
        WhenFirst.inScene(node, () -> afterPulses(frames, action));
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
