package io.harbormaster.sandbox.ecs;

import java.time.Instant;
import java.util.List;

/**
 * A service revision: what one deployment runs — the task definition and the load balancers as resolved for it
 * (which target group its tasks register in, which listener rule is production). ECS keeps every revision a service
 * deployment names; DescribeServiceRevisions reads them.
 */
final class ServiceRevision {

    final String id;
    final Service service;
    final TaskDefinition taskDefinition;
    /** The service's load balancers as configured for this revision. */
    final List<LoadBalancer> configured;
    /** The same attachments with the target group this revision's tasks register in. */
    final List<LoadBalancer> resolved;
    final Instant createdAt;

    ServiceRevision(String id, Service service, TaskDefinition taskDefinition, List<LoadBalancer> configured,
                    List<LoadBalancer> resolved, Instant createdAt) {
        this.id = id;
        this.service = service;
        this.taskDefinition = taskDefinition;
        this.configured = List.copyOf(configured);
        this.resolved = List.copyOf(resolved);
        this.createdAt = createdAt;
    }

    String arn() {
        return service.cluster.region.arn("service-revision/" + service.cluster.name + "/" + service.name + "/" + id);
    }
}
