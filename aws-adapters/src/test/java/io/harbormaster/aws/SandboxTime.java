package io.harbormaster.aws;

import io.harbormaster.sandbox.Sandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The sandbox's clock as a {@link Clock}, as the console uses it on the sandbox (metrics, Identity Center). */
public final class SandboxTime extends Clock {

    private final Sandbox sandbox;

    private SandboxTime(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public static Clock of(Sandbox sandbox) {
        return new SandboxTime(sandbox);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return sandbox.clock().now();
    }
}
