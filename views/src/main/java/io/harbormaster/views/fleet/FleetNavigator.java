package io.harbormaster.views.fleet;

/** Where fleet pages send the operator: implemented by the shell, which owns the pages. */
public interface FleetNavigator {

    /** The Services page with this service selected. */
    void showService(String serviceArn);

    /** The Hosts page with this service's hosts lit up. */
    void showServiceOnHosts(String serviceArn);

    /** The Hosts page centred on this host. */
    void showHost(String hostArn);

    /** The Clusters page with this cluster selected. */
    void showCluster(String clusterArn);

    /** The compare page with this service picked. */
    void compareService(String serviceName);

    FleetNavigator NONE = new FleetNavigator() {
        @Override
        public void showService(String serviceArn) {
        }

        @Override
        public void showServiceOnHosts(String serviceArn) {
        }

        @Override
        public void showHost(String hostArn) {
        }

        @Override
        public void showCluster(String clusterArn) {
        }

        @Override
        public void compareService(String serviceName) {
        }
    };
}
