package io.harbormaster.views.shared.metrics;

import io.harbormaster.model.error.Problem;
import io.harbormaster.views.text.StaleText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the charts or map a metrics view draws stopped being current because CloudWatch's answer failed: after
 * a failed read the view keeps what it drew and this says so, in the words every page uses ({@link StaleText}),
 * until a read succeeds. When nothing is drawn there is nothing to mark; the view's message says why. UI thread.
 */
public final class ChartStaleness {

    private final Clock clock;
    private final String showing;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "staleness", "");
    /** When CloudWatch last answered for what is drawn; null since a new service, range, metric or environment. */
    private Instant lastRead;

    /** @param showing what is drawn ("the charts", "the map") */
    public ChartStaleness(Clock clock, String showing) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.showing = Objects.requireNonNull(showing, "showing");
    }

    /** CloudWatch answered: what is drawn is current. */
    public void read() {
        lastRead = clock.instant();
        text.set("");
    }

    /**
     * A read failed and what was drawn stays.
     *
     * @param drawnUpTo the latest point drawn, as of when it is shown if CloudWatch never answered; null for none
     * @param retried   every how long it is tried again on its own (the live range); null when only F5 does
     */
    public void failed(Problem problem, Instant drawnUpTo, Duration retried) {
        Instant asOf = lastRead != null ? lastRead : drawnUpTo;
        if (asOf == null) {
            text.set("");
            return;
        }
        text.set(StaleText.of("read CloudWatch", clock.instant(), problem, showing, asOf, retried, "press F5",
                clock.getZone()));
    }

    /** Something else is drawn now: nothing read for it yet, and nothing old about it yet. */
    public void reset() {
        lastRead = null;
        text.set("");
    }

    /** Why what is drawn is old, with what to do; empty while it is current. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
