package io.harbormaster.model.cutover;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Route 53 record name and type with two or more weighted record sets.
 *
 * @param environmentId the environment that owns the hosted zone (often ops or prod), whose session writes it
 * @param hostedZoneId  the zone's id without "/hostedzone/"
 * @param zoneName      the zone's name, with the trailing dot
 * @param name          the record's fully qualified name, with the trailing dot
 * @param type          A, AAAA, CNAME, …
 * @param ttlSeconds    the sets' TTL, or 60 when they are aliases (Route 53 uses 60 s for ELB aliases)
 * @param alias         whether the sets are alias records (their values are the load balancers' DNS names)
 * @param targets       one per SetIdentifier; {@link WeightedTarget#pointsTo()} is the alias DNS name or the values
 */
public record Route53WeightedRecord(String environmentId, String hostedZoneId, String zoneName, String name,
                                    String type, long ttlSeconds, boolean alias, List<WeightedTarget> targets)
        implements WeightedRoute {

    public Route53WeightedRecord {
        Objects.requireNonNull(environmentId, "environmentId");
        if (hostedZoneId == null || hostedZoneId.isBlank() || name == null || name.isBlank() || type == null
                || type.isBlank()) {
            throw new IllegalArgumentException("a weighted record needs its hosted zone, name and type");
        }
        zoneName = zoneName == null ? "" : zoneName;
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("TTL cannot be negative");
        }
        targets = List.copyOf(targets);
        Weights.of(TrafficKind.ROUTE53, targets);
    }

    @Override
    public TrafficKind kind() {
        return TrafficKind.ROUTE53;
    }

    @Override
    public String resource() {
        return hostedZoneId + "/" + name + "/" + type;
    }

    @Override
    public String displayName() {
        return name + " " + type;
    }

    @Override
    public Duration cacheTtl() {
        return Duration.ofSeconds(ttlSeconds);
    }
}
