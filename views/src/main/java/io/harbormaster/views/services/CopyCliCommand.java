package io.harbormaster.views.services;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.shared.AwsCliCommand;
import io.harbormaster.views.shared.services.ServiceRow;

/** The aws CLI reads behind the Services page's rows: a service, one of its tasks, one of its stopped tasks. */
final class CopyCliCommand {

    private CopyCliCommand() {
    }

    static String commandFor(ServiceRow row, EnvironmentSession session) {
        return AwsCliCommand.describeService(row.cluster(), row.name(), session.region(),
                session.environment().profileName());
    }

    /** describe-tasks of a task of the service, running or stopped. */
    static String commandFor(String cluster, String taskArn, EnvironmentSession session) {
        return AwsCliCommand.describeTask(cluster, taskArn, session.region(), session.environment().profileName());
    }
}
