package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.Environment;
import java.util.Objects;

/** Which environment a row comes from, and the colour it is drawn in. */
public record EnvironmentTag(String id, String name, String colour, boolean production) {

    public EnvironmentTag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(colour, "colour");
    }

    public static EnvironmentTag of(Environment environment) {
        return new EnvironmentTag(environment.id(), environment.displayName(), environment.colour(),
                environment.production());
    }
}
