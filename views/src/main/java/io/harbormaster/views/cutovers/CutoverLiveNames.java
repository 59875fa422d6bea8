package io.harbormaster.views.cutovers;

import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.WeightedRoute;

/** The name an operator types to confirm a cutover or a lock takeover: the record's name, or the rule's. */
record CutoverLiveNames(WeightedRoute route) {

    String nameToType() {
        return route instanceof Route53WeightedRecord rec ? rec.name() : route.displayName();
    }
}
