package io.harbormaster.views.page;

import io.harbormaster.views.fleet.FleetViewModel;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.value.ObservableValue;

/**
 * A page that shows the current environment's fleet: while it is in front the shell keeps that fleet loaded and
 * refreshing, F5 refreshes it, the status bar's "as of" is when the fleet shown was read, and the fleet's staleness
 * is the page's.
 */
public abstract class FleetPage implements Page {

    protected final PageContext context;

    protected FleetPage(PageContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The current environment's fleet, the one snapshot every fleet page of the window reads. */
    protected final FleetViewModel fleet() {
        return context.fleet();
    }

    @Override
    public final boolean usesFleet() {
        return true;
    }

    @Override
    public ObservableValue<Instant> lastRefreshed() {
        return context.fleet().asOfProperty();
    }

    /** The fleet's: a refresh that failed, or the saved view shown while the first load runs. */
    @Override
    public ObservableValue<String> staleness() {
        return context.fleet().stalenessProperty();
    }
}
