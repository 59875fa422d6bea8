package io.harbormaster.aws.ecs;

import io.harbormaster.aws.session.QuotaWait;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Paces the fleet's calls to AWS's published throttling buckets ({@link ThrottleBucket}) for one account and Region:
 * a call waits here for its bucket's token instead of being sent into a ThrottlingException and retried after a
 * backoff. The buckets are mirrored as AWS keeps them (full after a pause, then refilled per second), the refill a
 * little slower than AWS's ({@link #RATE_MARGIN}) so that calls arriving a few milliseconds early still find a
 * token.
 *
 * <p>List pages go first: while a list is paging through a bucket ({@link #listing}), other calls take only the
 * top {@link #HEADROOM} tokens of it. A list's pages come one after another (each needs the last one's token), more
 * slowly than the bucket refills, so a full bucket would waste its refill meanwhile; the other calls take that
 * spare refill, and the pages neither wait for a token nor compete with a crowd of describes for the line and the
 * CPU. The rest of the burst is there once the list is in. Calls made by others in the account are not seen here;
 * those throttles are the retry strategy's to absorb. Thread-safe; waiting blocks the caller.
 */
final class CallPacer {

    /** Share of AWS's refill rate used. */
    static final double RATE_MARGIN = 0.95;

    /** How much of a bucket other calls may use while a list is paging through it: its top tokens. */
    static final int HEADROOM = 10;

    private final Map<ThrottleBucket, Bucket> buckets = new EnumMap<>(ThrottleBucket.class);
    private final LongSupplier nanoTime;
    private final QuotaWait.Sleeper sleeper;

    CallPacer() {
        this(System::nanoTime, QuotaWait.THREAD_SLEEP);
    }

    CallPacer(LongSupplier nanoTime, QuotaWait.Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        long now = nanoTime.getAsLong();
        for (ThrottleBucket t : ThrottleBucket.values()) {
            buckets.put(t, new Bucket(t.burst, t.perSecond * RATE_MARGIN, now));
        }
    }

    /** Waits until {@code throttle}'s bucket has a token for a call and takes it; list pages wait least. */
    void take(ThrottleBucket throttle, boolean listPage) {
        take(throttle, listPage, false);
    }

    /**
     * Takes a token ahead of every other call of the bucket, list pages included (they wait for a second token
     * while such a call waits): for the dozen calls that draw a first picture, a full load's hosts, which share
     * their bucket with thousands of task calls.
     */
    void takeAhead(ThrottleBucket throttle) {
        Bucket b = buckets.get(throttle);
        b.ahead(+1);
        try {
            take(throttle, true, true);
        } finally {
            b.ahead(-1);
        }
    }

    /** Marks a call waiting to go ahead, as {@link #takeAhead} does while it waits; for tests. */
    Listing ahead(ThrottleBucket throttle) {
        Bucket b = buckets.get(throttle);
        b.ahead(+1);
        return () -> b.ahead(-1);
    }

    private void take(ThrottleBucket throttle, boolean listPage, boolean ahead) {
        Bucket b = buckets.get(throttle);
        QuotaWait.take(now -> b.tryTake(now, listPage, ahead), nanoTime, sleeper, () -> "AWS's "
                + throttle.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " quota");
    }

    /** Marks a list paging through {@code throttle}'s bucket until the returned handle is closed. */
    Listing listing(ThrottleBucket throttle) {
        Bucket b = buckets.get(throttle);
        b.listers(+1);
        return () -> b.listers(-1);
    }

    /** Lists paging through a bucket now, for tests. */
    int listings(ThrottleBucket throttle) {
        return buckets.get(throttle).listers();
    }

    /** Tokens left in a bucket now, for tests. */
    double tokens(ThrottleBucket throttle) {
        return buckets.get(throttle).tokens(nanoTime.getAsLong());
    }

    /** A list's hold on its bucket's reserve. */
    interface Listing extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Bucket {
        private final int burst;
        private final double perSecond;
        private double tokens;
        private long last;
        private int listers;
        private int waitingAhead;

        Bucket(int burst, double perSecond, long now) {
            this.burst = burst;
            this.perSecond = perSecond;
            this.tokens = burst;
            this.last = now;
        }

        /** 0 when a token was taken, else how long to wait before trying again (nanoseconds). */
        synchronized long tryTake(long now, boolean listPage, boolean ahead) {
            refill(now);
            double needed = ahead ? 1 : (listPage || listers == 0 ? 1 : burst - HEADROOM + 1) + Math.min(1, waitingAhead);
            if (tokens >= needed) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((needed - tokens) / perSecond * 1e9));
        }

        synchronized int listers() {
            return listers;
        }

        synchronized void listers(int change) {
            listers += change;
        }

        synchronized void ahead(int change) {
            waitingAhead += change;
        }

        synchronized double tokens(long now) {
            refill(now);
            return tokens;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = Math.max(last, now);
        }
    }
}
