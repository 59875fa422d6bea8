package io.harbormaster.sandbox.route53;

import java.util.List;
import java.util.Locale;

/**
 * A resource record set as Route 53 stores it: a name (lower case, absolute), a type, an optional set identifier with
 * its routing policy (weighted, or echoed-only region/failover/multivalue), and either values with a TTL or an
 * alias target.
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, String region, String failover,
                        Boolean multiValueAnswer, Long ttl, List<String> values, AliasTarget alias,
                        String healthCheckId) {

    /** An alias: the hosted zone of the target (an ALB's canonical zone, or one of ours) and its DNS name. */
    public record AliasTarget(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    public RecordSet {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public Key key() {
        return new Key(name, type, setIdentifier);
    }

    public boolean weighted() {
        return weight != null;
    }

    /** Absolute, lower-case, with the trailing dot Route 53 answers with. */
    public static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    /** What identifies a record set: name, type and set identifier, ordered as ListResourceRecordSets lists them. */
    public record Key(String name, String type, String setIdentifier) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = reversed(name).compareTo(reversed(o.name));
            if (c != 0) {
                return c;
            }
            c = type.compareTo(o.type);
            if (c != 0) {
                return c;
            }
            String a = setIdentifier == null ? "" : setIdentifier;
            String b = o.setIdentifier == null ? "" : o.setIdentifier;
            return a.compareTo(b);
        }

        /** Route 53 sorts names by their labels from the right: com.example.api. */
        static String reversed(String name) {
            String[] labels = name.split("\\.");
            StringBuilder b = new StringBuilder(name.length());
            for (int i = labels.length - 1; i >= 0; i--) {
                b.append(labels[i]);
                if (i > 0) {
                    b.append('\u0001');
                }
            }
            return b.toString();
        }

        public String describe() {
            return "[name='" + name + "', type='" + type + "'"
                    + (setIdentifier == null ? "" : ", set-identifier='" + setIdentifier + "'") + "]";
        }
    }
}
