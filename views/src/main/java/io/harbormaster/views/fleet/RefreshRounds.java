package io.harbormaster.views.fleet;

import io.harbormaster.views.lifecycle.Repeater;
import java.util.Objects;

/**
 * The periodic refresh of a page holding fleets: a round every {@link FleetViewModel#REFRESH_EVERY} while the page
 * wants one (it shows, and holds something to refresh), none otherwise. UI thread only.
 */
public final class RefreshRounds {

    private final Repeater repeater;
    private final Runnable round;
    private Runnable stop;

    public RefreshRounds(Repeater repeater, Runnable round) {
        this.repeater = Objects.requireNonNull(repeater, "repeater");
        this.round = Objects.requireNonNull(round, "round");
    }

    /** Starts the rounds when {@code wanted} and they are not running; stops them when not. */
    public void follow(boolean wanted) {
        if (wanted && stop == null) {
            stop = repeater.every(FleetViewModel.REFRESH_EVERY, round);
        } else if (!wanted && stop != null) {
            stop.run();
            stop = null;
        }
    }

    /** Whether the rounds run now; for tests. */
    public boolean running() {
        return stop != null;
    }
}
