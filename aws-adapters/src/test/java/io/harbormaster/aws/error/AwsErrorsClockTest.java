package io.harbormaster.aws.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.error.Problem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.sts.model.StsException;

/** A skewed clock is told as the clock, not as unrecognised keys or an expired session. */
class AwsErrorsClockTest {

    @Test
    void ecsSignatureExpiredIsTheClock() {
        Problem p = AwsErrors.problem(EcsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("InvalidSignatureException").errorMessage("Signature expired: 20261206T092932Z is now"
                        + " earlier than 20261206T094433Z (20261206T094933Z - 5 min.)").build()).build(),
                "listing clusters in dev");
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONFIGURATION);
        assertThat(p.title()).isEqualTo("This computer's clock is off");
        assertThat(p.nextStep()).contains("clock");
    }

    @Test
    void s3StyleCodeIsTheClockAndAWrongKeyIsStillTheKey() {
        assertThat(AwsErrors.problem(StsException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("RequestTimeTooSkewed").errorMessage("The difference between the request time and the"
                        + " current time is too large.").build()).build(), "x").kind())
                .isEqualTo(Problem.Kind.CONFIGURATION);
        assertThat(AwsErrors.problem(StsException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("SignatureDoesNotMatch").errorMessage("The request signature we calculated does not match"
                        + " the signature you provided.").build()).build(), "x").kind())
                .isEqualTo(Problem.Kind.CREDENTIALS_MISSING);
    }
}
