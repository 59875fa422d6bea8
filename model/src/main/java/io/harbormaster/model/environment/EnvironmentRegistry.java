package io.harbormaster.model.environment;

import java.util.List;

/** Port: the environments the operator has defined, in bar order. */
public interface EnvironmentRegistry {

    List<Environment> environments();

    /** Inserts or replaces by id. */
    void save(Environment environment);

    void remove(String id);
}
