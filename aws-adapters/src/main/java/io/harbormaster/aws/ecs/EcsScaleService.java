package io.harbormaster.aws.ecs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.ScaleService;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/** UpdateService with only desiredCount: ECS scales the service's primary deployment, no new deployment. */
public final class EcsScaleService implements ScaleService {

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public EcsScaleService(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public void scale(EnvironmentSession session, ScaleServiceCommand command) {
        String doing = "scaling " + command.serviceName() + " to " + command.desiredCount() + " tasks in "
                + session.environment().displayName() + " (" + session.region() + ")";
        try {
            clients.ecs(sessions.context(session)).updateService(r -> r.cluster(command.cluster())
                    .service(command.service()).desiredCount(command.desiredCount()));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }
}
