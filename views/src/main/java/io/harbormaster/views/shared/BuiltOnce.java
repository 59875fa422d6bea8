package io.harbormaster.views.shared;

import io.harbormaster.views.concurrent.UiThread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The views one content area shows one at a time, each built the first time it shows and kept. A view built just
 * now is attached after what the UI thread is doing: building a page's nodes and their first styling and layout
 * were one stall of the first visit (on a cold JVM 55–110 ms of UI-thread work); apart, the pulse that follows the
 * build draws the page that was showing, and the next styles and lays out the new one. Asked for a view that is
 * already built, it is attached at once.
 *
 * @param <V> what a view is to the caller (a node, or a node with its filter)
 */
public final class BuiltOnce<V> {

    private final Function<String, V> build;
    private final Consumer<V> attach;
    private final Map<String, V> built = new HashMap<>();
    private final List<Runnable> onceAttached = new ArrayList<>();
    private String shown;
    private boolean attached;

    /**
     * @param build  makes the view of an id, once
     * @param attach puts a view where it shows, instead of the one that showed
     */
    public BuiltOnce(Function<String, V> build, Consumer<V> attach) {
        this.build = build;
        this.attach = attach;
    }

    /** Shows the view of {@code id}: at once if built before, else built now and attached after this event. */
    public void show(String id) {
        shown = id;
        V view = built.get(id);
        if (view != null) {
            attach(view);
            return;
        }
        V made = build.apply(id);
        built.put(id, made);
        attached = false;
        // Another view asked for meanwhile wins: it was attached when asked for.
        UiThread.later(() -> {
            if (id.equals(shown) && !attached) {
                attach(made);
            }
        });
    }

    /**
     * Shows the view of {@code id}, built now if need be, and attached at once: for the view a window opens with,
     * which nothing was drawn before.
     */
    public void showAtOnce(String id) {
        shown = id;
        attach(built.computeIfAbsent(id, build));
    }

    /** The view of the id shown last; null before the first. */
    public V current() {
        return shown == null ? null : built.get(shown);
    }

    /**
     * Runs {@code action} now if the view shown last is attached, else once it is (Ctrl+F on a page just
     * navigated to: its filter can take the keyboard only once it is in the window).
     */
    public void whenAttached(Runnable action) {
        if (attached) {
            action.run();
        } else {
            onceAttached.add(action);
        }
    }

    private void attach(V view) {
        attach.accept(view);
        attached = true;
        List<Runnable> waiting = List.copyOf(onceAttached);
        onceAttached.clear();
        waiting.forEach(Runnable::run);
    }
}
