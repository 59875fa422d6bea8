package io.harbormaster.model.cost.repack;

import java.util.Objects;

/**
 * What stops a better packing.
 *
 * @param service      the service that sets the floor (or cannot be placed)
 * @param hostsNeeded  the hosts it alone needs on the target type (0 when it cannot be placed at all)
 * @param reason       one sentence an operator can act on
 */
public record Blocker(Kind kind, String service, int hostsNeeded, String reason) {

    /** Why. */
    public enum Kind { STATIC_PORT, DISTINCT_INSTANCE, MEMBER_OF, TOO_LARGE, SPREAD_ZONES }

    public Blocker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(reason, "reason");
    }
}
