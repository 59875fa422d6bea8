package io.harbormaster.aws.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.harbormaster.aws.SandboxAccess;
import io.harbormaster.aws.ecs.EcsDeploys;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the sandbox's wire faults under the console's own reads (issue 17): what the operator is told says what is
 * wrong and what to do — never "copy the details into a bug report" for what is AWS's or the network's doing — and
 * the call ends within its bound. The clients wait 1 s for an answer's byte and 3 s for a call (the console's are
 * 30 s and 60 s), so a silent Region is told in seconds here.
 */
class AwsErrorsUnderFaultsTest {

    private static final Duration CALL_BOUND = Duration.ofSeconds(3);
    private static SandboxAccess access;
    private static AwsSessions sessions;
    private static EnvironmentSession stage;
    private static EcsDeploys ecs;

    @BeforeAll
    static void start(@TempDir Path dir) {
        access = SandboxAccess.start(dir, new AwsClientFactory(Duration.ofSeconds(1), CALL_BOUND));
        sessions = access.sessionsFor("alice");
        stage = sessions.enter(SandboxAccess.environment("stage"), MfaPrompt.NONE);
        ecs = new EcsDeploys(sessions, access.clients());
    }

    @AfterAll
    static void stop() {
        access.close();
    }

    @AfterEach
    void faultsOff() {
        access.sandbox().control().clearFaults();
    }

    /** The problem a read of api-docs's desired count meets under {@code fault}, checked to end in time. */
    private static Problem readUnder(String fault) {
        access.sandbox().control().addFault(fault);
        return timed(fault, () -> catchThrowableOfType(OperatorException.class,
                () -> ecs.desiredCount(stage, "api", "api-docs"))).problem();
    }

    /** The problem {@code user}'s first entry into dev meets (a fresh login: its AssumeRole is sent). */
    private static Problem enteringDevAs(String user) {
        AwsSessions fresh = access.sessionsFor(user);
        return timed(user + " entering dev", () -> catchThrowableOfType(OperatorException.class,
                () -> fresh.enter(SandboxAccess.environment("dev"), MfaPrompt.NONE))).problem();
    }

    private static <T> T timed(String what, Supplier<T> call) {
        long t0 = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as(what + ": nothing hangs")
                .isLessThan(CALL_BOUND.plusSeconds(5));
        assertThat(result).as(what + ": failed as an OperatorException").isNotNull();
        return result;
    }

    private static void toldAs(Problem p, String title, String... words) {
        assertThat(p.title()).isEqualTo(title);
        assertThat(p.message() + " " + p.nextStep()).contains(words).doesNotContain("bug report")
                .doesNotContain("Exception").doesNotContain("software.amazon");
    }

    @Test
    void internalFailureIsAwsSideAndSaysToRefreshLater() {
        toldAs(readUnder("internal-failure:ecs"), "ECS failed on AWS's side", "InternalFailure (HTTP 500)",
                "reading the desired count of api-docs", "the fault is AWS's", "Try again in a minute",
                "AWS Health Dashboard");
    }

    @Test
    void serviceUnavailableSaysTheServiceIsUnavailable() {
        toldAs(readUnder("unavailable:ecs"), "ECS is unavailable", "ServiceUnavailable (HTTP 503)",
                "AWS Health Dashboard");
    }

    @Test
    void stsUnavailableIsToldWhenEnteringAnEnvironment() {
        access.sandbox().control().addFault("unavailable:sts");
        toldAs(enteringDevAs("carol"), "STS is unavailable", "ServiceUnavailable (HTTP 503)", "checking your ops login",
                "Try again in a minute");
    }

    @Test
    void aThrottlingStormSaysToWaitAndThatTheLimitIsShared() {
        Problem p = readUnder("throttle:ecs");
        assertThat(p.kind()).isEqualTo(Problem.Kind.THROTTLED);
        toldAs(p, "AWS is throttling requests", "the SDK retried and gave up", "Wait a few seconds and refresh");
    }

    @Test
    void aConnectionCutMidAnswerIsToldAsTheConnection() {
        toldAs(readUnder("reset:ecs.DescribeServices"), "Connection to AWS broken",
                "broke off before its answer was complete", "check your network, VPN or proxy");
    }

    @Test
    void anAnswerSlowerThanTheTimeoutsAndARegionThatStopsAnsweringAreToldAsNoAnswerInTime() {
        toldAs(readUnder("slow:ecs,ms=10000"), "AWS did not answer in time", "Region may be degraded",
                "AWS Health Dashboard");
        access.sandbox().control().clearFaults();
        toldAs(readUnder("region-down@us-east-1,ms=10000"), "AWS did not answer in time", "Region may be degraded");
    }

    @Test
    void expiredCredentialsMidLoadSayToEnterAgain() {
        Problem p = readUnder("expired-token:ecs");
        assertThat(p.kind()).isEqualTo(Problem.Kind.CREDENTIALS_EXPIRED);
        toldAs(p, "Session expired", "expired while reading the desired count", "Enter the environment again");
    }

    @Test
    void aRevokedKeyIsToldAsTheKey() {
        access.sandbox().control().revokeAccessKey("bob");
        try {
            toldAs(enteringDevAs("bob"), "Credentials not recognised", "does not recognise the access key",
                    "refresh your ops login's keys");
        } finally {
            access.sandbox().control().reinstateAccessKey("bob");
        }
    }

    @Test
    void aSkewedClockIsToldAsTheClock() {
        toldAs(readUnder("skew:ecs"), "This computer's clock is off", "more than 5 minutes", "Set the clock right");
    }

    @Test
    void latencyWithItsTailIsAbsorbed() {
        access.sandbox().control().addFault("latency:ecs,ms=100");
        assertThat(timed("latency", () -> ecs.desiredCount(stage, "api", "api-docs"))).isNotEmpty();
    }
}
