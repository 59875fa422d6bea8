package io.harbormaster.aws.session;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** What an adapter needs to build a client for an entered environment: credentials, region, endpoint. */
public record ClientContext(AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {

    public ClientContext {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
