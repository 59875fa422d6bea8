package io.harbormaster.sandbox.core;

import io.harbormaster.sandbox.SandboxClock;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the sandbox knows, behind one lock. Services keep their state as components registered by type, so
 * a new service adds its own state without this class knowing about it, and services that build on others (ELB
 * on ECS, metrics on everything) look their neighbours up with {@link #component}.
 */
public final class World {

    private final ReentrantLock lock = new ReentrantLock();
    private final SandboxClock clock;
    private final Timeline timeline = new Timeline();
    private final SplittableRandom random;
    private final long seed;
    private final Map<Class<?>, Object> components = new ConcurrentHashMap<>();

    public World(SandboxClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public SandboxClock clock() {
        return clock;
    }

    public long seed() {
        return seed;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Seeded randomness for behaviour (must be used under the lock). */
    public SplittableRandom random() {
        return random;
    }

    /** Sandbox time; while an event runs it is the event's time, so what it records is reproducible. */
    public Instant now() {
        Instant at = timeline.runningAt();
        return at != null ? at : clock.now();
    }

    public <T> void register(Class<T> type, T component) {
        if (components.putIfAbsent(type, component) != null) {
            throw new IllegalStateException(type.getSimpleName() + " is already registered");
        }
    }

    public <T> T component(Class<T> type) {
        Object c = components.get(type);
        if (c == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not registered");
        }
        return type.cast(c);
    }

    /** A component a later module may or may not have registered (a sandbox without it still runs). */
    public <T> T optionalComponent(Class<T> type) {
        Object c = components.get(type);
        return c == null ? null : type.cast(c);
    }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** Runs every event that has fallen due on the sandbox clock. */
    public void catchUp() {
        locked(() -> timeline.runDue(clock.now()));
    }
}
