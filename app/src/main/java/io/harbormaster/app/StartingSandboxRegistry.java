package io.harbormaster.app;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import java.util.List;

/**
 * The environments of an embedded sandbox that may still be starting beside the window: listing them waits (on
 * the background thread that asks) until the sandbox listens and its profiles are written, so the environment bar
 * offers nothing that could not be entered yet. A sandbox that failed to start answers with its reason.
 */
final class StartingSandboxRegistry implements EnvironmentRegistry {

    private final EnvironmentRegistry registry;
    private final EmbeddedSandbox sandbox;

    StartingSandboxRegistry(EnvironmentRegistry registry, EmbeddedSandbox sandbox) {
        this.registry = registry;
        this.sandbox = sandbox;
    }

    @Override
    public List<Environment> environments() {
        sandbox.awaitStarted();
        return registry.environments();
    }

    @Override
    public void save(Environment environment) {
        registry.save(environment);
    }

    @Override
    public void remove(String id) {
        registry.remove(id);
    }
}
