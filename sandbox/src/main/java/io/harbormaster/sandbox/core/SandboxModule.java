package io.harbormaster.sandbox.core;

/**
 * One AWS service of the sandbox. Installing it registers its state as a world component (if it has any),
 * builds its share of the starting fleet, and registers its handler(s) on the endpoint. Modules install in the
 * order the catalog lists them, so a module can read the components of those before it.
 */
public interface SandboxModule {

    void install(Installation installation);

    /** What a module installs into. */
    record Installation(World world, Edge edge, HttpEndpoint http, String fleet, boolean businessDay) {
    }
}
