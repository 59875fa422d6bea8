package io.harbormaster.views.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.shared.services.ServiceRow;
import org.junit.jupiter.api.Test;

class CopyCliCommandTest {

    @Test
    void theReadBehindARowInTheSessionsRegionWithTheEnvironmentsProfile() {
        ServiceRow row = ServiceRow.describing(EnvironmentTag.of(Fixtures.DEV),
                "arn:aws:ecs:eu-west-1:222222222222:service/payments-api/checkout", "checkout", "payments-api");

        assertThat(CopyCliCommand.commandFor(row, Fixtures.session(Fixtures.DEV)))
                .isEqualTo("aws ecs describe-services --cluster payments-api --services checkout --region eu-west-1"
                        + " --profile " + Fixtures.DEV.profileName());
    }

    @Test
    void aTaskRowsReadIsDescribeTasksOfItsArnInItsCluster() {
        assertThat(CopyCliCommand.commandFor("payments-api",
                "arn:aws:ecs:eu-west-1:222222222222:task/payments-api/0f3c9a7e2b1d4c5e8f60718293a4b5c6",
                Fixtures.session(Fixtures.DEV)))
                .isEqualTo("aws ecs describe-tasks --cluster payments-api --tasks "
                        + "arn:aws:ecs:eu-west-1:222222222222:task/payments-api/0f3c9a7e2b1d4c5e8f60718293a4b5c6"
                        + " --region eu-west-1 --profile " + Fixtures.DEV.profileName());
    }
}
