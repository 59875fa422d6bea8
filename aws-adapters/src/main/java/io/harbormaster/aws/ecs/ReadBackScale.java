package io.harbormaster.aws.ecs;

import io.harbormaster.model.fleet.ScaleServiceCommand;
import java.lang.System.Logger.Level;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * UpdateService desiredCount, never sent twice blindly. The SDK's standard retries send a call again after an I/O
 * error or a timeout, when the first one may well have been applied and only its answer lost. Here the SDK retries
 * only throttling (AWS refused the call: nothing happened); after any failure that may have taken effect (no answer,
 * a cut answer, a 5xx) the service is read back, and the update is sent once more only if it did not take effect.
 */
final class ReadBackScale {

    private static final System.Logger LOG = System.getLogger(ReadBackScale.class.getName());

    /** Retries throttling only, with the standard strategy's backoff. */
    static final SdkPlugin RETRY_ONLY_THROTTLING = config -> config.overrideConfiguration(o -> o.retryStrategy(throttlingOnly()));

    private final EcsClient ecs;
    private final Runnable pace;

    /** @param pace takes a token of the service-modify bucket before each UpdateService */
    ReadBackScale(EcsClient ecs, Runnable pace) {
        this.ecs = ecs;
        this.pace = pace;
    }

    private static RetryStrategy throttlingOnly() {
        return DefaultRetryStrategy.standardStrategyBuilder()
                .retryOnException(e -> e instanceof AwsServiceException s && s.isThrottlingException())
                .treatAsThrottling(e -> e instanceof AwsServiceException s && s.isThrottlingException())
                .build();
    }

    /** Sends the update; answers its request id, or "" when the read-back found the lost update applied. */
    String scale(ScaleServiceCommand command) {
        try {
            return send(command);
        } catch (SdkException lost) {
            if (!mayHaveTakenEffect(lost)) {
                throw lost;
            }
            int now = desiredCount(command);
            if (now == command.desiredCount()) {
                LOG.log(Level.INFO, "UpdateService of {0} got no answer ({1}), but reading it back shows desiredCount {2}:"
                        + " it took effect, not sent again", command.service(), lost.getMessage(), now);
                return "";
            }
            LOG.log(Level.INFO, "UpdateService of {0} got no answer ({1}) and did not take effect (desiredCount {2}):"
                    + " sent once more", command.service(), lost.getMessage(), now);
            return send(command);
        }
    }

    /** AWS answered a client error (4xx, throttling): nothing was applied. No answer or a 5xx: it may have been. */
    static boolean mayHaveTakenEffect(SdkException e) {
        return !(e instanceof AwsServiceException s) || s.statusCode() >= 500;
    }

    private String send(ScaleServiceCommand command) {
        pace.run();
        return ecs.updateService(r -> r.cluster(command.cluster()).service(command.service())
                .desiredCount(command.desiredCount()).overrideConfiguration(o -> o.addPlugin(RETRY_ONLY_THROTTLING)))
                .responseMetadata().requestId();
    }

    private int desiredCount(ScaleServiceCommand command) {
        // A service gone meanwhile reads as "not applied": sending again gets ECS's own ServiceNotFoundException.
        return ecs.describeServices(r -> r.cluster(command.cluster()).services(command.service())).services()
                .stream().findFirst().map(Service::desiredCount).orElse(-1);
    }
}
