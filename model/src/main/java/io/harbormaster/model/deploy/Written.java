package io.harbormaster.model.deploy;

import java.util.Objects;

/** What an AWS write answered, with the request id the journal records. */
public record Written<T>(T result, String requestId) {

    public Written {
        Objects.requireNonNull(result, "result");
        requestId = requestId == null ? "" : requestId;
    }
}
