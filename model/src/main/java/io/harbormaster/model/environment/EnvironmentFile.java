package io.harbormaster.model.environment;

import java.nio.file.Path;
import java.util.List;

/** Port: a team's shared environment definitions as a JSON file. Blocking. */
public interface EnvironmentFile {

    void write(List<Environment> environments, Path file);

    /**
     * @throws io.harbormaster.model.error.OperatorException (INVALID_INPUT) naming what is wrong and where; nothing
     *         is half-imported
     */
    List<Environment> read(Path file);
}
