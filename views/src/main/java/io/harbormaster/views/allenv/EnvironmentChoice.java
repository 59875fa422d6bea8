package io.harbormaster.views.allenv;

import io.harbormaster.model.environment.Environment;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** One environment's checkbox on the All environments page, and how its load went. */
public final class EnvironmentChoice {

    private final Environment environment;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    EnvironmentChoice(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public Environment environment() {
        return environment;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** "", "loading…", "59 services", or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void status(String text) {
        status.set(text);
    }
}
