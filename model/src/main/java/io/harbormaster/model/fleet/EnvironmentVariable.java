package io.harbormaster.model.fleet;

import java.util.Objects;

/** A plain environment variable of a container definition. {@link #toString()} never shows a secret value. */
public record EnvironmentVariable(String name, String value) {

    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }

    public boolean secretLooking() {
        return SecretNames.looksSecret(name);
    }

    /** The value masked when the name looks secret; see {@link SecretNames}. */
    public String displayValue() {
        return SecretNames.displayValue(name, value);
    }

    @Override
    public String toString() {
        return name + "=" + displayValue();
    }
}
