package io.harbormaster.views.fleet;

/**
 * Somewhere in the fleet an operator can be sent from another page (a link, the palette). The shell hands it to the
 * first page that {@linkplain io.harbormaster.views.page.Page#accepts accepts} it, so a link never names a page.
 */
public sealed interface Destination {

    /** The cluster's row selected. */
    record Cluster(String clusterArn) implements Destination {
    }

    /** The service selected, its detail open. */
    record Service(String serviceArn) implements Destination {
    }

    /** The hosts running the service lit up. */
    record ServiceOnHosts(String serviceArn) implements Destination {
    }

    /** The host centred. */
    record Host(String hostArn) implements Destination {
    }

    /**
     * The deploy wizard for these services of one cluster (one after the other), with a revision chosen when
     * {@code taskDefinition} is not blank (rolling back to it).
     */
    record Deploy(String cluster, java.util.List<String> serviceArns, String taskDefinition) implements Destination {
        public Deploy {
            serviceArns = java.util.List.copyOf(serviceArns);
            taskDefinition = taskDefinition == null ? "" : taskDefinition;
        }
    }

    /** A repacking what-if drawn on the hosts' canvas: today's packing of its cluster and the packed one. */
    record RepackOnHosts(io.harbormaster.model.cost.repack.RepackResult result) implements Destination {
        public RepackOnHosts {
            java.util.Objects.requireNonNull(result, "result");
        }
    }

    /** The same service in another environment beside this one. */
    record CompareService(String serviceName) implements Destination {
    }
}
