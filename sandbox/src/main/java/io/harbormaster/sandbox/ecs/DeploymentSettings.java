package io.harbormaster.sandbox.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A service's {@code deploymentConfiguration} beyond the rolling percentages: the strategy, bake times, linear and
 * canary steps, lifecycle hooks, alarms and the circuit breaker's threshold, validated as ECS validates
 * CreateService/UpdateService (ECS API Reference: DeploymentConfiguration, LinearConfiguration,
 * CanaryConfiguration, DeploymentLifecycleHook, DeploymentAlarms, DeploymentCircuitBreaker, ThresholdConfiguration).
 * Members an update leaves out keep their value.
 */
record DeploymentSettings(String strategy, Integer bakeTimeInMinutes, Linear linear, Canary canary, List<Hook> hooks,
                          Alarms alarms, Threshold threshold, Boolean resetOnHealthyTask) {

    static final String ROLLING = "ROLLING";
    static final String BLUE_GREEN = "BLUE_GREEN";
    static final String LINEAR = "LINEAR";
    static final String CANARY = "CANARY";
    static final Set<String> STRATEGIES = Set.of(ROLLING, BLUE_GREEN, LINEAR, CANARY);
    /** DeploymentLifecycleHookStage in the 2.59.1 model. */
    static final List<String> HOOK_STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP",
            "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
            "POST_PRODUCTION_TRAFFIC_SHIFT");
    static final DeploymentSettings DEFAULT = new DeploymentSettings(ROLLING, null, null, null, List.of(), null, null,
            null);

    /** stepPercent (3.0–100.0, default 10.0) and stepBakeTimeInMinutes (0–1440, default 6). */
    record Linear(double stepPercent, int stepBakeTimeInMinutes) {
    }

    /** canaryPercent (0.1–100.0, default 5.0) and canaryBakeTimeInMinutes (0–1440, default 10). */
    record Canary(double canaryPercent, int canaryBakeTimeInMinutes) {
    }

    /** A lifecycle hook: a Lambda function ECS invokes, or a PAUSE that waits for ContinueServiceDeployment. */
    record Hook(String targetType, String hookTargetArn, String roleArn, List<String> stages, JsonNode hookDetails,
                int timeoutInMinutes, String timeoutAction, boolean timeoutGiven) {
        boolean pause() {
            return "PAUSE".equals(targetType);
        }
    }

    record Alarms(List<String> alarmNames, boolean enable, boolean rollback) {
    }

    /** thresholdConfiguration: COUNT, BOUNDED_PERCENT (default, 50) or UNBOUNDED_PERCENT. */
    record Threshold(String type, int value) {
    }

    boolean blueGreenFamily() {
        return !ROLLING.equals(strategy);
    }

    /** The failed-task count that trips the circuit breaker for a desired count (ECS's documented formula). */
    int failureThreshold(int desired) {
        String type = threshold == null ? "BOUNDED_PERCENT" : threshold.type();
        int value = threshold == null ? 50 : threshold.value();
        return switch (type) {
            case "COUNT" -> value;
            case "UNBOUNDED_PERCENT" -> Math.max(1, (int) Math.ceil(value / 100.0 * desired));
            default -> Math.min(200, Math.max(3, (int) Math.ceil(value / 100.0 * desired)));
        };
    }

    /** Reads the members of a request's deploymentConfiguration over the current settings. */
    DeploymentSettings merge(JsonParams c) {
        if (c == null) {
            return this;
        }
        String s = strategy;
        if (c.string("strategy") != null) {
            s = c.string("strategy");
            if (!STRATEGIES.contains(s)) {
                throw EcsLookup.invalid("1 validation error detected: Value '" + s + "' at 'deploymentConfiguration."
                        + "strategy' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[ROLLING, BLUE_GREEN, LINEAR, CANARY]");
            }
        }
        Integer bake = c.has("bakeTimeInMinutes") ? c.integer("bakeTimeInMinutes") : bakeTimeInMinutes;
        if (bake != null && (bake < 0 || bake > 1440)) {
            throw EcsLookup.invalid("bakeTimeInMinutes must be between 0 and 1440.");
        }
        Linear lin = linear;
        JsonParams l = c.object("linearConfiguration");
        if (l != null) {
            double step = decimal(l, "stepPercent", 10.0);
            Integer stepBake = l.integer("stepBakeTimeInMinutes");
            if (step < 3.0 || step > 100.0 || !tenths(step)) {
                throw EcsLookup.invalid("stepPercent must be a multiple of 0.1 between 3.0 and 100.0.");
            }
            if (stepBake != null && (stepBake < 0 || stepBake > 1440)) {
                throw EcsLookup.invalid("stepBakeTimeInMinutes must be between 0 and 1440.");
            }
            lin = new Linear(step, stepBake == null ? 6 : stepBake);
        }
        Canary can = canary;
        JsonParams k = c.object("canaryConfiguration");
        if (k != null) {
            double pct = decimal(k, "canaryPercent", 5.0);
            Integer canBake = k.integer("canaryBakeTimeInMinutes");
            if (pct < 0.1 || pct > 100.0 || !tenths(pct)) {
                throw EcsLookup.invalid("canaryPercent must be a multiple of 0.1 between 0.1 and 100.0.");
            }
            if (canBake != null && (canBake < 0 || canBake > 1440)) {
                throw EcsLookup.invalid("canaryBakeTimeInMinutes must be between 0 and 1440.");
            }
            can = new Canary(pct, canBake == null ? 10 : canBake);
        }
        List<Hook> hs = hooks;
        if (c.has("lifecycleHooks")) {
            hs = new ArrayList<>();
            for (JsonParams h : c.objects("lifecycleHooks")) {
                hs.add(hook(h));
            }
            hs = List.copyOf(hs);
        }
        Alarms al = alarms;
        JsonParams a = c.object("alarms");
        if (a != null) {
            if (a.strings("alarmNames") == null || a.bool("enable") == null || a.bool("rollback") == null) {
                throw EcsLookup.invalid("alarms requires alarmNames, enable and rollback.");
            }
            if (a.strings("alarmNames").size() > 10) {
                throw EcsLookup.invalid("alarmNames can have at most 10 items.");
            }
            al = new Alarms(List.copyOf(a.strings("alarmNames")), a.bool("enable"), a.bool("rollback"));
        }
        Threshold th = threshold;
        Boolean reset = resetOnHealthyTask;
        JsonParams cb = c.object("deploymentCircuitBreaker");
        if (cb != null) {
            JsonParams t = cb.object("thresholdConfiguration");
            th = null;
            if (t != null) {
                String type = t.string("type");
                Integer value = t.integer("value");
                if (type == null || value == null) {
                    throw EcsLookup.invalid("thresholdConfiguration requires type and value.");
                }
                if (!Set.of("COUNT", "BOUNDED_PERCENT", "UNBOUNDED_PERCENT").contains(type)) {
                    throw EcsLookup.invalid("1 validation error detected: Value '" + type + "' at 'deploymentConfiguration"
                            + ".deploymentCircuitBreaker.thresholdConfiguration.type' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [COUNT, BOUNDED_PERCENT, UNBOUNDED_PERCENT]");
                }
                if (value < 1 || (!"COUNT".equals(type) && value > 100)) {
                    throw EcsLookup.invalid("thresholdConfiguration value must be at least 1"
                            + ("COUNT".equals(type) ? "." : " and at most 100 for a percentage."));
                }
                th = new Threshold(type, value);
            }
            reset = cb.bool("resetOnHealthyTask");
        }
        DeploymentSettings out = new DeploymentSettings(s, bake, lin, can, hs, al, th, reset);
        out.check();
        return out;
    }

    /** Cross-member rules: which configuration goes with which strategy, and what BLUE_GREEN must have. */
    private void check() {
        if (linear != null && !LINEAR.equals(strategy)) {
            throw EcsLookup.invalid("linearConfiguration is only valid when the deployment strategy is LINEAR.");
        }
        if (canary != null && !CANARY.equals(strategy)) {
            throw EcsLookup.invalid("canaryConfiguration is only valid when the deployment strategy is CANARY.");
        }
        if (BLUE_GREEN.equals(strategy) && bakeTimeInMinutes == null) {
            throw EcsLookup.invalid("bakeTimeInMinutes must be provided when the deployment strategy is BLUE_GREEN.");
        }
        if (!hooks.isEmpty() && ROLLING.equals(strategy)) {
            throw EcsLookup.invalid("Lifecycle hooks are supported only for the BLUE_GREEN, LINEAR and CANARY "
                    + "deployment strategies.");
        }
    }

    private static Hook hook(JsonParams h) {
        String type = h.string("targetType") == null ? "AWS_LAMBDA" : h.string("targetType");
        if (!Set.of("AWS_LAMBDA", "PAUSE").contains(type)) {
            throw EcsLookup.invalid("1 validation error detected: Value '" + type + "' at 'targetType' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [AWS_LAMBDA, PAUSE]");
        }
        List<String> stages = h.strings("lifecycleStages");
        if (stages == null || stages.isEmpty()) {
            throw EcsLookup.invalid("lifecycleStages must be provided for a deployment lifecycle hook.");
        }
        for (String st : stages) {
            if (!HOOK_STAGES.contains(st)) {
                throw EcsLookup.invalid("1 validation error detected: Value '" + st + "' at 'lifecycleStages' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: " + HOOK_STAGES);
            }
            if ("PAUSE".equals(type) && (st.equals("TEST_TRAFFIC_SHIFT") || st.equals("PRODUCTION_TRAFFIC_SHIFT"))) {
                throw EcsLookup.invalid("PAUSE lifecycle hooks cannot be configured at the " + st + " stage.");
            }
        }
        String target = h.string("hookTargetArn");
        String role = h.string("roleArn");
        if ("AWS_LAMBDA".equals(type)) {
            if (target == null || !target.startsWith("arn:aws:lambda:")) {
                throw EcsLookup.invalid("hookTargetArn must be the ARN of a Lambda function.");
            }
            if (role == null) {
                throw EcsLookup.invalid("roleArn must be provided for an AWS_LAMBDA lifecycle hook.");
            }
        }
        int timeout = 1440;
        String action = "ROLLBACK";
        JsonParams t = h.object("timeoutConfiguration");
        if (t != null) {
            Integer minutes = t.integer("timeoutInMinutes");
            if (minutes != null) {
                if (minutes < 1 || minutes > 20160) {
                    throw EcsLookup.invalid("timeoutInMinutes must be between 1 and 20160.");
                }
                timeout = minutes;
            }
            if (t.string("action") != null) {
                action = t.string("action");
                if (!Set.of("ROLLBACK", "CONTINUE").contains(action)) {
                    throw EcsLookup.invalid("1 validation error detected: Value '" + action + "' at 'action' failed "
                            + "to satisfy constraint: Member must satisfy enum value set: [ROLLBACK, CONTINUE]");
                }
            }
        }
        JsonNode details = h.node().get("hookDetails");
        return new Hook(type, target, role, List.copyOf(stages), details == null ? null : details.deepCopy(), timeout,
                action, t != null);
    }

    private static double decimal(JsonParams p, String name, double fallback) {
        JsonNode n = p.node().get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw JsonParams.serialization(name, n, "a double");
        }
        return n.doubleValue();
    }

    private static boolean tenths(double v) {
        return Math.abs(v * 10 - Math.rint(v * 10)) < 1e-6;
    }

    /** Adds this configuration's members to a rendered deploymentConfiguration. */
    void render(ObjectNode dc) {
        dc.put("strategy", strategy);
        if (bakeTimeInMinutes != null) {
            dc.put("bakeTimeInMinutes", bakeTimeInMinutes);
        }
        if (alarms != null) {
            ObjectNode a = dc.putObject("alarms");
            ArrayNode names = a.putArray("alarmNames");
            alarms.alarmNames().forEach(names::add);
            a.put("enable", alarms.enable()).put("rollback", alarms.rollback());
        }
        if (linear != null) {
            dc.putObject("linearConfiguration").put("stepPercent", BigDecimal.valueOf(linear.stepPercent()))
                    .put("stepBakeTimeInMinutes", linear.stepBakeTimeInMinutes());
        }
        if (canary != null) {
            dc.putObject("canaryConfiguration").put("canaryPercent", BigDecimal.valueOf(canary.canaryPercent()))
                    .put("canaryBakeTimeInMinutes", canary.canaryBakeTimeInMinutes());
        }
        if (!hooks.isEmpty()) {
            ArrayNode hs = dc.putArray("lifecycleHooks");
            for (Hook h : hooks) {
                ObjectNode o = hs.addObject().put("targetType", h.targetType());
                if (h.hookTargetArn() != null) {
                    o.put("hookTargetArn", h.hookTargetArn());
                }
                if (h.roleArn() != null) {
                    o.put("roleArn", h.roleArn());
                }
                ArrayNode st = o.putArray("lifecycleStages");
                h.stages().forEach(st::add);
                if (h.hookDetails() != null) {
                    o.set("hookDetails", h.hookDetails().deepCopy());
                }
                if (h.timeoutGiven()) {
                    o.putObject("timeoutConfiguration").put("timeoutInMinutes", h.timeoutInMinutes())
                            .put("action", h.timeoutAction());
                }
            }
        }
    }

    /** The circuit breaker's extra members (thresholdConfiguration, resetOnHealthyTask) when they were set. */
    void renderBreaker(ObjectNode cb) {
        if (threshold != null) {
            cb.putObject("thresholdConfiguration").put("type", threshold.type()).put("value", threshold.value());
        }
        if (resetOnHealthyTask != null) {
            cb.put("resetOnHealthyTask", resetOnHealthyTask);
        }
    }
}
