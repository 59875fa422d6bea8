package io.harbormaster.sandbox.route53;

import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.elb.Alb;
import io.harbormaster.sandbox.elb.Elb;
import io.harbormaster.sandbox.elb.ElbRegion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Route 53's state per account (it is a global service): hosted zones, their records, and submitted changes. A change
 * batch is validated as a whole against a working copy and applied atomically; it is PENDING for 30–60 sandbox
 * seconds, then INSYNC, and only then do resolvers (the traffic model) see it. Runs under the world lock.
 */
public final class Route53 {

    /** Changes a zone accepts while earlier ones are still PENDING; the next gets PriorRequestNotComplete. */
    static final int MAX_PENDING_PER_ZONE = 3;
    static final int MAX_WEIGHTED_PER_NAME_AND_TYPE = 100;
    static final int MAX_RECORD_ELEMENTS = 1000;
    /**
     * An alias record has no TTL of its own; one to an ELB load balancer answers with the load balancer's, 60 s
     * (Route 53 Developer Guide, "Values specific for weighted records", TTL: weighted non-alias records beside
     * alias records to ELB should use "a TTL of 60 seconds"; "Values other than 60 seconds (the TTL for load
     * balancers) will change the effect of the values that you specify for Weight").
     */
    static final long ALIAS_TO_LOAD_BALANCER_TTL = 60;
    /** A TXT value is one or more quoted character strings of at most 255 characters (RFC 1035 §3.3.14). */
    private static final java.util.regex.Pattern TXT =
            java.util.regex.Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+");
    private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** One requested change, parsed and schema-checked. */
    record Requested(String action, RecordSet record) {
    }

    private final World world;
    private final Elb elb;
    private final SplittableRandom random;
    private final Map<String, Map<String, HostedZone>> zones = new TreeMap<>();
    private final Map<String, Change> changes = new HashMap<>();
    private final List<Route53Observer> observers = new CopyOnWriteArrayList<>();

    public Route53(World world, Elb elb) {
        this.world = world;
        this.elb = elb;
        this.random = new SplittableRandom(world.seed() ^ 0x53_D115L);
    }

    public void addObserver(Route53Observer o) {
        observers.add(o);
    }

    public List<HostedZone> zones(String account) {
        return new ArrayList<>(zones.getOrDefault(account, Map.of()).values());
    }

    public HostedZone zone(String account, String id) {
        return zones.getOrDefault(account, Map.of()).get(id);
    }

    Change change(String account, String id) {
        Change c = changes.get(id);
        return c != null && c.account().equals(account) ? c : null;
    }

