package io.harbormaster.model.fleet;

import java.util.List;
import java.util.Map;

/**
 * Hears about a load while it runs. Called from the loader's worker threads, possibly several at once: hop to the
 * UI thread before touching anything on screen, and return quickly.
 */
public interface FleetLoadListener {

    FleetLoadListener NONE = new FleetLoadListener() {
    };

    default void progress(FleetProgress progress) {
    }

    /**
     * The clusters a full load will go through, once they are described and before any of their services: a
     * cluster left out here no longer exists.
     */
    default void clustersFound(List<Cluster> clusters) {
    }

    /**
     * Every service ARN of one cluster, as soon as its ListServices pages are in and before any of them is
     * described: enough to show each service by name and cluster (see {@link Arns}). Called once per cluster whose
     * services could be listed (a refresh calls it for a cluster it has not seen before).
     */
    default void servicesListed(Cluster cluster, List<String> serviceArns) {
    }

    /**
     * One DescribeServices batch (at most 10 services) of a cluster, as it arrives; batches arrive in any order. A
     * service gone since it was listed is missing from its batch.
     */
    default void servicesDescribed(Cluster cluster, List<Service> services) {
    }

    /**
     * Every service of every cluster has been described, before hosts and tasks are complete: enough for a
     * Services table to show. Called at most once per full load, never by a refresh. Clusters whose services failed
     * are left out here; the final snapshot says why.
     *
     * @param taskDefinitions by ARN, those already described (image tags may be missing for the rest until the
     *                        snapshot arrives)
     */
    default void servicesReady(List<Cluster> clusters, List<Service> services,
            Map<String, TaskDefinition> taskDefinitions) {
    }

    /**
     * A task definition of the services, described after {@link #servicesReady} (a large fleet's take a while behind
     * its tasks): its images' tags for the Services table. At most once per definition per full load.
     */
    default void taskDefinitionDescribed(TaskDefinition definition) {
    }

    /**
     * One DescribeContainerInstances batch (at most 100 hosts) of a full load's cluster, as it arrives: each host's
     * registered and remaining CPU, memory and ports, enough to draw it before any of its tasks is described.
     */
    default void hostsDescribed(Cluster cluster, List<Host> hosts) {
    }

    /** One DescribeTasks batch (at most 100 tasks) of a full load's cluster, as it arrives, in any order. */
    default void tasksDescribed(Cluster cluster, List<Task> tasks) {
    }

    /** This listener, then {@code other}, hear everything. */
    default FleetLoadListener and(FleetLoadListener other) {
        FleetLoadListener first = this;
        return new FleetLoadListener() {
            @Override
            public void progress(FleetProgress progress) {
                first.progress(progress);
                other.progress(progress);
            }

            @Override
            public void clustersFound(List<Cluster> clusters) {
                first.clustersFound(clusters);
                other.clustersFound(clusters);
            }

            @Override
            public void servicesListed(Cluster cluster, List<String> serviceArns) {
                first.servicesListed(cluster, serviceArns);
                other.servicesListed(cluster, serviceArns);
            }

            @Override
            public void servicesDescribed(Cluster cluster, List<Service> services) {
                first.servicesDescribed(cluster, services);
                other.servicesDescribed(cluster, services);
            }

            @Override
            public void servicesReady(List<Cluster> clusters, List<Service> services,
                    Map<String, TaskDefinition> taskDefinitions) {
                first.servicesReady(clusters, services, taskDefinitions);
                other.servicesReady(clusters, services, taskDefinitions);
            }

            @Override
            public void taskDefinitionDescribed(TaskDefinition definition) {
                first.taskDefinitionDescribed(definition);
                other.taskDefinitionDescribed(definition);
            }

            @Override
            public void hostsDescribed(Cluster cluster, List<Host> hosts) {
                first.hostsDescribed(cluster, hosts);
                other.hostsDescribed(cluster, hosts);
            }

            @Override
            public void tasksDescribed(Cluster cluster, List<Task> tasks) {
                first.tasksDescribed(cluster, tasks);
                other.tasksDescribed(cluster, tasks);
            }
        };
    }
}
