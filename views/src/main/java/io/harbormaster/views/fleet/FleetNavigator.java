package io.harbormaster.views.fleet;

/** Where fleet pages send the operator: implemented by the shell, which hands each destination to a page. */
@FunctionalInterface
public interface FleetNavigator {

    void go(Destination destination);

    /** The page that lists services, with this one selected. */
    default void showService(String serviceArn) {
        go(new Destination.Service(serviceArn));
    }

    /** The page that draws hosts, with this service's hosts lit up. */
    default void showServiceOnHosts(String serviceArn) {
        go(new Destination.ServiceOnHosts(serviceArn));
    }

    /** The page that draws hosts, centred on this one. */
    default void showHost(String hostArn) {
        go(new Destination.Host(hostArn));
    }

    /** The page that lists clusters, with this one selected. */
    default void showCluster(String clusterArn) {
        go(new Destination.Cluster(clusterArn));
    }

    /** The compare page with this service picked. */
    default void compareService(String serviceName) {
        go(new Destination.CompareService(serviceName));
    }

    FleetNavigator NONE = destination -> { };
}
