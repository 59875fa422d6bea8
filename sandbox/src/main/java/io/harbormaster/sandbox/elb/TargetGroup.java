package io.harbormaster.sandbox.elb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A target group of instance targets, health-checked over HTTP on the traffic port. */
public final class TargetGroup {

    /** What the traffic model needs of a group's targets at one moment. */
    public record Counts(int healthy, int healthyFaulty, double healthyErrorSum, int unhealthy, double unhealthyErrorSum,
                         int initial, int draining) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);
    }

    final String name;
    final String id;
    final String arn;
    final String account;
    final String region;
    final String protocol;
    final int port;
    final String vpcId;
    final String healthCheckPath;
    final Instant createdAt;
    final Map<String, Target> targets = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    TargetGroup(String name, String id, String arn, String account, String region, String protocol, int port,
                String vpcId, String healthCheckPath, Instant createdAt) {
        this.name = name;
        this.id = id;
        this.arn = arn;
        this.account = account;
        this.region = region;
        this.protocol = protocol;
        this.port = port;
        this.vpcId = vpcId;
        this.healthCheckPath = healthCheckPath;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String account() {
        return account;
    }

    /** The CloudWatch dimension value: {@code targetgroup/<name>/<id>}. */
    public String dimension() {
        return "targetgroup/" + name + "/" + id;
    }

    public List<Target> targets() {
        return List.copyOf(targets.values());
    }

    public Counts counts() {
        int healthy = 0;
        int faulty = 0;
        double errors = 0;
        int unhealthy = 0;
        double unhealthyErrors = 0;
        int initial = 0;
        int draining = 0;
        for (Target t : targets.values()) {
            switch (t.state) {
                case HEALTHY -> {
                    healthy++;
                    if (t.errorRate > 0) {
                        faulty++;
                        errors += t.errorRate;
                    }
                }
                case UNHEALTHY -> {
                    unhealthy++;
                    unhealthyErrors += t.task == null ? 1.0 : Math.max(0.6, t.errorRate);
                }
                case INITIAL -> initial++;
                case DRAINING -> draining++;
            }
        }
        return new Counts(healthy, faulty, errors, unhealthy, unhealthyErrors, initial, draining);
    }
}
