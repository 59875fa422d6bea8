package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.List;

/** Port: the clusters of an entered environment, in its session's region. Blocking. */
public interface ListClusters {

    List<Cluster> listClusters(EnvironmentSession session);
}
