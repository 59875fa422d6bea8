package io.harbormaster.sandbox.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per account, region and API family, refilled on real time (clients burst in real time whatever
 * speed the sandbox clock runs at). When a bucket is empty the call is answered with ThrottlingException.
 */
public final class Throttler {

    /** How large a family's bucket is and how fast it refills. */
    public record Rate(int burst, double perSecond) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile boolean enabled;

    public Throttler(boolean enabled, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.nanoTime = nanoTime;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        buckets.clear();
    }

    /** Takes one token or throws ThrottlingException. */
    public void acquire(String account, String region, String family, Rate rate) {
        if (!enabled) {
            return;
        }
        Bucket b = buckets.computeIfAbsent(account + "/" + region + "/" + family, k -> new Bucket(rate, nanoTime.getAsLong()));
        if (!b.tryTake(nanoTime.getAsLong())) {
            throw AwsException.throttled();
        }
    }

    private static final class Bucket {
        private final Rate rate;
        private double tokens;
        private long last;

        Bucket(Rate rate, long now) {
            this.rate = rate;
            this.tokens = rate.burst();
            this.last = now;
        }

        synchronized boolean tryTake(long now) {
            tokens = Math.min(rate.burst(), tokens + (now - last) / 1e9 * rate.perSecond());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
