package io.harbormaster.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a sandbox starts.
 *
 * @param port        loopback port to bind; 0 picks a free one, and a taken port silently falls back to a free one
 * @param speed       sandbox seconds per real second; 0 means the clock only moves through {@link SandboxClock#advance}
 * @param fleet       which fleet to generate: {@code default}, {@code large} or {@code services}
 * @param seed        seed of every random choice (keys, ids, placement tie-breaks, timings)
 * @param serviceTime time each call spends on its handler thread before it is answered (real time)
 * @param throttling  whether per-account token buckets answer ThrottlingException to bursting clients
 * @param businessDay whether the fleet's traffic follows the US business day (the seed's shape: a peak from 9:00 US
 *                    Eastern on weekdays, which Service Auto Scaling follows), or stays at its night level at every
 *                    hour: the same load whenever a test runs
 */
public record SandboxOptions(int port, double speed, String fleet, long seed, Duration serviceTime, boolean throttling,
        boolean businessDay) {

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0, was " + speed);
        }
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(serviceTime, "serviceTime");
        if (serviceTime.isNegative()) {
            throw new IllegalArgumentException("serviceTime must not be negative");
        }
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 1.0, "default", 42L, Duration.ofMillis(20), true, true);
    }

    /**
     * A clock that moves only when told, no added service time, no throttling, and the night's traffic at every hour:
     * what a test sees does not depend on when it runs (at the business day's peak Service Auto Scaling grew
     * image-resizer under tests that counted its tasks).
     */
    public static SandboxOptions forTests() {
        return new SandboxOptions(0, 0.0, "default", 42L, Duration.ZERO, false, false);
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }

    public SandboxOptions withSpeed(double speed) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }

    public SandboxOptions withFleet(String fleet) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }

    public SandboxOptions withSeed(long seed) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }

    public SandboxOptions withServiceTime(Duration serviceTime) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }

    public SandboxOptions withThrottling(boolean throttling) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }

    public SandboxOptions withBusinessDay(boolean businessDay) {
        return new SandboxOptions(port, speed, fleet, seed, serviceTime, throttling, businessDay);
    }
}
