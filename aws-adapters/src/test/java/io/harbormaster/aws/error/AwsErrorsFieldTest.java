package io.harbormaster.aws.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which field an AWS validation message is about, from messages in ECS's own words. */
class AwsErrorsFieldTest {

    @Test
    void theFirstQuotedFieldThatIsNotAResourceName() {
        assertThat(AwsErrors.fieldNamed("Invalid setting for container 'webhooks'. At least one of 'memory' or"
                + " 'memoryReservation' must be specified.")).isEqualTo("memory");
        assertThat(AwsErrors.fieldNamed("Invalid 'containerPort' setting for container 'web'."))
                .isEqualTo("containerPort");
    }

    @Test
    void anApiStyleNameWhenNothingIsQuoted() {
        assertThat(AwsErrors.fieldNamed("bakeTimeInMinutes must be provided for BLUE_GREEN deployments"))
                .isEqualTo("bakeTimeInMinutes");
        assertThat(AwsErrors.fieldNamed("containerDefinitions.0.image is invalid"))
                .isEqualTo("containerDefinitions.0.image");
        assertThat(AwsErrors.fieldNamed("Something went wrong.")).isEmpty();
    }
}
