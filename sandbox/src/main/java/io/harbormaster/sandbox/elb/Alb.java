package io.harbormaster.sandbox.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An Application Load Balancer: its identity, DNS name, listeners and tags. */
public final class Alb {

    /** The canonical hosted zone of ALBs in us-east-1, what Route 53 alias records name. */
    public static final String CANONICAL_ZONE_US_EAST_1 = "Z35SXDOTRQ7X7K";

    final String name;
    final String id;
    final String arn;
    final String dnsName;
    final String scheme;
    final String vpcId;
    final List<String> zones;
    final List<String> subnets;
    final String securityGroup;
    final Instant createdAt;
    final List<Listener> listeners = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    Alb(String name, String id, String arn, String dnsName, String scheme, String vpcId, List<String> zones,
        List<String> subnets, String securityGroup, Instant createdAt) {
        this.name = name;
        this.id = id;
        this.arn = arn;
        this.dnsName = dnsName;
        this.scheme = scheme;
        this.vpcId = vpcId;
        this.zones = zones;
        this.subnets = subnets;
        this.securityGroup = securityGroup;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String dnsName() {
        return dnsName;
    }

    public String scheme() {
        return scheme;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** The CloudWatch dimension value: {@code app/<name>/<id>}. */
    public String dimension() {
        return "app/" + name + "/" + id;
    }
}
