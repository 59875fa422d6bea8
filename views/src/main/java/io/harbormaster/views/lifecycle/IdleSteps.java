package io.harbormaster.views.lifecycle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;

/**
 * Work done on the UI thread one small step per idle pulse: warming cold code before the operator needs it. A
 * pulse that came late after the one before (the UI thread busy with real work) is left alone; {@link #stop()} ends
 * it at once, running its clean-up. Each step is timed in the UI thread's CPU, which is what the stall probe counts,
 * and the steps' times are logged at the end.
 */
public final class IdleSteps {

    private static final System.Logger LOG = System.getLogger(IdleSteps.class.getName());
    private static final ThreadMXBean UI_THREAD_CPU = ManagementFactory.getThreadMXBean();
    /** A pulse later than this after the previous one means the UI thread has real work: that pulse is skipped. */
    private static final long BUSY_NANOS = 40_000_000L;

    private final String name;
    private final int count;
    private final IntConsumer step;
    private final Runnable cleanUp;
    private final AnimationTimer timer;
    private final List<Runnable> afterwards = new ArrayList<>();
    private final StringBuilder stepMillis = new StringBuilder();
    private int done;
    private long previousPulse;
    private long longestStepNanos;
    private boolean ended;

    private IdleSteps(String name, int count, IntConsumer step, Runnable cleanUp) {
        this.name = name;
        this.count = count;
        this.step = step;
        this.cleanUp = cleanUp;
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long gap = now - previousPulse;
                previousPulse = now;
                if (done > 0 && gap > BUSY_NANOS) {
                    return;
                }
                long began = UI_THREAD_CPU.getCurrentThreadCpuTime();
                step.accept(done);
                done++;
                long took = UI_THREAD_CPU.getCurrentThreadCpuTime() - began;
                longestStepNanos = Math.max(longestStepNanos, took);
                stepMillis.append(' ').append(took / 1_000_000);
                if (done >= count) {
                    IdleSteps.this.stop(); // after the last step's time is noted
                }
            }
        };
    }

    /**
     * Begins on the UI thread's next pulse; call on the UI thread.
     *
     * @param step    runs step {@code i} (0 to {@code count - 1}), in order, one per idle pulse
     * @param cleanUp runs once at the end, whether every step ran or {@link #stop()} came first
     */
    public static IdleSteps start(String name, int count, IntConsumer step, Runnable cleanUp) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one step: " + count);
        }
        IdleSteps steps = new IdleSteps(Objects.requireNonNull(name, "name"), count,
                Objects.requireNonNull(step, "step"), Objects.requireNonNull(cleanUp, "cleanUp"));
        steps.timer.start();
        return steps;
    }

    /** Ends it now (no step after), cleans up and runs what waits for its end; nothing happens on a second call. */
    public void stop() {
        if (ended) {
            return;
        }
        ended = true;
        timer.stop();
        cleanUp.run();
        LOG.log(System.Logger.Level.INFO, "{0}: {1} of {2} steps, the longest {3} ms of UI-thread CPU (ms:{4})",
                name, done, count, longestStepNanos / 1_000_000, stepMillis);
        for (Runnable next : afterwards) {
            next.run();
        }
        afterwards.clear();
    }

    /** Runs {@code next} on the UI thread once it has ended (at once if it has). */
    public void whenEnded(Runnable next) {
        Objects.requireNonNull(next, "next");
        if (ended) {
            next.run();
        } else {
            afterwards.add(next);
        }
    }

    public boolean isDone() {
        return ended;
    }

    /** How many steps have run. */
    public int steps() {
        return done;
    }
}
