package io.harbormaster.sandbox.route53;

import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.SandboxResponse;
import io.harbormaster.sandbox.core.ServiceHandler;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.core.Xml;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Route 53 over REST-XML ({@code GET /2013-04-01/hostedzone}, {@code POST /2013-04-01/hostedzone/{Id}/rrset/}, …).
 * Ids are accepted with or without their {@code /hostedzone/} or {@code /change/} prefix, as AWS does.
 */
public final class Route53Handler implements ServiceHandler {

    static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static final String PREFIX = "/2013-04-01/";
    private static final Pattern ZONE = Pattern.compile("^/2013-04-01/hostedzone/+(?:hostedzone/)?([^/]+)(/rrset/?)?$");
    private static final Pattern CHANGE = Pattern.compile("^/2013-04-01/change/+(?:change/)?([^/]+)$");
    private static final Set<String> TYPES = Set.of("SOA", "A", "TXT", "NS", "CNAME", "MX", "NAPTR", "PTR", "SRV",
            "SPF", "AAAA", "CAA", "DS", "TLSA", "SSHFP", "SVCB", "HTTPS");
    private static final int MAX_ITEMS = 300;
    /**
     * "All requests: five requests per second per AWS account. If you submit more than five requests per second,
     * Amazon Route 53 returns an HTTP 400 error (Bad request)" with Code Throttling, Message "Rate exceeded"
     * (Route 53 Developer Guide, Quotas, "Frequency of Amazon Route 53 API requests":
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html#limits-api-requests-route-53).
     * One bucket of five, refilled at five a second, for the whole account.
     */
    static final Throttler.Rate RATE = new Throttler.Rate(5, 5);

    private final World world;
    private final Edge edge;
    private final Route53 r53;

    public Route53Handler(World world, Edge edge, Route53 r53) {
        this.world = world;
        this.edge = edge;
        this.r53 = r53;
    }

    @Override
    public String name() {
        return "route53";
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        if (!r.path().startsWith(PREFIX) || r.header("x-amz-target") != null) {
            return false;
        }
        SandboxRequest.CredentialScope scope = r.credentialScope();
        return scope == null || scope.service().equals("route53");
    }

    /** One operation: its IAM name, the resource it acts on, and what it writes into its response. */
    private interface Op {
        String run(Caller caller, Xml out);
    }

    private record Routed(String action, String resource, Op op) {
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String requestId = edge.requestIds().next();
        try {
            Map<String, String> q = query(request.rawQuery());
            Routed routed = route(request, q);
            Caller caller = edge.authenticator().authenticate(request);
            edge.throttler().acquire(caller.account(), "global", "route53:api", RATE);
            Xml body = new Xml();
            String[] status = new String[1];
            world.locked(() -> {
                world.timeline().runDue(world.clock().now());
                caller.authorize("route53", routed.action(), routed.resource());
                status[0] = routed.op().run(caller, body);
            });
            String xml = "<?xml version=\"1.0\"?>\n" + body;
            return SandboxResponse.text(status[0] == null ? 200 : Integer.parseInt(status[0]), "text/xml", requestId, xml);
        } catch (Route53.InvalidChangeBatch e) {
            Xml x = new Xml().openNs("ErrorResponse", NAMESPACE).open("Error").leaf("Type", "Sender")
                    .leaf("Code", "InvalidChangeBatch").leaf("Message", e.getMessage()).open("Messages");
            e.messages.forEach(m -> x.leaf("Message", m));
            x.close("Messages").close("Error").leaf("RequestId", requestId).close("ErrorResponse");
            return SandboxResponse.text(400, "text/xml", requestId, "<?xml version=\"1.0\"?>\n" + x);
        } catch (AwsException e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            edge.logFailure(name(), e);
            return error(AwsException.internal("An internal error occurred: " + e), requestId);
        }
    }

