package io.harbormaster.model.fleet;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.OptionalInt;

/** Port: a service's desired count as AWS holds it now (DescribeServices), to read a scale back. Blocking. */
public interface ReadDesiredCount {

    /** @return empty when the service is gone */
    OptionalInt desiredCount(EnvironmentSession session, String cluster, String service);
}
