package io.harbormaster.sandbox.chaos;

import java.util.Arrays;
import java.util.Locale;

/** What a fault rule does to a request it picks. The names are the ones {@code --chaos} and the control API take. */
public enum FaultKind {
    /** Answered normally after {@code ms} more, with a long (Pareto) tail capped at 20 × ms. */
    LATENCY("latency"),
    /** HTTP 500 InternalFailure in the protocol's error shape. */
    INTERNAL_FAILURE("internal-failure"),
    /** HTTP 503 ServiceUnavailable in the protocol's error shape ("STS unavailable" is this on service sts). */
    SERVICE_UNAVAILABLE("unavailable"),
    /** ThrottlingException / Throttling, whatever the token buckets hold: a storm beyond the published rates. */
    THROTTLING("throttle"),
    /** The request is carried out, then the connection is closed halfway through the answer's body. */
    CONNECTION_RESET("reset"),
    /** Answered normally after {@code ms} (default 35 s: beyond the usual 30 s socket timeouts). */
    SLOW_RESPONSE("slow"),
    /** ExpiredTokenException / ExpiredToken: credentials that expired (or were revoked) mid-load. */
    EXPIRED_TOKEN("expired-token"),
    /**
     * AWS's clock is {@code seconds} away from the caller's: a request whose X-Amz-Date is more than 5 minutes off
     * gets InvalidSignatureException / SignatureDoesNotMatch ("Signature expired") with AWS's time in {@code Date}.
     */
    CLOCK_SKEW("skew"),
    /** Nothing answers: the connection is held without a byte until the rule ends or {@code ms} (default 120 s). */
    NO_ANSWER("region-down");

    private final String spec;

    FaultKind(String spec) {
        this.spec = spec;
    }

    public String spec() {
        return spec;
    }

    public static FaultKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.spec.equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + s + "'; one of "
                        + Arrays.stream(values()).map(FaultKind::spec).toList()));
    }
}
