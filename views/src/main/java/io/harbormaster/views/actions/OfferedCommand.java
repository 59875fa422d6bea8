package io.harbormaster.views.actions;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A command whose work is supplied later by whoever can do it (the app opens the sandbox, reloads the AWS files):
 * disabled, so its menu item, shortcut and palette entry are inert, until it is offered.
 */
public final class OfferedCommand {

    private final BooleanProperty offered = new SimpleBooleanProperty(this, "offered", false);
    private final AtomicReference<Runnable> work = new AtomicReference<>(() -> { });
    private final Command command = new Command(() -> work.get().run(), offered);

    /** Makes the command do {@code work} (on the UI thread; slow work it hands to the background itself). */
    public void offer(Runnable work) {
        this.work.set(Objects.requireNonNull(work, "work"));
        offered.set(true);
    }

    /** Takes the offer back: the command is disabled again. */
    public void withdraw() {
        offered.set(false);
        work.set(() -> { });
    }

    public Command command() {
        return command;
    }
}
