package io.harbormaster.aws.route53;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.write.ReadBackWrite;
import io.harbormaster.model.cutover.ReadBack;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.TrafficKind;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.cutover.WriteOutcome;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53 weighted records: found by listing every hosted zone's record sets (SDK paginators), written as one
 * atomic batch of UPSERTs — each set exactly as found with only its Weight changed, so aliases, TTLs, values and
 * health checks stay — and read back with GetChange, then the sets listed again and compared.
 */
public final class Route53Weights {

    /** Route 53 answers for an alias to a load balancer with the load balancer's TTL, 60 s. */
    static final long ALIAS_TTL = 60;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public Route53Weights(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    Route53Client client(EnvironmentSession session) {
        return clients.route53(sessions.context(session), session.identity().account());
    }

    /** Every name/type with two or more weighted sets, in every hosted zone the session can list. */
    public List<Route53WeightedRecord> find(EnvironmentSession session) {
        String doing = "listing Route 53 weighted records in " + session.environment().displayName();
        try {
            Route53Client r53 = client(session);
            List<Route53WeightedRecord> out = new ArrayList<>();
            for (HostedZone zone : r53.listHostedZonesPaginator(b -> { }).hostedZones()) {
                String zoneId = bareId(zone.id());
                Map<String, List<ResourceRecordSet>> byNameType = new LinkedHashMap<>();
                for (ResourceRecordSet set : r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId))
                        .resourceRecordSets()) {
                    if (set.weight() != null && set.setIdentifier() != null) {
                        byNameType.computeIfAbsent(set.name() + " " + set.typeAsString(), k -> new ArrayList<>())
                                .add(set);
                    }
                }
                for (List<ResourceRecordSet> sets : byNameType.values()) {
                    if (sets.size() >= 2) {
                        out.add(record(session.environment().id(), zoneId, zone.name(), sets));
                    }
                }
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    static Route53WeightedRecord record(String environmentId, String zoneId, String zoneName,
            List<ResourceRecordSet> sets) {
        ResourceRecordSet first = sets.get(0);
        boolean alias = sets.stream().anyMatch(s -> s.aliasTarget() != null);
        long ttl = sets.stream().filter(s -> s.ttl() != null).mapToLong(ResourceRecordSet::ttl).max()
                .orElse(ALIAS_TTL);
        List<WeightedTarget> targets = sets.stream().map(s -> new WeightedTarget(s.setIdentifier(),
                s.setIdentifier(), pointsTo(s), s.weight().intValue())).toList();
        return new Route53WeightedRecord(environmentId, zoneId, zoneName, first.name(), first.typeAsString(),
                alias ? Math.max(ttl, ALIAS_TTL) : ttl, alias, targets);
    }

    private static String pointsTo(ResourceRecordSet s) {
        if (s.aliasTarget() != null) {
            return s.aliasTarget().dnsName();
        }
        return s.resourceRecords().stream().map(ResourceRecord::value).collect(Collectors.joining(" "));
    }

    /** One batch of UPSERTs of the sets whose weight changes; Route 53 applies all of it or none. */
    public WriteOutcome write(EnvironmentSession session, Route53WeightedRecord route, Weights weights) {
        String doing = "setting the weights of " + route.displayName() + " in " + session.environment()
                .displayName();
        try {
            Route53Client r53 = client(session);
            List<Change> changes = new ArrayList<>();
            for (ResourceRecordSet set : sets(r53, route)) {
                Integer wanted = weights.byTarget().get(set.setIdentifier());
                if (wanted != null && wanted.longValue() != set.weight()) {
                    changes.add(Change.builder().action(ChangeAction.UPSERT)
                            .resourceRecordSet(set.toBuilder().weight(wanted.longValue()).build()).build());
                }
            }
            if (changes.isEmpty()) {
                return new WriteOutcome.Accepted("", "");
            }
            return ReadBackWrite.send("ChangeResourceRecordSets of " + route.displayName(), () -> {
                ChangeResourceRecordSetsResponse r = r53.changeResourceRecordSets(b -> b
                        .hostedZoneId(route.hostedZoneId())
                        .changeBatch(c -> c.comment("Harbormaster cutover: " + weights.encode()).changes(changes))
                        .overrideConfiguration(ReadBackWrite::retryOnlyThrottling));
                return (WriteOutcome) new WriteOutcome.Accepted(bareId(r.changeInfo().id()),
                        r.responseMetadata().requestId());
            }, () -> asWritten(r53, route, weights));
        } catch (SdkException e) {
            if (AwsErrors.isBusy(e)) {
                return new WriteOutcome.Busy(AwsErrors.code(e), e.getMessage());
            }
            throw AwsErrors.translate(e, doing);
        }
    }

    /** Accepted with no change id (the read-back then compares the live sets) when every set has its weight. */
    private static Optional<WriteOutcome> asWritten(Route53Client r53, Route53WeightedRecord route, Weights weights) {
        boolean applied = sets(r53, route).stream().allMatch(s -> {
            Integer wanted = weights.byTarget().get(s.setIdentifier());
            return wanted == null || wanted.longValue() == s.weight();
        });
        return applied ? Optional.of(new WriteOutcome.Accepted("", "")) : Optional.empty();
    }

    /** GetChange until INSYNC (one call per read back); then the live weights compared with {@code expected}. */
    public ReadBack readBack(EnvironmentSession session, Route53WeightedRecord route, Weights expected,
            String changeId) {
        String doing = "reading back the weights of " + route.displayName();
        try {
            String change = "";
            if (!changeId.isBlank()) {
                ChangeInfo info = client(session).getChange(b -> b.id(changeId)).changeInfo();
                if (info.status() != ChangeStatus.INSYNC) {
                    return new ReadBack(ReadBack.State.PENDING, null, "GetChange " + changeId + " "
                            + info.statusAsString() + " (submitted " + info.submittedAt() + ")");
                }
                change = "GetChange " + changeId + " INSYNC; ";
            } else {
                change = "change id unknown (lost in a restart): live sets compared only; ";
            }
            Weights live = live(session, route);
            boolean same = live.sameAs(expected);
            return new ReadBack(same ? ReadBack.State.CONFIRMED : ReadBack.State.MISMATCH, live, change + "live "
                    + live.describe() + (same ? " as written" : ", written " + expected.describe()));
        } catch (SdkException e) {
            if (AwsErrors.isBusy(e)) {
                return new ReadBack(ReadBack.State.BUSY, null, AwsErrors.code(e));
            }
            throw AwsErrors.translate(e, doing);
        }
    }

    /** The weights of the record's sets now, in the route's order; sets added since are included. */
    public Weights live(EnvironmentSession session, Route53WeightedRecord route) {
        try {
            Map<String, Integer> found = new LinkedHashMap<>();
            List<ResourceRecordSet> sets = sets(client(session), route);
            route.targets().forEach(t -> sets.stream().filter(s -> t.id().equals(s.setIdentifier())).findFirst()
                    .ifPresent(s -> found.put(t.id(), s.weight().intValue())));
            sets.forEach(s -> found.putIfAbsent(s.setIdentifier(), s.weight().intValue()));
            if (found.isEmpty()) {
                throw new OperatorException(new Problem(Problem.Kind.NOT_FOUND, "Weighted record gone",
                        route.displayName() + " has no weighted sets any more in zone " + route.hostedZoneId(),
                        "Someone deleted or changed the record; look at it in Route 53 before going on.", ""));
            }
            return new Weights(TrafficKind.ROUTE53, found);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the weights of " + route.displayName());
        }
    }

    /** The record's weighted sets, read from the name on (ListResourceRecordSets sorts by name, then type). */
    static List<ResourceRecordSet> sets(Route53Client r53, Route53WeightedRecord route) {
        List<ResourceRecordSet> out = new ArrayList<>();
        for (ResourceRecordSet s : r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(route.hostedZoneId())
                .startRecordName(route.name()).startRecordType(route.type())).resourceRecordSets()) {
            if (!sameName(s.name(), route.name()) || !s.typeAsString().equals(route.type())) {
                break;
            }
            if (s.weight() != null && s.setIdentifier() != null) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean sameName(String a, String b) {
        return withDot(a).equalsIgnoreCase(withDot(b));
    }

    static String withDot(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    /** "Z0ABC" from "/hostedzone/Z0ABC", "C0ABC" from "/change/C0ABC". */
    static String bareId(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
