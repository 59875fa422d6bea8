package io.harbormaster.sandbox.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * How the fleet's task definitions name their logs, varied as real accounts vary them: most families take the ECS
 * console's default ({@code /ecs/<family>}, stream prefix {@code ecs}), some teams chose their own group names and
 * prefixes, and two services ship its logs with another driver (fluentd), so nothing reaches CloudWatch Logs.
 */
final class LogConventions {

    /** The families whose containers log through fluentd, not awslogs (reports runs in every environment). */
    static final Set<String> FLUENTD_FAMILIES = Set.of("metrics-proxy", "reports");

    private LogConventions() {
    }

    static void logConfiguration(ObjectNode container, String env, ServiceBlueprint s, String region) {
        ObjectNode log = container.putObject("logConfiguration");
        if (FLUENTD_FAMILIES.contains(s.family())) {
            log.put("logDriver", "fluentd");
            log.putObject("options").put("fluentd-address", "localhost:24224").put("tag", "ecs." + s.family());
            return;
        }
        log.put("logDriver", "awslogs");
        ObjectNode options = log.putObject("options");
        switch (s.cluster()) {
            // the integrations team shares one group, a stream prefix per family
            case "integrations" -> options.put("awslogs-group", env + "/integrations")
                    .put("awslogs-stream-prefix", s.family());
            // the data team predates the console's default
            case "warehouses", "dev-batch" -> options.put("awslogs-group", "/aws/ecs/" + env + "/" + s.family())
                    .put("awslogs-stream-prefix", s.image());
            default -> options.put("awslogs-group", "/ecs/" + s.family()).put("awslogs-stream-prefix", "ecs");
        }
        options.put("awslogs-region", region);
    }
}
