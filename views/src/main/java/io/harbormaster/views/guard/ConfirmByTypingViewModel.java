package io.harbormaster.views.guard;

import io.harbormaster.model.environment.Environment;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The typed-name guard's state: where the write happens, what it changes, the name typed so far, and whether it
 * matches exactly (case and all: "Web" is not "web"). Nothing is trimmed; a stray space is a mismatch to fix.
 */
public final class ConfirmByTypingViewModel {

    private final Environment environment;
    private final WriteRequest request;
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final BooleanBinding matches;
    private final StringBinding hint;

    public ConfirmByTypingViewModel(Environment environment, WriteRequest request) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.request = Objects.requireNonNull(request, "request");
        matches = Bindings.createBooleanBinding(() -> request.resourceName().equals(typed.get()), typed);
        hint = Bindings.createStringBinding(this::explain, typed);
    }

    private String explain() {
        String text = typed.get() == null ? "" : typed.get();
        String name = request.resourceName();
        if (text.isEmpty()) {
            return "Type " + name + " to confirm.";
        }
        if (text.equals(name)) {
            return "Name matches.";
        }
        if (text.strip().equals(name)) {
            return "Remove the extra spaces.";
        }
        if (text.equalsIgnoreCase(name)) {
            return "Letter case differs: type " + name + " exactly.";
        }
        if (name.startsWith(text)) {
            return "Keep typing: " + name;
        }
        return "Does not match " + name + ".";
    }

    public Environment environment() {
        return environment;
    }

    public WriteRequest request() {
        return request;
    }

    /** "Scale service web in prod" — the heading. */
    public String heading() {
        return request.action() + " " + request.resourceName() + " in " + environment.displayName();
    }

    /** What the confirming button says; never just "OK". */
    public String confirmLabel() {
        return request.action() + " in " + environment.displayName();
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding matchesProperty() {
        return matches;
    }

    public StringBinding hintProperty() {
        return hint;
    }
}
