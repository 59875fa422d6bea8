package io.harbormaster.views.actions;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * What an action does, when it may, and why not when it may not (the palette shows the reason beside a disabled
 * action); supplied by a view-model, bound to an {@link ActionSpec}.
 */
public record Command(Runnable execute, ObservableBooleanValue enabled, ObservableStringValue unavailable) {

    public Command {
        Objects.requireNonNull(execute, "execute");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(unavailable, "unavailable");
    }

    /** Enabled as {@code enabled} says, with no reason given when it is not. */
    public Command(Runnable execute, ObservableBooleanValue enabled) {
        this(execute, enabled, Bindings.createStringBinding(() -> enabled.get() ? "" : "Not available now",
                enabled));
    }

    public static Command always(Runnable execute) {
        return new Command(execute, Bindings.createBooleanBinding(() -> true));
    }

    /** Enabled while {@code unavailable} (why it may not run now) is empty. */
    public static Command unless(Runnable execute, ObservableStringValue unavailable) {
        return new Command(execute, Bindings.createBooleanBinding(() -> unavailable.get() == null
                || unavailable.get().isEmpty(), unavailable), unavailable);
    }

    /** Runs if currently enabled; shortcuts go through here so a disabled action stays inert. */
    public void fire() {
        if (enabled.get()) {
            execute.run();
        }
    }
}
