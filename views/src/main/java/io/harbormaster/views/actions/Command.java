package io.harbormaster.views.actions;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

/** What an action does, and when it may: supplied by a view-model, bound to a {@link StandardAction}. */
public record Command(Runnable execute, ObservableBooleanValue enabled) {

    public Command {
        Objects.requireNonNull(execute, "execute");
        Objects.requireNonNull(enabled, "enabled");
    }

    public static Command always(Runnable execute) {
        return new Command(execute, Bindings.createBooleanBinding(() -> true));
    }

    /** Runs if currently enabled; shortcuts go through here so a disabled action stays inert. */
    public void fire() {
        if (enabled.get()) {
            execute.run();
        }
    }
}
