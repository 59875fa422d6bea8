package io.harbormaster.model.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A service revision (DescribeServiceRevisions): the task definition and images a deployment rolled out.
 *
 * @param productionTargetGroups target groups serving production for this revision (resolved configuration)
 */
public record ServiceRevisionDetail(String arn, String serviceArn, String taskDefinitionArn, Instant createdAt,
                                    List<String> images, List<String> productionTargetGroups) {

    public ServiceRevisionDetail {
        Objects.requireNonNull(arn, "arn");
        serviceArn = serviceArn == null ? "" : serviceArn;
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        images = List.copyOf(images);
        productionTargetGroups = List.copyOf(productionTargetGroups);
    }
}
