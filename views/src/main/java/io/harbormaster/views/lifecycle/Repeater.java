package io.harbormaster.views.lifecycle;

import java.time.Duration;

/** Runs something on the UI thread at a fixed period until cancelled: the seam that lets tests move time by hand. */
@FunctionalInterface
public interface Repeater {

    /** @return cancels the repetition; calling it twice is harmless */
    Runnable every(Duration period, Runnable action);
}
