package io.harbormaster.model.cutover;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as journal facts ("plan.*" keys), so a runner can be rebuilt from the journal alone after a crash. Lists
 * are joined with ';' and fields with ',', each piece URL-encoded, so any id survives.
 */
public final class PlanCodec {

    private static final String P = "plan.";

    private PlanCodec() {
    }

    public static Map<String, String> encode(CutoverPlan plan) {
        Map<String, String> f = new HashMap<>();
        f.put(P + "id", plan.cutoverId());
        f.put(P + "from", plan.fromId());
        f.put(P + "to", plan.toId());
        f.put(P + "start", plan.startWeights().encode());
        WeightedRoute route = plan.route();
        f.put(P + "kind", route.kind().name());
        f.put(P + "targets", list(route.targets().stream().map(t -> fields(t.id(), t.label(), t.pointsTo(),
                String.valueOf(t.weight()))).toList()));
        if (route instanceof Route53WeightedRecord r) {
            f.put(P + "route", fields(r.environmentId(), r.hostedZoneId(), r.zoneName(), r.name(), r.type(),
                    String.valueOf(r.ttlSeconds()), String.valueOf(r.alias())));
        } else if (route instanceof AlbWeightedForward a) {
            f.put(P + "route", fields(a.environmentId(), a.region(), a.loadBalancerArn(), a.loadBalancerName(),
                    a.listenerArn(), String.valueOf(a.listenerPort()), a.ruleArn(), a.rulePriority(),
                    String.valueOf(a.stickinessSeconds())));
        }
        f.put(P + "steps", list(plan.steps().stream().map(s -> fields(String.valueOf(s.requestedPercent()),
                s.weights().encode(), String.valueOf(s.bake().toMillis()))).toList()));
        GatePolicy g = plan.gates();
        f.put(P + "rules", list(g.rules().stream().map(r -> fields(r.metric().name(), r.scope().name(),
                String.valueOf(r.warning()), String.valueOf(r.critical()))).toList()));
        f.put(P + "alarms", list(g.alarmNames()));
        f.put(P + "gates", fields(g.noData().name(), String.valueOf(g.window().toMillis()),
                String.valueOf(g.margin().toMillis()), String.valueOf(g.rollbackOnCritical()),
                String.valueOf(g.pauseOnWarning()), String.valueOf(g.pauseEveryStep()),
                String.valueOf(g.maxWait().toMillis())));
        f.put(P + "sides", list(plan.sides().stream().map(s -> fields(s.targetId(), s.label(), s.environmentId(),
                s.region(), s.loadBalancerArn(), list(s.targetGroupArns()))).toList()));
        return f;
    }

    public static CutoverPlan decode(Map<String, String> f) {
        TrafficKind kind = TrafficKind.valueOf(req(f, "kind"));
        List<WeightedTarget> targets = unlist(req(f, "targets")).stream().map(PlanCodec::unfields)
                .map(x -> new WeightedTarget(x.get(0), x.get(1), x.get(2), Integer.parseInt(x.get(3)))).toList();
        List<String> r = unfields(req(f, "route"));
        WeightedRoute route = kind == TrafficKind.ROUTE53
                ? new Route53WeightedRecord(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), Long.parseLong(r.get(5)),
                        Boolean.parseBoolean(r.get(6)), targets)
                : new AlbWeightedForward(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), Integer.parseInt(r.get(5)),
                        r.get(6), r.get(7), Long.parseLong(r.get(8)), targets);
        List<PlanStep> steps = new ArrayList<>();
        String to = req(f, "to");
        for (String s : unlist(req(f, "steps"))) {
            List<String> x = unfields(s);
            Weights w = Weights.decode(kind, x.get(1));
            steps.add(new PlanStep(steps.size() + 1, Double.parseDouble(x.get(0)), w, w.percent(to),
                    Duration.ofMillis(Long.parseLong(x.get(2)))));
        }
        List<GateRule> rules = unlist(req(f, "rules")).stream().map(PlanCodec::unfields)
                .map(x -> new GateRule(GateMetric.valueOf(x.get(0)), GateRule.Scope.valueOf(x.get(1)),
                        Double.parseDouble(x.get(2)), Double.parseDouble(x.get(3)))).toList();
        List<String> g = unfields(req(f, "gates"));
        GatePolicy gates = new GatePolicy(rules, unlist(f.getOrDefault(P + "alarms", "")),
                NoDataPolicy.valueOf(g.get(0)), Duration.ofMillis(Long.parseLong(g.get(1))),
                Duration.ofMillis(Long.parseLong(g.get(2))), Boolean.parseBoolean(g.get(3)),
                Boolean.parseBoolean(g.get(4)), Boolean.parseBoolean(g.get(5)),
                Duration.ofMillis(Long.parseLong(g.get(6))));
        List<CutoverSide> sides = unlist(f.getOrDefault(P + "sides", "")).stream().map(PlanCodec::unfields)
                .map(x -> new CutoverSide(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), unlist(x.get(5))))
                .toList();
        return new CutoverPlan(req(f, "id"), route, req(f, "from"), to, Weights.decode(kind, req(f, "start")), steps,
                gates, sides);
    }

    /** Whether journal facts hold a plan. */
    public static boolean holdsPlan(Map<String, String> facts) {
        return facts.containsKey(P + "id");
    }

    private static String req(Map<String, String> f, String key) {
        String v = f.get(P + key);
        if (v == null) {
            throw new IllegalArgumentException("the journal's start line has no " + P + key);
        }
        return v;
    }

    private static String fields(String... values) {
        return String.join(",", Arrays.stream(values).map(PlanCodec::enc).toList());
    }

    private static List<String> unfields(String s) {
        return Arrays.stream(s.split(",", -1)).map(PlanCodec::dec).toList();
    }

    private static String list(List<String> values) {
        return String.join(";", values.stream().map(PlanCodec::enc).toList());
    }

    private static List<String> unlist(String s) {
        return s.isEmpty() ? List.of() : Arrays.stream(s.split(";", -1)).map(PlanCodec::dec).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
