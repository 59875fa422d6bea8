package io.harbormaster.aws.route53;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.model.concurrent.Pause;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.CutoverLock;
import io.harbormaster.model.cutover.LockHolder;
import io.harbormaster.model.cutover.LockOutcome;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.PriorRequestNotCompleteException;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * The cutover lock as a Route 53 TXT record both consoles can see: {@code _harbormaster-lock.<record name>} in the
 * record's own hosted zone, or for an ALB rule {@code _harbormaster-lock-<hash of the rule>.<zone>} in the first
 * hosted zone (by name) of the load balancer's environment. CREATE fails if the record exists, and a change batch is
 * atomic, so of two consoles taking it at once exactly one wins; taking over a stale lock is one batch of DELETE
 * (which must repeat the old value exactly, so it fails if someone else took it meanwhile) and CREATE.
 *
 * <p>The value is a few quoted strings: {@code "harbormaster-lock" "who=…" "since=…" "cutover=…" "machine=…"}.
 */
public final class Route53CutoverLock implements CutoverLock {

    static final String PREFIX = "_harbormaster-lock";
    private static final long TTL = 60;
    private static final Pattern FIELD = Pattern.compile("\"([a-z]+)=((?:[^\"\\\\]|\\\\.)*)\"");

    /** The first wait after PriorRequestNotComplete; each next one doubles, to {@link #LONGEST_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** How long a release waits in all for the zone's pending changes: Route 53 propagates within 60 s as a rule. */
    static final Duration RELEASE_PATIENCE = Duration.ofMinutes(2);
    /** Record sets a ListResourceRecordSets page holds at most. */
    private static final long ZONE_PAGE = 300;

    private final Route53Weights route53;
    /** Waits between a refused release and the next try; tests run a sandbox's clock instead. */
    private final Pause sleeper;

    public Route53CutoverLock(Route53Weights route53) {
        this(route53, Pause.SLEEP);
    }

    public Route53CutoverLock(Route53Weights route53, Pause sleeper) {
        this.route53 = route53;
        this.sleeper = sleeper;
    }

    /** Where the lock lives: the hosted zone and the record name. */
    record Place(String zoneId, String name) {
        String describe() {
            return "TXT " + name + " in zone " + zoneId;
        }
    }

