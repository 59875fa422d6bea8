package io.harbormaster.views.page;

import io.harbormaster.views.fleet.Destination;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * One page of one window, built by its {@link PageContribution} when the window opens: it holds the page's
 * view-model and tells the shell what the page shows. Its view is built the first time the page shows. Everything
 * but {@link #createView()} has a default, so a page says only what it does.
 */
public interface Page {

    /** Builds the page's view. The shell calls it once, on the UI thread, the first time the page shows. */
    PageView createView();

    /** Whether the page shows the current environment's fleet: while it is shown, the shell keeps that loaded. */
    default boolean usesFleet() {
        return false;
    }

    /** False for a page that shows no data (a placeholder): F5 does nothing there, the status bar says so. */
    default boolean showsData() {
        return true;
    }

    /** When what the page shows was read (the status bar's "as of"); null for not yet. */
    default ObservableValue<Instant> lastRefreshed() {
        return new ReadOnlyObjectWrapper<>();
    }

    /**
     * Why what the page shows is older than it should be (a refresh failed, or a saved view stands in), with what
     * to do, in {@link io.harbormaster.views.text.StaleText}'s words; empty while it is current. The shell shows it
     * above the page ({@link StaleBanner}) and marks the status bar's "as of" with it, so no page shows old data as
     * current.
     */
    default ObservableValue<String> staleness() {
        return new ReadOnlyStringWrapper("");
    }

    /** F5 on this page. The fleet of a page that {@linkplain #usesFleet uses it} is refreshed by the shell. */
    default void refresh() {
    }

    /** Whether this page is where {@code destination} is shown; the first page in the sidebar that accepts it is. */
    default boolean accepts(Destination destination) {
        return false;
    }

    /** Shows {@code destination}, which this page {@linkplain #accepts accepts}; called just after it came to front. */
    default void open(Destination destination) {
    }

    /** Further actions into this page (a shortcut to one of its tabs): each shows the page, then runs. */
    default List<PageCommand> commands() {
        return List.of();
    }

    /** Another page came to front: a good moment to cancel loads nobody will see. */
    default void hidden() {
    }

    /** The operator entered another environment (or left it): what was loading for the old one is stale. */
    default void environmentSwitched() {
    }
}
