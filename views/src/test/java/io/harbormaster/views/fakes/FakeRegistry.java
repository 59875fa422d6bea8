package io.harbormaster.views.fakes;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

public final class FakeRegistry implements EnvironmentRegistry {

    private final List<Environment> environments = new ArrayList<>();

    public FakeRegistry(Environment... initial) {
        environments.addAll(List.of(initial));
    }

    @Override
    public synchronized List<Environment> environments() {
        return environments.stream().sorted(Comparator.comparingInt(Environment::order)).toList();
    }

    @Override
    public synchronized void save(Environment environment) {
        remove(environment.id());
        environments.add(environment);
    }

    @Override
    public synchronized void remove(String id) {
        environments.removeIf(e -> e.id().equals(id));
    }
}
