package io.harbormaster.model.cost;

import io.harbormaster.model.environment.EnvironmentSession;
import java.util.Optional;

/**
 * The port to AWS's public price list: the on-demand hourly price of an instance type in the session's Region
 * (Linux, shared tenancy, no pre-installed software, a running instance). Blocking; call it off the UI thread.
 */
public interface ListPrices {

    /** Empty when AWS lists no such product. */
    Optional<HostPrice> onDemand(EnvironmentSession session, String instanceType);
}
