package io.harbormaster.views.page;

import io.harbormaster.views.actions.ActionSpec;
import java.util.Objects;

/**
 * An action into a page beyond showing it (Ctrl+Shift+L: the Metrics page on its Logs tab). The shell lists it in
 * the View menu after the pages, binds its shortcut, and on it shows the page, then runs {@code then}.
 */
public record PageCommand(ActionSpec action, Runnable then) {

    public PageCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(then, "then");
    }
}
