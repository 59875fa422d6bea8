package io.harbormaster.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's notion of time. Everything that happens "later" in the sandbox (tasks starting, deployments
 * rolling, credentials expiring, TOTP codes changing) is driven by this clock, never by the wall clock.
 */
public interface SandboxClock {

    Instant now();

    /** Moves the clock forward and runs every event that falls due, in time order, before returning. */
    void advance(Duration d);

    /** Sandbox seconds per real second; 0 stops the clock so only {@link #advance} moves it. */
    void setSpeed(double speed);
}
