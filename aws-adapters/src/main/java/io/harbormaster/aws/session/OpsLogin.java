package io.harbormaster.aws.session;

import io.harbormaster.model.concurrent.Blocking;
import io.harbormaster.model.environment.CallerIdentity;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.Problem.Kind;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The ops login: long-lived keys (or whatever the login profile resolves to), and its MFA session if any.
 *
 * <p>The MFA session is acquired single-flight: while one caller asks the operator for a code and trades it
 * for a session, every other caller from this login waits for that outcome and shares it, whether a session,
 * a cancelled prompt or a refused code. So environments entered together (All environments, Compare) ask once,
 * and a mistyped code costs one retry rather than one prompt per environment. No lock is held while asking:
 * the prompt runs on the UI thread, which must never wait on a lock here.
 */
final class OpsLogin {
    final String profile;
    final AwsCredentialsProvider base;
    final CallerIdentity identity;
    final String region;
    final Optional<URI> endpoint;
    private AwsSessionCredentials mfaSession;
    private CompletableFuture<AwsSessionCredentials> mfaPending;

    OpsLogin(String profile, AwsCredentialsProvider base, CallerIdentity identity, String region,
            Optional<URI> endpoint) {
        this.profile = profile;
        this.base = base;
        this.identity = identity;
        this.region = region;
        this.endpoint = endpoint;
    }

    String userName() {
        String arn = identity.arn();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    String describe() {
        return userName() + " (ops " + identity.account() + ")";
    }

    /**
     * The login's MFA session: the one it has while it lasts, else the one being acquired by another caller
     * (waited for), else one acquired now by {@code acquire}. A failure of the shared acquisition is thrown
     * to every caller that waited for it; the next call after it starts afresh.
     */
    AwsSessionCredentials mfaSession(Instant now, Supplier<AwsSessionCredentials> acquire) {
        CompletableFuture<AwsSessionCredentials> theirs;
        CompletableFuture<AwsSessionCredentials> mine = null;
        synchronized (this) {
            if (mfaSession != null && !mfaSession.expirationTime().map(now::isAfter).orElse(false)) {
                return mfaSession;
            }
            theirs = mfaPending;
            if (theirs == null) {
                mine = new CompletableFuture<>();
                mfaPending = mine;
            }
        }
        if (mine == null) {
            return await(theirs);
        }
        try {
            AwsSessionCredentials fresh = acquire.get();
            synchronized (this) {
                mfaSession = fresh;
                mfaPending = null;
            }
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                mfaPending = null;
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static AwsSessionCredentials await(CompletableFuture<AwsSessionCredentials> theirs) {
        try {
            return Blocking.await(theirs); // no worker held while the operator types
        } catch (InterruptedException e) {
            // The waiting work was cancelled: it gave no code, exactly as a cancelled prompt would.
            Thread.currentThread().interrupt();
            throw new OperatorException(new Problem(Kind.MFA_REQUIRED, "MFA code needed",
                    "Stopped waiting for the MFA code.", "Select the environment again.", ""), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OperatorException shared) {
                throw new OperatorException(shared.problem(), shared);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Acquiring the MFA session failed", cause);
        }
    }

    /** Forgets the MFA session AWS refused, unless another caller has already replaced it. */
    synchronized void forgetMfaSession(AwsSessionCredentials refused) {
        if (mfaSession == refused) {
            mfaSession = null;
        }
    }
}
