package io.harbormaster.model.testdata;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A UTC clock whose time comes from elsewhere: a sandbox's own clock (tests that drive the sandbox's time and want
 * the console's code to read the same "now"), or a {@link ManualClock} moved by the test.
 */
public class UtcClock extends Clock {

    private final Supplier<Instant> source;

    public UtcClock(Supplier<Instant> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public final Instant instant() {
        return source.get();
    }
}
