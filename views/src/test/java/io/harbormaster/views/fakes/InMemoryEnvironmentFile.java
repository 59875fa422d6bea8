package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentFile;
import io.harbormaster.model.error.OperatorException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Files as a map; a path told to fail throws its problem on read. */
public final class InMemoryEnvironmentFile implements EnvironmentFile {

    public final Map<Path, List<Environment>> files = new ConcurrentHashMap<>();
    private final Map<Path, OperatorException> broken = new ConcurrentHashMap<>();

    public InMemoryEnvironmentFile broken(Path file, OperatorException problem) {
        broken.put(file, problem);
        return this;
    }

    @Override
    public void write(List<Environment> environments, Path file) {
        files.put(file, List.copyOf(environments));
    }

    @Override
    public List<Environment> read(Path file) {
        OperatorException problem = broken.get(file);
        if (problem != null) {
            throw problem;
        }
        return files.getOrDefault(file, List.of());
    }
}
