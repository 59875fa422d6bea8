package io.harbormaster.sandbox.traffic;

import java.util.List;
import java.util.Map;

/**
 * Where an environment's requests go at one moment, as shares of its total request rate: per target group (and the
 * load balancer that forwards to it), and per load balancer the share it answers itself with 503 because a forward
 * action has only zero weights.
 */
record Routing(Map<String, Double> tgShare, Map<String, String> tgLb, Map<String, List<String>> lbTgs,
               Map<String, Double> lbNoTarget) {

    static final Routing NONE = new Routing(Map.of(), Map.of(), Map.of(), Map.of());

    double share(String tgArn) {
        return tgShare.getOrDefault(tgArn, 0.0);
    }
}
