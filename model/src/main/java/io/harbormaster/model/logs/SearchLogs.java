package io.harbormaster.model.logs;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/**
 * Port: one page of FilterLogEvents over a log group. Blocking. Follow mode is repeated calls driven by
 * {@link FollowCursor}; a search is pages chained by {@link LogPage#nextToken()}. Which group a service logs to
 * is its task definition's to say ({@link #destinations}), never a naming habit.
 */
public interface SearchLogs {

    LogPage search(EnvironmentSession session, LogQuery query);

    /**
     * Where each container of a task definition revision sends its logs (DescribeTaskDefinition; revisions never
     * change, so an adapter may keep the answer).
     *
     * @param taskDefinitionArn a revision's ARN
     * @throws io.harbormaster.model.error.OperatorException when it cannot be read
     */
    List<ContainerLogs> destinations(EnvironmentSession session, String taskDefinitionArn);
}
