package io.harbormaster.aws.session;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs AWS calls so that an expired session is renewed without the operator noticing: when AWS says the token
 * expired (our clock and AWS's disagreed, or the session was revoked early), the credentials are dropped and the
 * work runs once more with fresh ones. The SDK cannot do this itself: it resolves credentials once per call, not
 * per retry (aws-sdk-java-v2#3408).
 */
public final class Renewal {

    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired");

    private Renewal() {
    }

    public static <T> T call(ClientContext context, Supplier<T> work) {
        try {
            return work.get();
        } catch (AwsServiceException e) {
            if (!isExpired(e) || !(context.credentials() instanceof RoleCredentials role)) {
                throw e;
            }
            role.invalidate();
            return work.get();
        }
    }

    static boolean isExpired(AwsServiceException e) {
        return e.awsErrorDetails() != null && EXPIRED.contains(e.awsErrorDetails().errorCode());
    }
}