    @Override
    public SandboxResponse error(AwsException e, String requestId) {
        Xml x = new Xml().openNs("ErrorResponse", NAMESPACE).open("Error")
                .leaf("Type", e.sender() ? "Sender" : "Receiver").leaf("Code", e.queryCode())
                .leaf("Message", e.getMessage()).close("Error").leaf("RequestId", requestId).close("ErrorResponse");
        return SandboxResponse.text(e.queryStatus(), "text/xml", requestId, "<?xml version=\"1.0\"?>\n" + x);
    }

    private Routed route(SandboxRequest r, Map<String, String> q) {
        String path = r.path();
        String method = r.method();
        if (method.equals("GET") && (path.equals(PREFIX + "hostedzone") || path.equals(PREFIX + "hostedzone/"))) {
            return new Routed("ListHostedZones", "*", (c, out) -> listHostedZones(c, q, out));
        }
        if (method.equals("GET") && path.equals(PREFIX + "hostedzonesbyname")) {
            return new Routed("ListHostedZonesByName", "*", (c, out) -> listHostedZonesByName(c, q, out));
        }
        if (method.equals("GET") && path.equals(PREFIX + "hostedzonecount")) {
            return new Routed("GetHostedZoneCount", "*", (c, out) -> {
                out.openNs("GetHostedZoneCountResponse", NAMESPACE).leaf("HostedZoneCount", r53.zones(c.account()).size())
                        .close("GetHostedZoneCountResponse");
                return null;
            });
        }
        Matcher m = ZONE.matcher(path);
        if (m.matches()) {
            String id = m.group(1);
            String arn = "arn:aws:route53:::hostedzone/" + id;
            boolean rrset = m.group(2) != null;
            if (method.equals("GET") && !rrset) {
                return new Routed("GetHostedZone", arn, (c, out) -> getHostedZone(zone(c, id), out));
            }
            if (method.equals("GET")) {
                return new Routed("ListResourceRecordSets", arn, (c, out) -> listRecordSets(zone(c, id), q, out));
            }
            if (method.equals("POST")) {
                return new Routed("ChangeResourceRecordSets", arn, (c, out) -> changeRecordSets(c, id, r.body(), out));
            }
        }
        Matcher cm = CHANGE.matcher(path);
        if (cm.matches() && method.equals("GET")) {
            String id = cm.group(1);
            return new Routed("GetChange", "arn:aws:route53:::change/" + id, (c, out) -> getChange(c, id, out));
        }
        throw new AwsException("InvalidAction", "InvalidAction", 404, true,
                "The sandbox's Route 53 does not implement " + method + " " + path);
    }

    private HostedZone zone(Caller c, String id) {
        HostedZone z = r53.zone(c.account(), id);
        if (z == null) {
            throw new AwsException("NoSuchHostedZone", "NoSuchHostedZone", 404, true, "No hosted zone found with ID: " + id);
        }
        return z;
    }

    // ---- zones -------------------------------------------------------------------------------------------------

