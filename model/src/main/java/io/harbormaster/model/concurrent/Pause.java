package io.harbormaster.model.concurrent;

import java.time.Duration;

/** Waits a while between tries or looks: the thread's sleep outside tests, a test's clock moved inside them. */
@FunctionalInterface
public interface Pause {

    /** The calling thread sleeps. */
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
