package io.harbormaster.aws.session;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts one client's calls under way and remembers when it was last used, so that a released client is closed only
 * once nothing has used it for a while ({@link RetiredClients}).
 */
final class CallsInFlight implements ExecutionInterceptor {

    /**
     * Set on a call this counted. The failure hook also runs for a call whose start hooks never reached this one
     * (another interceptor threw first), and may run after the success hook: a call is counted down once, if up.
     */
    private static final ExecutionAttribute<AtomicBoolean> COUNTED = new ExecutionAttribute<>("harbormaster.inFlight");

    private final LongSupplier nanoTime;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile long lastUsed;

    CallsInFlight(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastUsed = nanoTime.getAsLong();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.incrementAndGet();
        lastUsed = nanoTime.getAsLong();
        attributes.putAttribute(COUNTED, new AtomicBoolean(true));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        ended(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        ended(attributes);
    }

    private void ended(ExecutionAttributes attributes) {
        AtomicBoolean counted = attributes.getAttribute(COUNTED);
        if (counted != null && counted.compareAndSet(true, false)) {
            lastUsed = nanoTime.getAsLong();
            calls.decrementAndGet();
        }
    }

    /** Counts as a use: a client just released is given the whole quiet period before it is closed. */
    void touch() {
        lastUsed = nanoTime.getAsLong();
    }

    /** How much longer the client must stay quiet (no call under way, none begun) for {@code quiet}; 0 if it has. */
    long nanosUntilQuietFor(long quietNanos) {
        if (calls.get() > 0) {
            return quietNanos;
        }
        return Math.max(0, lastUsed + quietNanos - nanoTime.getAsLong());
    }
}
