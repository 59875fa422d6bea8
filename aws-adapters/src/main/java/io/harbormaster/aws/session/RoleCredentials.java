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
 *
 * <p>Expiry is judged on the issuer's clock: the skew between it and ours is measured at each renewal (the issue
 * time is the expiry minus the duration asked for), so a server whose clock runs ahead is not trusted blindly.
 */
final class RoleCredentials implements AwsCredentialsProvider {

    /** Renew this long before expiry: long enough for a slow call started just before to finish. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

    private final Supplier<AwsSessionCredentials> assume;
    private final Duration lifetime;
    private final Clock clock;
    private AwsSessionCredentials current;
    private Duration skew = Duration.ZERO;

    RoleCredentials(Supplier<AwsSessionCredentials> assume, Duration lifetime, Clock clock) {
        this.assume = assume;
        this.lifetime = lifetime;
        this.clock = clock;
        renew();
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (needsRenewal()) {
            renew();
        }
        return current;
    }

    /** When the credentials run out, on our clock. */
    synchronized Instant expiration() {
        return current.expirationTime().map(e -> e.minus(skew)).orElse(null);
    }

    /** Forces a renewal on the next call, e.g. after AWS said the token expired before we expected. */
    synchronized void invalidate() {
        current = AwsSessionCredentials.builder().accessKeyId(current.accessKeyId())
                .secretAccessKey(current.secretAccessKey()).sessionToken(current.sessionToken())
                .expirationTime(Instant.EPOCH).build();
    }

    private void renew() {
        Instant before = clock.instant();
        current = assume.get();
        skew = current.expirationTime().map(e -> Duration.between(before, e.minus(lifetime))).orElse(Duration.ZERO);
    }

    private boolean needsRenewal() {
        return current.expirationTime()
                .map(expiry -> !clock.instant().plus(skew).isBefore(expiry.minus(RENEW_AHEAD)))
                .orElse(false);
    }
}
