package io.harbormaster.sandbox.core;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids in AWS's UUID shape; sequential under a seed-derived prefix so logs are easy to follow. */
public final class RequestIds {

    private final long high;
    private final AtomicLong next = new AtomicLong(1);

    public RequestIds(long seed) {
        this.high = seed * 0x9E3779B97F4A7C15L;
    }

    public String next() {
        // Version-4-looking UUID: set the version and variant bits.
        long hi = (high & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (next.getAndIncrement() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
