package io.harbormaster.aws.session;

import io.harbormaster.aws.SandboxAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.ecs.EcsClusters;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entering environments over the real wire: the adapters against the sandbox, through the SDK. */
class AwsSessionsTest {

    private static SandboxAccess access;
    private static Sandbox sandbox;
    private static AwsClientFactory clients;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox(@TempDir Path profiles) {
        access = SandboxAccess.start(profiles);
        sandbox = access.sandbox();
        clients = access.clients();
    }

    @AfterAll
    static void stopSandbox() {
        access.close();
    }

    private AwsSessions sessionsFor(String user) {
        return access.sessionsFor(user);
    }

    private static Environment env(String name, boolean prod) {
        return EnvironmentBuilder.sandbox(name).production(prod).build();
    }

    @Test
    void aliceEntersDevAndSeesItsClusters() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(env("dev", false), MfaPrompt.NONE);

        assertThat(dev.identity().account()).isEqualTo("222222222222");
        assertThat(dev.identity().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/admin/alice");
        assertThat(dev.environment().accountId()).isEqualTo("222222222222");
        assertThat(dev.expiresAt()).isNotNull();

        List<Cluster> clusters = new EcsClusters(sessions, clients).listClusters(dev);
        assertThat(clusters).isNotEmpty();
        assertThat(clusters).allSatisfy(c -> assertThat(c.arn()).contains(":222222222222:cluster/"));
    }

