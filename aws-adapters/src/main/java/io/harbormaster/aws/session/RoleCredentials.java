package io.harbormaster.aws.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Temporary credentials of an assumed role, kept in memory only and renewed shortly before they expire, so calls
 * never fail for an expiry the console could have seen coming.
 */
final class RoleCredentials implements AwsCredentialsProvider {

    /** Renew this long before expiry: long enough for a slow call started just before to finish. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

    private final Supplier<AwsSessionCredentials> assume;
    private final Clock clock;
    private AwsSessionCredentials current;

    RoleCredentials(AwsSessionCredentials initial, Supplier<AwsSessionCredentials> assume, Clock clock) {
        this.current = initial;
        this.assume = assume;
        this.clock = clock;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (needsRenewal(clock.instant())) {
            current = assume.get();
        }
        return current;
    }

    synchronized Instant expiration() {
        return current.expirationTime().orElse(null);
    }

    /** Forces a renewal on the next call, e.g. after AWS said the token expired before we expected. */
    synchronized void invalidate() {
        current = AwsSessionCredentials.builder().accessKeyId(current.accessKeyId())
                .secretAccessKey(current.secretAccessKey()).sessionToken(current.sessionToken())
                .expirationTime(Instant.EPOCH).build();
    }

    private boolean needsRenewal(Instant now) {
        return current.expirationTime().map(expiry -> !now.isBefore(expiry.minus(RENEW_AHEAD))).orElse(false);
    }
}
