package io.harbormaster.sandbox.route53;

import java.time.Instant;

/** A submitted change batch: PENDING until its zone's servers have it, then INSYNC. */
record Change(String id, String account, String zoneId, Instant submittedAt, Instant insyncAt, String comment) {

    String status(Instant now) {
        return now.isBefore(insyncAt) ? "PENDING" : "INSYNC";
    }
}
