package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleBooleanProperty;

import org.junit.jupiter.api.Test;

class FocusReturnTest {

    @Test
    void runsOnEachFocusGainedUntilClosed() {
        SimpleBooleanProperty focused = new SimpleBooleanProperty(true);
        AtomicInteger runs = new AtomicInteger();
        FocusReturn watch = FocusReturn.watch(focused, runs::incrementAndGet);

        focused.set(false);
        focused.set(true);
        focused.set(false);
        focused.set(true);
        assertThat(runs).as("once per focus gained, none on focus lost").hasValue(2);

        watch.close();
        focused.set(false);
        focused.set(true);
        assertThat(runs).as("closed: no more runs").hasValue(2);
    }

    /** The window outlives the console that watched it: after close it must not keep the console reachable. */
    @Test
    void closedWatchLeavesNothingReachableFromTheWindow() throws InterruptedException {
        SimpleBooleanProperty focused = new SimpleBooleanProperty();
        Object console = new Object();
        WeakReference<Object> consoleRef = new WeakReference<>(console);
        FocusReturn.watch(focused, console::hashCode).close();
        console = null;

        for (int attempt = 0; attempt < 50 && consoleRef.get() != null; attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(consoleRef.get()).as("the window's focus property still holds the closed console").isNull();
        focused.set(true); // the property itself stays in use
    }
}
