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
 *
 * <p>A renewal may wait for an operator (a new MFA code, asked on the UI thread), so it holds only a lock of its
 * own: reading the expiry, which the UI thread does every second, never waits for a renewal.
 */
final class RoleCredentials implements AwsCredentialsProvider {

    /** Renew this long before expiry: long enough for a slow call started just before to finish. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

    /** The credentials and the issuer's clock skew measured when they were issued, replaced as a whole. */
    private record Issued(AwsSessionCredentials credentials, Duration skew) {
    }

    private final Supplier<AwsSessionCredentials> assume;
    private final Duration lifetime;
    private final Clock clock;
    private final Object renewing = new Object();
    private volatile Issued current;

    RoleCredentials(Supplier<AwsSessionCredentials> assume, Duration lifetime, Clock clock) {
        this.assume = assume;
        this.lifetime = lifetime;
        this.clock = clock;
        this.current = issue();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        Issued now = current;
        if (!needsRenewal(now)) {
            return now.credentials();
        }
        synchronized (renewing) {
            // Whoever waited here while another thread renewed takes its result rather than renewing again.
            if (needsRenewal(current)) {
                current = issue();
            }
            return current.credentials();
        }
    }

    /** When the credentials run out, on this object's clock. Never waits, not even for a renewal under way. */
    Instant expiration() {
        Issued now = current;
        return now.credentials().expirationTime().map(e -> e.minus(now.skew())).orElse(null);
    }

    /**
     * How long the credentials have left, or null if they never run out: the same on any clock, so callers on
     * another clock than this object's (Identity Center's, on the sandbox) can show it. Never waits.
     */
    Duration left() {
        Instant at = expiration();
        return at == null ? null : Duration.between(clock.instant(), at);
    }

    /** When the credentials run out on {@code other} clock (null if never): what is left, from its now. */
    Instant expirationOn(Clock other) {
        if (other == clock) {
            return expiration();
        }
        Duration left = left();
        return left == null ? null : other.instant().plus(left);
    }

    /** Forces a renewal on the next call, e.g. after AWS said the token expired before we expected. */
    void invalidate() {
        synchronized (renewing) {
            AwsSessionCredentials c = current.credentials();
            current = new Issued(AwsSessionCredentials.builder().accessKeyId(c.accessKeyId())
                    .secretAccessKey(c.secretAccessKey()).sessionToken(c.sessionToken())
                    .expirationTime(Instant.EPOCH).build(), current.skew());
        }
    }

    private Issued issue() {
        Instant before = clock.instant();
        AwsSessionCredentials fresh = assume.get();
        // Without a known lifetime (Identity Center's permission sets set their own) the skew cannot be measured.
        Duration skew = lifetime == null ? Duration.ZERO
                : fresh.expirationTime().map(e -> Duration.between(before, e.minus(lifetime))).orElse(Duration.ZERO);
        return new Issued(fresh, skew);
    }

    private boolean needsRenewal(Issued issued) {
        return issued.credentials().expirationTime()
                .map(expiry -> !clock.instant().plus(issued.skew()).isBefore(expiry.minus(RENEW_AHEAD)))
                .orElse(false);
    }
}
