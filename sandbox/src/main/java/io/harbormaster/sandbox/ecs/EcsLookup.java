package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AwsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves the names and ARNs clients pass into the caller's own resources; other accounts' ARNs resolve to nothing. */
final class EcsLookup {

    private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:ecs:([\\w-]+):(\\d{12}):(.+)");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private EcsLookup() {
    }

    static AwsException clusterNotFound() {
        return new AwsException("ClusterNotFoundException", "Cluster not found.");
    }

    static AwsException serviceNotFound() {
        return new AwsException("ServiceNotFoundException", "Service not found.");
    }

    static AwsException invalid(String message) {
        return new AwsException("InvalidParameterException", message);
    }

    /** The cluster a request names (default "default"); ClusterNotFoundException when it has none such. */
    static Cluster cluster(EcsRegion region, String nameOrArn) {
        String name = clusterName(region, nameOrArn == null ? "default" : nameOrArn);
        Cluster c = name == null ? null : region.clusters.get(name);
        if (c == null || "INACTIVE".equals(c.status)) {
            throw clusterNotFound();
        }
        return c;
    }

    /** The cluster name in a name or ARN, or null for another account's or region's ARN. */
    static String clusterName(EcsRegion region, String nameOrArn) {
        String resource = resource(region, nameOrArn);
        if (resource == null) {
            return null;
        }
        if (resource.startsWith("cluster/")) {
            return resource.substring("cluster/".length());
        }
        if (nameOrArn.startsWith("arn:")) {
            return null;
        }
        if (!CLUSTER_NAME.matcher(nameOrArn).matches()) {
            throw invalid("Cluster must match ^[a-zA-Z0-9\\-_]{1,255}$, but was " + nameOrArn);
        }
        return nameOrArn;
    }

    /** The resource part of an ARN of this account and region, the input itself for a bare name, null otherwise. */
    static String resource(EcsRegion region, String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        Matcher m = ARN.matcher(nameOrArn);
        if (!m.matches() || !m.group(1).equals(region.region) || !m.group(2).equals(region.account)) {
            return null;
        }
        return m.group(3);
    }

    /** The last path segment of an id or an ARN of the expected kind in this account, or null. */
    static String id(EcsRegion region, String idOrArn, String kind, Cluster cluster) {
        String r = resource(region, idOrArn);
        if (r == null) {
            return null;
        }
        if (!idOrArn.startsWith("arn:")) {
            return r;
        }
        if (!r.startsWith(kind + "/")) {
            return null;
        }
        String rest = r.substring(kind.length() + 1);
        int slash = rest.lastIndexOf('/');
        if (slash >= 0 && !rest.substring(0, slash).equals(cluster.name)) {
            return null;
        }
        return rest.substring(slash + 1);
    }

    static Service service(EcsRegion region, Cluster cluster, String nameOrArn) {
        String name = id(region, nameOrArn, "service", cluster);
        return name == null ? null : cluster.services.get(name);
    }

    /** "family", "family:revision" or a task-definition ARN; null when there is no such revision. */
    static TaskDefinition taskDefinition(EcsRegion region, String ref) {
        String r = resource(region, ref);
        if (r == null) {
            return null;
        }
        if (ref.startsWith("arn:")) {
            if (!r.startsWith("task-definition/")) {
                return null;
            }
            r = r.substring("task-definition/".length());
        }
        int colon = r.lastIndexOf(':');
        if (colon < 0) {
            return region.latest(r);
        }
        try {
            return region.taskDefinition(r.substring(0, colon), Integer.parseInt(r.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
