package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/**
 * Port: the service deployments and revisions ECS keeps (List/DescribeServiceDeployments, DescribeServiceRevisions).
 */
public interface ServiceDeployments {

    /** The service's deployments, newest first, at most {@code max} (ECS keeps 90 days). */
    List<ServiceDeploymentBrief> list(EnvironmentSession session, ServiceRef service, int max);

    /** Deployments in detail; an ARN ECS does not know is left out. At most 20 a call is the adapter's concern. */
    List<ServiceDeploymentDetail> describe(EnvironmentSession session, List<String> serviceDeploymentArns);

    /** Service revisions in detail; one ECS does not know (created before 2024-10-25) is left out. */
    List<ServiceRevisionDetail> describeRevisions(EnvironmentSession session, List<String> serviceRevisionArns);
}
