package io.harbormaster.aws.session;

import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Holds each attempt of a client's calls (retries included: the hook runs before every transmission) until a token
 * bucket mirroring AWS's quota for the service has one, instead of sending it into a ThrottlingException and a
 * backoff. For a quota as small as Route 53's (five requests a second for the whole account, "Quotas on Route 53 API
 * requests" in the Route 53 Developer Guide), a page that reads every zone and then each route's lock spends the
 * burst in one refresh; a second refresh a moment later (the operator's F5 as the page opens) was throttled three
 * times over and failed (CI, session 10). Calls others make in the account are not seen here: those throttles are
 * the retry strategy's. Thread-safe; waiting blocks the caller, an interrupt ends the call.
 */
final class PacedAttempts implements ExecutionInterceptor {

    /** Share of AWS's refill rate used, so that calls a few milliseconds early still find a token. */
    static final double RATE_MARGIN = 0.95;

    private final String quota;
    private final int burst;
    private final double perSecond;
    private final LongSupplier nanoTime;
    private final QuotaWait.Sleeper sleeper;
    private double tokens;
    private long last;

    /** Route 53's: a bucket of five, refilled at five a second, per account. */
    static PacedAttempts route53() {
        return new PacedAttempts("Route 53's request quota", 5, 5, System::nanoTime, QuotaWait.THREAD_SLEEP);
    }

    PacedAttempts(String quota, int burst, double perSecond, LongSupplier nanoTime, QuotaWait.Sleeper sleeper) {
        this.quota = quota;
        this.burst = burst;
        this.perSecond = perSecond * RATE_MARGIN;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        take();
    }

    /** Waits until the bucket has a token and takes it. */
    void take() {
        QuotaWait.take(this::tryTake, nanoTime, sleeper, () -> quota);
    }

    /** 0 when a token was taken, else how long to wait before trying again (nanoseconds). */
    synchronized long tryTake(long now) {
        tokens = Math.min(burst, tokens + Math.max(0, now - last) / 1e9 * perSecond);
        last = Math.max(last, now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }
}