    private String listHostedZones(Caller c, Map<String, String> q, Xml out) {
        int max = maxItems(q.get("maxitems"), 100);
        List<HostedZone> all = r53.zones(c.account());
        String type = q.get("hostedzonetype");
        if (type != null && !type.equals("PrivateHostedZone")) {
            throw invalidInput("Value '" + type + "' at 'hostedZoneType' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: [PrivateHostedZone]");
        }
        if (type != null) {
            all = all.stream().filter(HostedZone::privateZone).toList();
        }
        int from = 0;
        String marker = q.get("marker");
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(marker)) {
                    from = i;
                }
            }
            if (from < 0) {
                throw invalidInput("Invalid marker: " + marker);
            }
        }
        int to = Math.min(all.size(), from + max);
        out.openNs("ListHostedZonesResponse", NAMESPACE).open("HostedZones");
        for (HostedZone z : all.subList(from, to)) {
            zone(out, z);
        }
        out.close("HostedZones").leaf("Marker", marker == null ? "" : marker).leaf("IsTruncated", to < all.size());
        if (to < all.size()) {
            out.leaf("NextMarker", all.get(to).id);
        }
        out.leaf("MaxItems", max).close("ListHostedZonesResponse");
        return null;
    }

    private String listHostedZonesByName(Caller c, Map<String, String> q, Xml out) {
        int max = maxItems(q.get("maxitems"), 100);
        String dnsName = q.get("dnsname");
        String zoneId = q.get("hostedzoneid");
        if (zoneId != null && dnsName == null) {
            throw invalidInput("The hosted zone ID is only allowed when a DNS name is specified");
        }
        List<HostedZone> all = new ArrayList<>(r53.zones(c.account()));
        all.sort((a, b) -> {
            int k = RecordSet.Key.reversed(a.name).compareTo(RecordSet.Key.reversed(b.name));
            return k != 0 ? k : a.id.compareTo(b.id);
        });
        int from = 0;
        if (dnsName != null) {
            String start = RecordSet.Key.reversed(RecordSet.normalize(dnsName));
            while (from < all.size() && (RecordSet.Key.reversed(all.get(from).name).compareTo(start) < 0
                    || (zoneId != null && RecordSet.Key.reversed(all.get(from).name).equals(start)
                    && all.get(from).id.compareTo(zoneId) < 0))) {
                from++;
            }
        }
        int to = Math.min(all.size(), from + max);
        out.openNs("ListHostedZonesByNameResponse", NAMESPACE).open("HostedZones");
        for (HostedZone z : all.subList(from, to)) {
            zone(out, z);
        }
        out.close("HostedZones");
        if (dnsName != null) {
            out.leaf("DNSName", RecordSet.normalize(dnsName));
        }
        out.leaf("HostedZoneId", zoneId).leaf("IsTruncated", to < all.size());
        if (to < all.size()) {
            out.leaf("NextDNSName", all.get(to).name).leaf("NextHostedZoneId", all.get(to).id);
        }
        out.leaf("MaxItems", max).close("ListHostedZonesByNameResponse");
        return null;
    }

    private String getHostedZone(HostedZone z, Xml out) {
        out.openNs("GetHostedZoneResponse", NAMESPACE);
        zone(out, z);
        if (z.privateZone) {
            out.open("VPCs").open("VPC").leaf("VPCRegion", "us-east-1").leaf("VPCId", z.vpcId).close("VPC").close("VPCs");
        } else {
            out.open("DelegationSet").open("NameServers");
            z.nameServers.forEach(ns -> out.leaf("NameServer", ns));
            out.close("NameServers").close("DelegationSet");
        }
        out.close("GetHostedZoneResponse");
        return null;
    }

    private static void zone(Xml out, HostedZone z) {
        out.open("HostedZone").leaf("Id", "/hostedzone/" + z.id).leaf("Name", z.name)
                .leaf("CallerReference", z.callerReference).open("Config").leaf("Comment", z.comment)
                .leaf("PrivateZone", z.privateZone).close("Config").leaf("ResourceRecordSetCount", z.records.size())
                .close("HostedZone");
    }

    // ---- records -------------------------------------------------------------------------------------------------

    private String listRecordSets(HostedZone z, Map<String, String> q, Xml out) {
        int max = maxItems(q.get("maxitems"), MAX_ITEMS);
        String name = q.get("name");
        String type = q.get("type");
        String identifier = q.get("identifier");
        if (type != null && name == null) {
            throw invalidInput("The input is not valid: a record type requires a record name (StartRecordName)");
        }
        if (identifier != null && type == null) {
            throw invalidInput("The input is not valid: a set identifier requires a record type (StartRecordType)");
        }
        if (type != null && !TYPES.contains(type)) {
            throw invalidInput("Value '" + type + "' at 'type' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: " + TYPES);
        }
        List<RecordSet> all = new ArrayList<>(z.records.values());
        int from = 0;
        if (name != null) {
            RecordSet.Key start = new RecordSet.Key(RecordSet.normalize(name), type == null ? "" : type, identifier);
            while (from < all.size() && all.get(from).key().compareTo(start) < 0) {
                from++;
            }
        }
        int to = Math.min(all.size(), from + max);
        out.openNs("ListResourceRecordSetsResponse", NAMESPACE).open("ResourceRecordSets");
        for (RecordSet r : all.subList(from, to)) {
            record(out, r);
        }
        out.close("ResourceRecordSets").leaf("IsTruncated", to < all.size());
        if (to < all.size()) {
            RecordSet next = all.get(to);
            out.leaf("NextRecordName", next.name()).leaf("NextRecordType", next.type())
                    .leaf("NextRecordIdentifier", next.setIdentifier());
        }
        out.leaf("MaxItems", max).close("ListResourceRecordSetsResponse");
        return null;
    }

    private static void record(Xml out, RecordSet r) {
        out.open("ResourceRecordSet").leaf("Name", r.name()).leaf("Type", r.type())
                .leaf("SetIdentifier", r.setIdentifier()).leaf("Weight", r.weight()).leaf("Region", r.region())
                .leaf("Failover", r.failover()).leaf("MultiValueAnswer", r.multiValueAnswer()).leaf("TTL", r.ttl());
        if (r.alias() == null) {
            out.open("ResourceRecords");
            r.values().forEach(v -> out.open("ResourceRecord").leaf("Value", v).close("ResourceRecord"));
            out.close("ResourceRecords");
        } else {
            out.open("AliasTarget").leaf("HostedZoneId", r.alias().hostedZoneId()).leaf("DNSName", r.alias().dnsName())
                    .leaf("EvaluateTargetHealth", r.alias().evaluateTargetHealth()).close("AliasTarget");
        }
        out.leaf("HealthCheckId", r.healthCheckId()).close("ResourceRecordSet");
    }

    private String changeRecordSets(Caller c, String zoneId, byte[] body, Xml out) {
        HostedZone z = zone(c, zoneId);
        Element batch = child(parse(body).getDocumentElement(), "ChangeBatch");
        if (batch == null) {
            throw invalidInput("1 validation error detected: Value null at 'changeBatch' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        String comment = text(batch, "Comment");
        Element changes = child(batch, "Changes");
        List<Element> items = changes == null ? List.of() : children(changes, "Change");
        if (items.isEmpty()) {
            throw invalidInput("1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        List<Route53.Requested> requested = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            requested.add(change(items.get(i), i + 1));
        }
        Change change = r53.submit(c.account(), z, requested, comment);
        out.openNs("ChangeResourceRecordSetsResponse", NAMESPACE);
        changeInfo(out, change);
        out.close("ChangeResourceRecordSetsResponse");
        return null;
    }

    private Route53.Requested change(Element e, int n) {
        String at = "changeBatch.changes." + n + ".member";
        String action = text(e, "Action");
        if (action == null || !Set.of("CREATE", "DELETE", "UPSERT").contains(action)) {
            throw invalidInput("1 validation error detected: Value '" + action + "' at '" + at + ".action' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: [CREATE, DELETE, UPSERT]");
        }
        Element rr = child(e, "ResourceRecordSet");
        if (rr == null) {
            throw invalidInput("1 validation error detected: Value null at '" + at + ".resourceRecordSet' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        String name = text(rr, "Name");
        String type = text(rr, "Type");
        if (name == null || name.isBlank()) {
            throw invalidInput("1 validation error detected: Value null at '" + at + ".resourceRecordSet.name' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        if (type == null || !TYPES.contains(type)) {
            throw invalidInput("1 validation error detected: Value '" + type + "' at '" + at + ".resourceRecordSet.type' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: " + TYPES);
        }
        name = RecordSet.normalize(name);
        String setId = text(rr, "SetIdentifier");
        Long weight = number(rr, "Weight", at + ".resourceRecordSet.weight", 0, 255);
        Long ttl = number(rr, "TTL", at + ".resourceRecordSet.tTL", 0, 2_147_483_647L);
        String region = text(rr, "Region");
        String failover = text(rr, "Failover");
        String multi = text(rr, "MultiValueAnswer");
        String healthCheck = text(rr, "HealthCheckId");
        List<String> values = new ArrayList<>();
        Element records = child(rr, "ResourceRecords");
        if (records != null) {
            for (Element v : children(records, "ResourceRecord")) {
                values.add(text(v, "Value"));
            }
        }
        RecordSet.AliasTarget alias = null;
        Element a = child(rr, "AliasTarget");
        if (a != null) {
            String zone = text(a, "HostedZoneId");
            String dns = text(a, "DNSName");
            if (zone == null || dns == null) {
                throw invalidInput("Invalid request: an alias target needs a HostedZoneId and a DNSName");
            }
            alias = new RecordSet.AliasTarget(zone, RecordSet.normalize(dns), "true".equals(text(a, "EvaluateTargetHealth")));
        }
        String described = "[Action=" + action + ", Name=" + name + ", Type=" + type + ", SetIdentifier=" + setId + "]";
        boolean plain = ttl != null && records != null && !values.isEmpty();
        if ((alias == null) == !plain || (alias != null && (ttl != null || records != null))) {
            throw invalidInput("Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], "
                    + "or TrafficPolicyInstanceId], but found " + (alias == null && !plain ? "none" : "more than one")
                    + " in Change with " + described);
        }
        boolean policy = weight != null || region != null || failover != null || multi != null;
        if (policy && setId == null) {
            throw invalidInput("Invalid request: Missing field 'SetIdentifier' in Change with " + described);
        }
        if (setId != null && !policy) {
            throw invalidInput("Invalid request: Missing field 'Weight' in Change with " + described);
        }
        if (setId != null && (setId.isEmpty() || setId.length() > 128)) {
            throw invalidInput("1 validation error detected: Value '" + setId + "' at '" + at
                    + ".resourceRecordSet.setIdentifier' failed to satisfy constraint: Member must have length less "
                    + "than or equal to 128");
        }
        return new Route53.Requested(action, new RecordSet(name, type, setId, weight, region, failover,
                multi == null ? null : Boolean.valueOf(multi), ttl, values, alias, healthCheck));
    }

    private String getChange(Caller c, String id, Xml out) {
        Change change = r53.change(c.account(), id);
        if (change == null) {
            throw new AwsException("NoSuchChange", "NoSuchChange", 404, true, "Could not find resource with ID: " + id);
        }
        out.openNs("GetChangeResponse", NAMESPACE);
        changeInfo(out, change);
        out.close("GetChangeResponse");
        return null;
    }

    private void changeInfo(Xml out, Change c) {
        out.open("ChangeInfo").leaf("Id", "/change/" + c.id()).leaf("Status", c.status(world.now()))
                .leaf("SubmittedAt", DateTimeFormatter.ISO_INSTANT.format(c.submittedAt().truncatedTo(ChronoUnit.MILLIS)))
                .leaf("Comment", c.comment()).close("ChangeInfo");
    }

    // ---- parsing -------------------------------------------------------------------------------------------------

    private static int maxItems(String v, int dflt) {
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw invalidInput("Value '" + v + "' at 'maxItems' failed to satisfy constraint: Member must be positive");
            }
            return Math.min(n, dflt);
        } catch (NumberFormatException e) {
            throw invalidInput("Value '" + v + "' at 'maxItems' failed to satisfy constraint: Member must be a number");
        }
    }

    private static Long number(Element parent, String name, String at, long min, long max) {
        String v = text(parent, name);
        if (v == null) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw invalidInput("Invalid XML ; '" + v + "' is not a valid value for '" + name + "'");
        }
        if (n < min || n > max) {
            throw invalidInput("1 validation error detected: Value '" + n + "' at '" + at + "' failed to satisfy "
                    + "constraint: Member must have value " + (n < min ? "greater than or equal to " + min
                    : "less than or equal to " + max));
        }
        return n;
    }

    static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", message);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalidInput("The query string is not properly encoded: " + k);
            }
        }
        return out;
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AwsException("InvalidInput", "Invalid XML ; " + e.getMessage());
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(local(e))) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(local(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