    String newId(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append('0');
        for (int i = 0; i < 19; i++) {
            b.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return b.toString();
    }

    HostedZone createZone(String account, String name, String comment, boolean privateZone, String vpcId) {
        String id = newId("Z");
        List<String> ns = new ArrayList<>();
        int base = random.nextInt(2000);
        ns.add("ns-" + base + ".awsdns-" + String.format("%02d", base % 64) + ".org");
        ns.add("ns-" + (base + 517) + ".awsdns-" + String.format("%02d", (base + 1) % 64) + ".co.uk");
        ns.add("ns-" + (base + 101) + ".awsdns-" + String.format("%02d", (base + 2) % 64) + ".com");
        ns.add("ns-" + (base + 900) + ".awsdns-" + String.format("%02d", (base + 3) % 64) + ".net");
        HostedZone z = new HostedZone(id, RecordSet.normalize(name), "harbormaster-" + id, comment, privateZone, vpcId,
                privateZone ? List.of("ns-0.awsdns-00.com.", "ns-512.awsdns-00.net.", "ns-1024.awsdns-00.org.",
                        "ns-1536.awsdns-00.co.uk.") : List.copyOf(ns));
        List<String> nsValues = z.nameServers.stream().map(s -> s.endsWith(".") ? s : s + ".").toList();
        put(z, new RecordSet(z.name, "NS", null, null, null, null, null, 172_800L, nsValues, null, null));
        put(z, new RecordSet(z.name, "SOA", null, null, null, null, null, 900L, List.of(nsValues.get(0)
                + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"), null, null));
        zones.computeIfAbsent(account, k -> new LinkedHashMap<>()).put(id, z);
        return z;
    }

    /** Adds a record as the fleet starts with it: already in sync. */
    void put(HostedZone z, RecordSet r) {
        z.records.put(r.key(), r);
        z.inSync = new TreeMap<>(z.records);
        z.resolved = new TreeMap<>(z.records);
    }

    /**
     * Validates a batch against a working copy of the zone and, when every change is valid, applies it at once.
     * Answers the change, PENDING; its INSYNC moment is scheduled on the sandbox clock.
     */
    Change submit(String account, HostedZone z, List<Requested> batch, String comment) {
        Instant now = world.now();
        int pending = 0;
        for (Change c : changes.values()) {
            if (c.zoneId().equals(z.id) && c.account().equals(account) && "PENDING".equals(c.status(now))) {
                pending++;
            }
        }
        if (pending >= MAX_PENDING_PER_ZONE) {
            throw new AwsException("PriorRequestNotComplete", "PriorRequestNotComplete", 400, true,
                    "The request was rejected because Route 53 was still processing a prior request.");
        }
        // "A request cannot contain more than 1,000 ResourceRecord elements. When the value of the Action element is
        // UPSERT, each ResourceRecord element is counted twice" (Route 53 quotas, ChangeResourceRecordSets).
        int elements = 0;
        for (Requested rq : batch) {
            elements += Math.max(1, rq.record().values().size()) * ("UPSERT".equals(rq.action()) ? 2 : 1);
        }
        if (elements > MAX_RECORD_ELEMENTS) {
            throw invalidBatch(List.of("Number of records limit of " + MAX_RECORD_ELEMENTS + " exceeded."));
        }
        TreeMap<RecordSet.Key, RecordSet> work = new TreeMap<>(z.records);
        List<String> problems = new ArrayList<>();
        for (Requested rq : batch) {
            String problem = apply(account, z, work, rq);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw invalidBatch(problems);
        }
        z.records = work;
        long delay = 30 + random.nextInt(31);
        Instant insync = now.plusSeconds(delay);
        if (!insync.isAfter(z.lastInsyncAt)) {
            insync = z.lastInsyncAt.plusSeconds(1);
        }
        z.lastInsyncAt = insync;
        Change c = new Change(newId("C"), account, z.id, now, insync, comment);
        changes.put(c.id(), c);
        TreeMap<RecordSet.Key, RecordSet> snapshot = new TreeMap<>(work);
        world.timeline().schedule(insync, () -> {
            Map<String, List<RecordSet>> before = byName(z.inSync);
            z.inSync = snapshot;
            Map<String, List<RecordSet>> after = byName(snapshot);
            java.util.Set<String> names = new java.util.TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String name : names) {
                List<RecordSet> was = before.getOrDefault(name, List.of());
                List<RecordSet> is = after.getOrDefault(name, List.of());
                if (!was.equals(is)) {
                    reachClients(account, z, name, is, cachedFor(was));
                }
            }
        });
        return c;
    }

    /**
     * A name's new records reach clients once the answers resolvers cached before the change have expired: the TTL
     * of those answers after INSYNC (Route 53's INSYNC "refers only to the state of Route 53's authoritative DNS
     * servers"; resolvers keep an answer for its TTL). A name's changes reach clients in order.
     */
    private void reachClients(String account, HostedZone z, String name, List<RecordSet> records, long ttlSeconds) {
        Instant at = world.now().plusSeconds(ttlSeconds);
        Instant last = z.resolvedAt.get(name);
        if (last != null && at.isBefore(last)) {
            at = last;
        }
        z.resolvedAt.put(name, at);
        Runnable apply = () -> {
            z.resolved.values().removeIf(r -> r.name().equals(name));
            records.forEach(r -> z.resolved.put(r.key(), r));
            observers.forEach(o -> o.recordsResolved(account));
        };
        if (at.isAfter(world.now())) {
            world.timeline().schedule(at, apply);
        } else {
            apply.run();
        }
    }

    /** The TTL resolvers cache answers of these records for: the longest TTL; an alias answers with its target's. */
    static long cachedFor(List<RecordSet> records) {
        long ttl = 0;
        for (RecordSet r : records) {
            ttl = Math.max(ttl, r.alias() != null ? ALIAS_TO_LOAD_BALANCER_TTL : r.ttl() == null ? 0 : r.ttl());
        }
        return ttl;
    }

    private static Map<String, List<RecordSet>> byName(Map<RecordSet.Key, RecordSet> records) {
        Map<String, List<RecordSet>> out = new HashMap<>();
        for (RecordSet r : records.values()) {
            out.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static InvalidChangeBatch invalidBatch(List<String> messages) {
        return new InvalidChangeBatch(messages);
    }

    /** AWS's InvalidChangeBatch, carrying every problem of the batch (AwsException has one message). */
    static final class InvalidChangeBatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final List<String> messages;

        InvalidChangeBatch(List<String> messages) {
            super(messages.size() == 1 ? messages.get(0) : "[" + String.join(", ", messages) + "]");
            this.messages = List.copyOf(messages);
        }
    }

    /** Applies one change to the working copy; answers why it cannot be, or null. */
    private String apply(String account, HostedZone z, TreeMap<RecordSet.Key, RecordSet> work, Requested rq) {
        RecordSet r = rq.record();
        RecordSet.Key key = r.key();
        if (!z.contains(r.name())) {
            return "RRSet with DNS name " + r.name() + " is not permitted in zone " + z.name;
        }
        RecordSet existing = work.get(key);
        switch (rq.action()) {
            case "DELETE" -> {
                if (existing == null) {
                    return "Tried to delete resource record set " + key.describe() + " but it was not found";
                }
                if (!sameValues(existing, r)) {
                    return "Tried to delete resource record set " + key.describe()
                            + " but the values provided do not match the current values";
                }
                if (r.name().equals(z.name) && (r.type().equals("SOA") || r.type().equals("NS"))) {
                    return r.type().equals("SOA") ? "A HostedZone must contain exactly one SOA record."
                            : "A HostedZone must contain at least one NS record for the zone itself.";
                }
                work.remove(key);
                return null;
            }
            case "CREATE" -> {
                if (existing != null) {
                    return "Tried to create resource record set " + key.describe() + " but it already exists";
                }
            }
            default -> {
            }
        }
        if (r.type().equals("TXT") || r.type().equals("SPF")) {
            for (String v : r.values()) {
                String problem = txtProblem(v);
                if (problem != null) {
                    return "Invalid Resource Record: 'FATAL problem: " + problem + " encountered with '" + v + "''";
                }
            }
        }
        String conflict = conflicts(z, work, r);
        if (conflict != null) {
            return conflict;
        }
        String alias = aliasProblem(account, r);
        if (alias != null) {
            return alias;
        }
        work.put(key, r);
        return null;
    }

    /** Why a TXT value is not one or more quoted strings of ≤ 255 characters each, as Route 53 says it; or null. */
    static String txtProblem(String value) {
        if (!TXT.matcher(value).matches()) {
            return "InvalidCharacterString (Value should be enclosed in quotation marks)";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(value);
        while (m.find()) {
            if (m.group(1).replaceAll("\\\\(.)", "$1").length() > 255) {
                return "CharacterStringTooLong (Value is too long)";
            }
        }
        return null;
    }

    /** DELETE must repeat every value of the set (Route 53 API Reference, ChangeResourceRecordSets). */
    private static boolean sameValues(RecordSet a, RecordSet b) {
        return java.util.Objects.equals(a.weight(), b.weight()) && java.util.Objects.equals(a.ttl(), b.ttl())
                && java.util.Objects.equals(a.healthCheckId(), b.healthCheckId())
                && new java.util.HashSet<>(a.values()).equals(new java.util.HashSet<>(b.values()))
                && (a.alias() == null ? b.alias() == null : b.alias() != null
                        && a.alias().hostedZoneId().equals(b.alias().hostedZoneId())
                        && a.alias().evaluateTargetHealth() == b.alias().evaluateTargetHealth()
                        && RecordSet.normalize(a.alias().dnsName()).equals(RecordSet.normalize(b.alias().dnsName())));
    }

    private static String conflicts(HostedZone z, TreeMap<RecordSet.Key, RecordSet> work, RecordSet r) {
        int weighted = 0;
        for (RecordSet other : work.values()) {
            if (!other.name().equals(r.name()) || other.key().equals(r.key())) {
                continue;
            }
            if (other.type().equals("CNAME") != r.type().equals("CNAME") && !r.type().equals("NS")
                    && !other.type().equals("NS") && !r.name().equals(z.name)) {
                return "RRSet of type " + r.type() + " with DNS name " + r.name() + " is not permitted as it conflicts "
                        + "with other records with the same DNS name in zone " + z.name;
            }
            if (!other.type().equals(r.type())) {
                continue;
            }
            if ((other.setIdentifier() == null) != (r.setIdentifier() == null)) {
                return "RRSet with DNS name " + r.name() + ", type " + r.type() + (r.setIdentifier() == null
                        ? " cannot be created as other RRSets exist with the same name and type."
                        : ", SetIdentifier " + r.setIdentifier() + " cannot be created as a non-weighted set exists "
                        + "with the same name and type.");
            }
            if (other.weighted() != r.weighted()) {
                return "RRSet with DNS name " + r.name() + ", type " + r.type() + " cannot mix routing policies: "
                        + "all record sets with the same name and type must use the same routing policy.";
            }
            if (other.weighted()) {
                weighted++;
            }
        }
        if (r.weighted() && weighted >= MAX_WEIGHTED_PER_NAME_AND_TYPE) {
            return "Tried to create resource record set " + r.key().describe() + " but the limit of "
                    + MAX_WEIGHTED_PER_NAME_AND_TYPE + " weighted resource record sets with the same name and type "
                    + "has been reached";
        }
        return null;
    }

    /**
     * An alias to ELB must name a load balancer that exists — in any account: a hosted zone may alias load balancers
     * another account owns (Route 53 Developer Guide, "Creating records by using the Amazon Route 53 console": "if you
     * created your hosted zone and your load balancer using different accounts", get the load balancer's DNS name).
     */
    private String aliasProblem(String account, RecordSet r) {
        if (r.alias() == null || !Alb.CANONICAL_ZONE_US_EAST_1.equals(r.alias().hostedZoneId())) {
            return null;
        }
        Alb lb = null;
        for (ElbRegion region : elb.regions()) {
            if (lb == null && region.region().equals("us-east-1")) {
                lb = region.loadBalancerByDns(r.alias().dnsName());
            }
        }
        if (lb == null) {
            return "Tried to create an alias that targets " + RecordSet.normalize(r.alias().dnsName()) + ", type "
                    + r.type() + " in zone " + r.alias().hostedZoneId() + ", but the alias target name does not lie "
                    + "within the target zone";
        }
        return null;
    }
}