    @Override
    public LockOutcome acquire(EnvironmentSession session, WeightedRoute route, LockHolder me) {
        Route53Client r53 = route53.client(session);
        Place place = place(r53, session, route);
        try {
            change(r53, place, List.of(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(set(place, me))
                    .build()));
            return new LockOutcome.Acquired(me, place.describe());
        } catch (InvalidChangeBatchException e) {
            Optional<LockHolder> holder = read(r53, place).map(LockValue::holder);
            if (holder.isEmpty()) {
                return acquireAgain(r53, place, me);
            }
            return new LockOutcome.HeldBy(holder.get(), place.describe());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "taking the cutover lock " + place.describe());
        }
    }

    private LockOutcome acquireAgain(Route53Client r53, Place place, LockHolder me) {
        try {
            change(r53, place, List.of(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(set(place, me))
                    .build()));
            return new LockOutcome.Acquired(me, place.describe());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "taking the cutover lock " + place.describe());
        }
    }

    @Override
    public Optional<LockHolder> holder(EnvironmentSession session, WeightedRoute route) {
        Route53Client r53 = route53.client(session);
        return read(r53, place(r53, session, route)).map(LockValue::holder);
    }

    /**
     * The locks of a list of routes in as few calls as Route 53 allows (five a second for the whole account): the
     * zones listed once (an ALB forward's lock lives in the environment's first zone), then per zone either its
     * locks read one by one or the zone listed whole, whichever takes fewer calls (a page holds 300 record sets).
     * Prod's three weighted records took three reads; forty would have taken forty, eight seconds of the account's
     * quota for one look at the Cutovers page.
     */
    @Override
    public List<Optional<LockHolder>> holders(EnvironmentSession session, List<? extends WeightedRoute> routes) {
        if (routes.size() < 2) {
            return CutoverLock.super.holders(session, routes);
        }
        Route53Client r53 = route53.client(session);
        List<HostedZone> zones = zones(r53, session);
        List<Place> places = routes.stream().map(r -> place(session, r, () -> zones)).toList();
        Map<String, List<Place>> byZone = new LinkedHashMap<>();
        places.forEach(p -> byZone.computeIfAbsent(p.zoneId(), k -> new ArrayList<>()).add(p));
        Map<String, LockHolder> found = new HashMap<>();
        byZone.forEach((zoneId, inZone) -> {
            // a zone whose size is not known is read a lock at a time
            long sets = zones.stream().filter(z -> Route53Weights.bareId(z.id()).equals(zoneId)).findFirst()
                    .map(HostedZone::resourceRecordSetCount).orElse(Long.MAX_VALUE);
            long pages = Math.max(1, sets / ZONE_PAGE + (sets % ZONE_PAGE == 0 ? 0 : 1));
            if (pages < inZone.size()) {
                found.putAll(locksIn(r53, zoneId));
            } else {
                inZone.forEach(p -> read(r53, p).ifPresent(v -> found.put(key(p.name()), v.holder())));
            }
        });
        return places.stream().map(p -> Optional.ofNullable(found.get(key(p.name())))).toList();
    }

    private static String key(String name) {
        return Route53Weights.withDot(name).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every lock in a zone, by its record's name: the zone listed whole. */
    private static Map<String, LockHolder> locksIn(Route53Client r53, String zoneId) {
        Map<String, LockHolder> out = new HashMap<>();
        try {
            for (ResourceRecordSet s : r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId))
                    .resourceRecordSets()) {
                if (s.type() == RRType.TXT && s.name().startsWith(PREFIX) && !s.resourceRecords().isEmpty()) {
                    out.put(key(s.name()), parse(s.resourceRecords().get(0).value()));
                }
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the cutover locks in zone " + zoneId);
        }
    }

    @Override
    public LockOutcome takeOver(EnvironmentSession session, WeightedRoute route, LockHolder stale, LockHolder me) {
        Route53Client r53 = route53.client(session);
        Place place = place(r53, session, route);
        Optional<LockValue> current = read(r53, place);
        if (current.isEmpty()) {
            return acquire(session, route, me);
        }
        if (!current.get().holder().equals(stale)) {
            return new LockOutcome.HeldBy(current.get().holder(), place.describe());
        }
        try {
            change(r53, place, List.of(
                    Change.builder().action(ChangeAction.DELETE).resourceRecordSet(current.get().set()).build(),
                    Change.builder().action(ChangeAction.CREATE).resourceRecordSet(set(place, me)).build()));
            return new LockOutcome.Acquired(me, place.describe());
        } catch (InvalidChangeBatchException e) {
            LockHolder now = read(r53, place).map(LockValue::holder).orElse(stale);
            return new LockOutcome.HeldBy(now, place.describe());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "taking over the cutover lock " + place.describe());
        }
    }

    @Override
    public void release(EnvironmentSession session, WeightedRoute route, LockHolder me) {
        Route53Client r53 = route53.client(session);
        Place place = place(r53, session, route);
        Optional<LockValue> current = read(r53, place);
        if (current.isEmpty() || !current.get().holder().cutoverId().equals(me.cutoverId())) {
            return;
        }
        String doing = "releasing the cutover lock " + place.describe();
        Duration wait = FIRST_WAIT;
        Duration waited = Duration.ZERO;
        while (true) {
            try {
                change(r53, place, List.of(Change.builder().action(ChangeAction.DELETE)
                        .resourceRecordSet(current.get().set()).build()));
                return;
            } catch (InvalidChangeBatchException e) {
                return;   // changed or gone meanwhile: not ours to delete any more
            } catch (PriorRequestNotCompleteException busy) {
                // The zone still propagates earlier changes (the cutover's last step, as a rule): nothing was
                // changed, so waiting and sending the same DELETE again is safe — giving up would leave the lock
                // held for the next cutover to take over as stale.
                if (waited.compareTo(RELEASE_PATIENCE) >= 0) {
                    throw AwsErrors.translate(busy, doing + " (the zone's earlier changes were still pending after "
                            + waited.toSeconds() + " s)");
                }
                pause(wait, busy, doing);
                waited = waited.plus(wait);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            } catch (SdkException e) {
                throw AwsErrors.translate(e, doing);
            }
        }
    }

    private void pause(Duration wait, PriorRequestNotCompleteException busy, String doing) {
        try {
            sleeper.pause(wait);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw AwsErrors.translate(busy, doing + " (interrupted while waiting for the zone)");
        }
    }

    private static void change(Route53Client r53, Place place, List<Change> changes) {
        r53.changeResourceRecordSets(b -> b.hostedZoneId(place.zoneId()).changeBatch(c -> c
                .comment("Harbormaster cutover lock").changes(changes)));
    }

    /** A lock as found: who holds it and the exact set (a DELETE must repeat it). */
    record LockValue(LockHolder holder, ResourceRecordSet set) {
    }

    private static Optional<LockValue> read(Route53Client r53, Place place) {
        try {
            for (ResourceRecordSet s : r53.listResourceRecordSets(b -> b.hostedZoneId(place.zoneId())
                    .startRecordName(place.name()).startRecordType(RRType.TXT).maxItems("1")).resourceRecordSets()) {
                if (Route53Weights.sameName(s.name(), place.name()) && s.type() == RRType.TXT
                        && !s.resourceRecords().isEmpty()) {
                    return Optional.of(new LockValue(parse(s.resourceRecords().get(0).value()), s));
                }
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the cutover lock " + place.describe());
        }
    }

    private static ResourceRecordSet set(Place place, LockHolder me) {
        return ResourceRecordSet.builder().name(place.name()).type(RRType.TXT).ttl(TTL)
                .resourceRecords(r -> r.value(format(me))).build();
    }

    /** The TXT value: quoted strings of ≤ 255 characters each, as Route 53 requires. */
    static String format(LockHolder h) {
        List<String> parts = new ArrayList<>();
        parts.add("\"harbormaster-lock\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("who", h.who());
        fields.put("since", h.since().toString());
        fields.put("cutover", h.cutoverId());
        fields.put("machine", h.machine());
        fields.forEach((k, v) -> {
            String text = k + "=" + v.replace("\\", "\\\\").replace("\"", "\\\"");
            parts.add("\"" + (text.length() > 250 ? text.substring(0, 250) : text) + "\"");
        });
        return String.join(" ", parts);
    }

    static LockHolder parse(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(value);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        try {
            return new LockHolder(fields.getOrDefault("who", "unknown"), Instant.parse(fields.getOrDefault("since",
                    Instant.EPOCH.toString())), fields.getOrDefault("cutover", "unknown"), fields.get("machine"));
        } catch (RuntimeException e) {
            return new LockHolder("unreadable lock", Instant.EPOCH, "unknown", value.length() > 80
                    ? value.substring(0, 80) : value);
        }
    }

    private Place place(Route53Client r53, EnvironmentSession session, WeightedRoute route) {
        return place(session, route, () -> zones(r53, session));
    }

    /** Where a route's lock lives; an ALB forward's in the environment's first zone, from {@code zones}. */
    private static Place place(EnvironmentSession session, WeightedRoute route, Supplier<List<HostedZone>> zones) {
        if (route instanceof Route53WeightedRecord r) {
            return new Place(r.hostedZoneId(), PREFIX + "." + Route53Weights.withDot(r.name()));
        }
        AlbWeightedForward alb = (AlbWeightedForward) route;
        Optional<HostedZone> zone = zones.get().stream()
                .min(Comparator.comparing((HostedZone z) -> Boolean.TRUE.equals(z.config() == null ? null
                        : z.config().privateZone())).thenComparing(HostedZone::name));
        if (zone.isEmpty()) {
            throw new OperatorException(new Problem(Problem.Kind.CONFIGURATION, "No place for the cutover lock",
                    session.environment().displayName() + " has no Route 53 hosted zone, where the lock between"
                            + " operators of " + alb.displayName() + " would live.",
                    "Create a (private) hosted zone in the environment, or cut over through Route 53.", ""));
        }
        return new Place(Route53Weights.bareId(zone.get().id()), PREFIX + "-" + hash(alb.resource()) + "."
                + zone.get().name());
    }

    private static List<HostedZone> zones(Route53Client r53, EnvironmentSession session) {
        try {
            return List.copyOf(r53.listHostedZonesPaginator(b -> { }).hostedZones().stream().toList());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing the hosted zones for the cutover locks in "
                    + session.environment().displayName());
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
