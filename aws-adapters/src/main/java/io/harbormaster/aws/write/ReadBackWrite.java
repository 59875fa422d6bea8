package io.harbormaster.aws.write;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.WriteOutcomeUnknown;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * A write to AWS never sent twice blindly. The SDK's standard retries send a call again after an I/O error or a
 * timeout, when the first one may well have been applied and only its answer lost. A write here lets the SDK retry
 * only throttling (AWS refused the call: nothing happened); after any failure that may have taken effect (no
 * answer, a cut answer, a 5xx) it reads AWS back, and sends the write once more only if the read-back shows it did
 * not take effect. Every console write to AWS goes through {@link #send}: scale, deploy, register a revision, stop a
 * task, roll a deploy back, answer a lifecycle hook, Route 53 and ALB weights, the audit log's PutLogEvents.
 */
public final class ReadBackWrite {

    private static final System.Logger LOG = System.getLogger(ReadBackWrite.class.getName());

    /** Retries throttling only, with the standard strategy's backoff. */
    private static final SdkPlugin RETRY_ONLY_THROTTLING = config -> config.overrideConfiguration(
            o -> o.retryStrategy(throttlingOnly()));

    private ReadBackWrite() {
    }

    private static RetryStrategy throttlingOnly() {
        return DefaultRetryStrategy.standardStrategyBuilder()
                .retryOnException(e -> e instanceof AwsServiceException s && s.isThrottlingException())
                .treatAsThrottling(e -> e instanceof AwsServiceException s && s.isThrottlingException())
                .build();
    }

    /** For the write request's {@code overrideConfiguration}: the SDK retries it only when AWS throttled it. */
    public static void retryOnlyThrottling(AwsRequestOverrideConfiguration.Builder o) {
        o.addPlugin(RETRY_ONLY_THROTTLING);
    }

    /**
     * Sends the write; after a failure that may have taken effect, reads back and sends once more only if not.
     *
     * @param what     the write as the log and the operator read it ("UpdateService of api")
     * @param send     the write, its request configured with {@link #retryOnlyThrottling}
     * @param readBack what AWS holds now: the write's result if it took effect, empty if it did not
     * @return the write's result, from its answer or, when the answer was lost, from the read-back
     * @throws SdkException       the write's failure when nothing was applied, or the second send's
     * @throws WriteOutcomeUnknown when the read-back failed too: whether the write took effect is unknown
     */
    public static <T> T send(String what, Supplier<T> send, Supplier<Optional<T>> readBack) {
        try {
            return send.get();
        } catch (SdkException lost) {
            if (!mayHaveTakenEffect(lost)) {
                throw lost;
            }
            Optional<T> applied = readBackAfter(what, lost, readBack);
            if (applied.isPresent()) {
                LOG.log(Level.INFO, "{0} got no answer ({1}), but reading it back shows it took effect: not sent"
                        + " again", what, lost.getMessage());
                return applied.get();
            }
            LOG.log(Level.INFO, "{0} got no answer ({1}) and reading it back shows it did not take effect: sent"
                    + " once more", what, lost.getMessage());
            return send.get();
        }
    }

    /** AWS answered a client error (4xx, throttling): nothing was applied. No answer or a 5xx: it may have been. */
    public static boolean mayHaveTakenEffect(SdkException e) {
        return !(e instanceof AwsServiceException s) || s.statusCode() >= 500;
    }

    private static <T> Optional<T> readBackAfter(String what, SdkException lost, Supplier<Optional<T>> readBack) {
        try {
            return readBack.get();
        } catch (SdkException | OperatorException failed) {
            String why = failed instanceof OperatorException o ? o.problem().message()
                    : AwsErrors.problem((SdkException) failed, "reading back " + what).message();
            WriteOutcomeUnknown unknown = new WriteOutcomeUnknown(new Problem(Problem.Kind.NETWORK,
                    "Write may have been applied",
                    what + " got no answer (" + lost.getMessage() + ") and reading it back failed too (" + why
                            + "): it may or may not have taken effect.",
                    "Refresh and look at it in AWS before trying again; it was not sent twice.",
                    AwsErrors.problem(lost, what).details()), lost);
            unknown.addSuppressed(failed);
            throw unknown;
        }
    }
}
