package io.harbormaster.views.lifecycle;

import java.time.Duration;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * The one lifecycle of everything that ticks or polls on screen (bisq2's View idea): a node is <em>showing</em>
 * while it is in a scene, that scene is in a window, and the window is showing. Following the scene alone is not
 * enough: a scene swapped out of its stage (File → Open the sandbox) keeps its nodes, and a clock on them would
 * tick on forever, keeping the old window and everything it cached alive.
 *
 * <p>Each use returns a {@link Subscription}; releasing it stops what it started and forgets the node.
 */
public final class Showing {

    private Showing() {
    }

    /** True while {@code node} is in a scene that is in a showing window. */
    public static ObservableValue<Boolean> of(Node node) {
        Objects.requireNonNull(node, "node");
        return node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
    }

    /**
     * Runs {@code shown} each time the node starts showing (and now, if it already shows) and {@code hidden} each
     * time it stops. Releasing the subscription runs {@code hidden} if the node was showing.
     */
    public static Subscription whileShowing(Node node, Runnable shown, Runnable hidden) {
        return follow(of(node), shown, hidden);
    }

    /** Runs {@code action} every {@code period} on the UI thread while the node shows; paused while it does not. */
    public static Subscription repeat(Node node, Repeater repeater, Duration period, Runnable action) {
        Objects.requireNonNull(repeater, "repeater");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(action, "action");
        Runnable[] stop = {null};
        return whileShowing(node, () -> {
            if (stop[0] == null) {
                stop[0] = repeater.every(period, action);
            }
        }, () -> {
            if (stop[0] != null) {
                stop[0].run();
                stop[0] = null;
            }
        });
    }

    /** {@link #whileShowing} for any activation, e.g. a node's showing combined with a page being selected. */
    public static Subscription follow(ObservableValue<Boolean> active, Runnable on, Runnable off) {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(off, "off");
        boolean[] was = {false};
        Subscription changes = active.subscribe(now -> {
            boolean is = Boolean.TRUE.equals(now);
            if (is != was[0]) {
                was[0] = is;
                (is ? on : off).run();
            }
        });
        return () -> {
            changes.unsubscribe();
            if (was[0]) {
                was[0] = false;
                off.run();
            }
        };
    }
}
