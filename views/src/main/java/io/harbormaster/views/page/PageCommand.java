package io.harbormaster.views.page;

import io.harbormaster.views.actions.ActionSpec;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;

/**
 * An action into a page beyond showing it (Ctrl+Shift+L: the Metrics page on its Logs tab). The shell lists it in
 * the View menu after the pages and in the palette, binds its shortcut, and on it shows the page, then runs
 * {@code then}. While {@code unavailable} says why not (a read-only environment), it is disabled everywhere.
 */
public record PageCommand(ActionSpec action, Runnable then, ObservableStringValue unavailable) {

    public PageCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(unavailable, "unavailable");
    }

    /** Always available. */
    public PageCommand(ActionSpec action, Runnable then) {
        this(action, then, Bindings.createStringBinding(() -> ""));
    }
}
