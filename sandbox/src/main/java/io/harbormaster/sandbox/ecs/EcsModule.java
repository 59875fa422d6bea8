package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.fleet.Fleets;

/** ECS: the fleet's state, its generator, and the JSON 1.1 handler. */
public final class EcsModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        ImageFaults faults = new ImageFaults();
        Ecs ecs = new Ecs(in.world(), faults);
        in.world().register(ImageFaults.class, faults);
        in.world().register(Ecs.class, ecs);
        in.world().locked(() -> ecs.bulkLoad(() -> Fleets.generate(in.fleet(), ecs, in.world())));
        in.http().register(new EcsHandler(in.world(), in.edge(), ecs));
    }
}
