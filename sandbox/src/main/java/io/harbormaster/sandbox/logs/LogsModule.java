package io.harbormaster.sandbox.logs;

import io.harbormaster.sandbox.core.SandboxModule;
import io.harbormaster.sandbox.ecs.Ecs;

/**
 * CloudWatch Logs: an awslogs group per ECS service and a stream per task container, their lines generated on
 * demand from the task's life, image fault and share of traffic; served over JSON 1.1.
 */
public final class LogsModule implements SandboxModule {

    @Override
    public void install(Installation in) {
        Ecs ecs = in.world().component(Ecs.class);
        Logs logs = new Logs(in.world(), ecs);
        in.world().register(Logs.class, logs);
        in.world().locked(() -> {
            logs.adoptFleet();
            ecs.addListener(logs);
        });
        in.http().register(new LogsHandler(in.world(), in.edge(), logs));
    }
}
