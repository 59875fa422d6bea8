package io.harbormaster.app;

import java.util.Objects;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Runs an action each time a window gets focus again, until closed. The stage outlives the console that watches it
 * (a test JVM hands one stage to console after console; a listener left on it keeps each closed console, its
 * sandbox and its window reachable): closing removes the listener.
 */
final class FocusReturn implements AutoCloseable {

    private final ObservableValue<Boolean> focused;
    private final ChangeListener<Boolean> listener;

    private FocusReturn(ObservableValue<Boolean> focused, Runnable onFocus) {
        this.focused = focused;
        this.listener = (obs, was, now) -> {
            if (now) {
                onFocus.run();
            }
        };
    }

    static FocusReturn watch(ObservableValue<Boolean> focused, Runnable onFocus) {
        FocusReturn watch = new FocusReturn(Objects.requireNonNull(focused, "focused"),
                Objects.requireNonNull(onFocus, "onFocus"));
        focused.addListener(watch.listener);
        return watch;
    }

    @Override
    public void close() {
        focused.removeListener(listener);
    }
}