    @Test
    void bobIsToldPlainlyThatProdDoesNotTrustHim() throws Exception {
        AwsSessions sessions = sessionsFor("bob");
        assertThat(sessions.enter(env("dev", false), MfaPrompt.NONE).identity().account()).isEqualTo("222222222222");

        assertThatThrownBy(() -> sessions.enter(env("prod", true), (e, serial) -> Optional.of(
                sandbox.currentTotpCode("bob"))))
                .isInstanceOfSatisfying(OperatorException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.ACCESS_DENIED);
                    assertThat(e.problem().message()).isEqualTo("bob (ops 111111111111) is not trusted by role"
                            + " arn:aws:iam::444444444444:role/admin in prod");
                });
    }

    /** A prompt that can keep its dialog open is handed each code's refusal and asked again, not given up on. */
    @Test
    void aRefusedCodeIsTriedAgainThroughAPromptThatAsksAgain() {
        AwsSessions sessions = sessionsFor("alice");
        List<String> refusals = new java.util.ArrayList<>();
        MfaPrompt retrying = new MfaPrompt() {
            @Override
            public Optional<String> askCode(Environment environment, String mfaSerial) {
                throw new AssertionError("a prompt that checks is asked through askAndCheck");
            }

            @Override
            public <T> Optional<T> askAndCheck(Environment environment, String mfaSerial,
                    java.util.function.Function<String, T> check) {
                for (String code : List.of("000000", sandbox.currentTotpCode("alice"))) {
                    try {
                        return Optional.of(check.apply(code));
                    } catch (OperatorException refused) {
                        refusals.add(refused.problem().kind() + ": " + refused.problem().title());
                    }
                }
                return Optional.empty();
            }
        };

        EnvironmentSession prod = sessions.enter(env("prod", true), retrying);

        assertThat(prod.identity().arn()).isEqualTo("arn:aws:sts::444444444444:assumed-role/admin/alice");
        assertThat(refusals).containsExactly("MFA_INVALID: MFA code refused");
    }

    @Test
    void prodAsksForMfaRefusesAWrongCodeAndOneCodeServesTheLogin() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        assertThatThrownBy(() -> sessions.enter(env("prod", true), (e, serial) -> Optional.of("000000")))
                .isInstanceOfSatisfying(OperatorException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.MFA_INVALID));
        assertThatThrownBy(() -> sessions.enter(env("prod", true), MfaPrompt.NONE))
                .isInstanceOfSatisfying(OperatorException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.MFA_REQUIRED));

        AtomicInteger prompts = new AtomicInteger();
        MfaPrompt device = (e, serial) -> {
            prompts.incrementAndGet();
            assertThat(serial).isEqualTo("arn:aws:iam::111111111111:mfa/alice");
            return Optional.of(sandbox.currentTotpCode("alice"));
        };
        EnvironmentSession prod = sessions.enter(env("prod", true), device);
        assertThat(prod.identity().arn()).isEqualTo("arn:aws:sts::444444444444:assumed-role/admin/alice");
        sessions.enter(env("prod", true), device);
        assertThat(prompts).hasValue(1);
    }

    @Test
    void aSessionThatExpiresOnAwsClockIsRenewedWithoutTheCallerNoticing() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(env("dev", false), MfaPrompt.NONE);
        EcsClusters clusters = new EcsClusters(sessions, clients);
        assertThat(clusters.listClusters(dev)).isNotEmpty();

        sandbox.clock().advance(Duration.ofHours(2));

        assertThat(clusters.listClusters(dev)).isNotEmpty();
        assertThat(sessions.expiresAt(dev.environment().id())).hasValueSatisfying(
                expiry -> assertThat(expiry).isAfter(Instant.now().plus(Duration.ofMinutes(50))));
    }

    @Test
    void anyClientThatMeetsAnExpiredTokenMakesTheNextCallRenew() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(env("dev", false), MfaPrompt.NONE);
        software.amazon.awssdk.services.ecs.EcsClient ecs = clients.ecs(sessions.context(dev));
        ecs.listClusters();

        sandbox.clock().advance(Duration.ofHours(3));

        assertThatThrownBy(ecs::listClusters)
                .isInstanceOfSatisfying(software.amazon.awssdk.awscore.exception.AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).startsWith("ExpiredToken"));
        assertThat(ecs.listClusters().clusterArns()).isNotEmpty();
    }

    @Test
    void aFleetRefreshAfterTheSessionExpiredOnAwsClockShowsNoExpiry() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession dev = sessions.enter(env("dev", false), MfaPrompt.NONE);
        try (io.harbormaster.aws.ecs.EcsFleet fleet = new io.harbormaster.aws.ecs.EcsFleet(sessions, clients,
                Clock.systemUTC())) {
            io.harbormaster.model.fleet.FleetSnapshot first = fleet.load(dev, null);
            assertThat(first.problems()).isEmpty();

            sandbox.clock().advance(Duration.ofHours(3));

            long mark = sandbox.control().requestMark();
            io.harbormaster.model.fleet.FleetSnapshot next = fleet.refresh(dev, first, null);
            assertThat(next.problems()).isEmpty();
            assertThat(next.services()).hasSameSizeAs(first.services());
            // The refresh ran twice under one name; the calls of the run that met the expiry are its retries.
            java.util.Map<String, Long> sent = sandbox.control().requestsByOperation(mark, next.stats().caller());
            assertThat(sent.get("ecs.ListClusters")).isEqualTo(2);
            assertThat(sent.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(next.stats().totalCalls() + next.stats().retries());
            assertThat(next.stats().calls("ListClusters")).isEqualTo(1);
        }
    }

    @Test
    void anMfaSessionThatRanOutAsksForANewCodeWhenTheRoleIsRenewed() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        AtomicInteger prompts = new AtomicInteger();
        MfaPrompt device = (e, serial) -> {
            prompts.incrementAndGet();
            return Optional.of(sandbox.currentTotpCode("alice"));
        };
        EnvironmentSession prod = sessions.enter(env("prod", true), device);
        EcsClusters clusters = new EcsClusters(sessions, clients);
        clusters.listClusters(prod);
        assertThat(prompts).hasValue(1);

        sandbox.clock().advance(Duration.ofHours(13));

        assertThat(clusters.listClusters(prod)).isNotEmpty();
        assertThat(prompts).hasValue(2);
    }

    @Test
    void switchingBackToAnEnteredEnvironmentCostsNoCall() throws Exception {
        AwsSessions sessions = sessionsFor("alice");
        EnvironmentSession first = sessions.enter(env("dev", false), MfaPrompt.NONE);
        sessions.enter(env("stage", false), MfaPrompt.NONE);
        sandbox.control().recordRequests(true);
        try {
            int before = sandbox.control().recordedRequests().size();
            EnvironmentSession again = sessions.enter(env("dev", false), MfaPrompt.NONE);
            assertThat(sandbox.control().recordedRequests()).hasSize(before);
            assertThat(again.identity()).isEqualTo(first.identity());
            assertThat(again.expiresAt()).isEqualTo(first.expiresAt());
        } finally {
            sandbox.control().recordRequests(false);
        }
    }

    @Test
    void carolLandsInTheReadOnlyRole() throws Exception {
        EnvironmentSession prod = sessionsFor("carol").enter(env("prod", true), MfaPrompt.NONE);
        assertThat(prod.identity().arn()).isEqualTo("arn:aws:sts::444444444444:assumed-role/readonly/carol");
    }

    @Test
    void anUnreachableEndpointIsANetworkProblemWithANextStep() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = dir.resolve("offline-config");
        Files.writeString(config, sandbox.awsConfig("alice").replace(sandbox.endpoint().toString(),
                "http://127.0.0.1:" + closedPort));
        Path credentials = dir.resolve("offline-credentials");
        Files.writeString(credentials, sandbox.awsCredentials("alice"));
        AwsConfigFiles files = new AwsConfigFiles(config, credentials);
        AwsSessions offline = new AwsSessions(() -> AwsProfiles.load(files), clients, Clock.systemUTC());

        assertThatThrownBy(() -> offline.enter(env("dev", false), MfaPrompt.NONE))
                .isInstanceOfSatisfying(OperatorException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NETWORK);
                    assertThat(e.problem().nextStep()).contains("network");
                });
    }

    @Test
    void aRevokedOpsKeyIsToldApartFromADeniedRole() {
        sandbox.control().revokeAccessKey("bob");
        try {
            assertThatThrownBy(() -> sessionsFor("bob").enter(env("dev", false), MfaPrompt.NONE))
                    .isInstanceOfSatisfying(OperatorException.class, e -> {
                        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CREDENTIALS_MISSING);
                        assertThat(e.problem().message()).contains("sandbox-ops");
                        assertThat(e.problem().nextStep()).contains("keys");
                    });
        } finally {
            sandbox.control().reinstateAccessKey("bob");
        }
    }

    @Test
    void aRegionTheAccountHasNotEnabledSaysSo() {
        Environment hongKong = EnvironmentBuilder.sandbox("dev").regions("ap-east-1").build();
        assertThatThrownBy(() -> sessionsFor("alice").enter(hongKong, MfaPrompt.NONE))
                .isInstanceOfSatisfying(OperatorException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.REGION_DISABLED);
                    assertThat(e.problem().nextStep()).contains("Enable the region");
                });
    }

    @Test
    void anUnknownProfileIsAConfigurationProblem() throws Exception {
        Environment ghost = EnvironmentBuilder.anEnvironment("ghost").profile("no-such-profile").colour("#000000")
                .build();
        assertThatThrownBy(() -> sessionsFor("alice").enter(ghost, MfaPrompt.NONE))
                .isInstanceOfSatisfying(OperatorException.class, e -> {
                    assertThat(e.problem().kind()).isEqualTo(Problem.Kind.CONFIGURATION);
                    assertThat(e.problem().message()).contains("no profile 'no-such-profile'");
                });
    }
}
