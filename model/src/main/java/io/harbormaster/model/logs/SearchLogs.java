package io.harbormaster.model.logs;

import io.harbormaster.model.environment.EnvironmentSession;

/**
 * Port: one page of FilterLogEvents over a log group. Blocking. Follow mode is repeated calls driven by
 * {@link FollowCursor}; a search is pages chained by {@link LogPage#nextToken()}.
 */
public interface SearchLogs {

    LogPage search(EnvironmentSession session, LogQuery query);
}
