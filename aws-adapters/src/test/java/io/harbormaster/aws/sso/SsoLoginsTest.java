package io.harbormaster.aws.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.harbormaster.aws.SandboxTime;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsEnvironmentDetector;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentCandidate;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.environment.SsoSignInPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity Center sign-in, the CLI-format token cache and entering SSO environments, against the sandbox. */
class SsoLoginsTest {

    @TempDir
    Path dir;
    Sandbox sandbox;
    AwsClientFactory clients;
    final Browser browser = new Browser();
    final AtomicInteger prompts = new AtomicInteger();
    final List<String> againBecause = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new AwsClientFactory();
    }

    @AfterEach
    void stop() {
        clients.close();
        sandbox.close();
    }

    @Test
    void oneSignInServesEverySsoEnvironmentAndIsCachedAsTheCliCachesIt() throws Exception {
        AwsSessions sessions = sessions("alice", approvingAs("alice", "approve"));
        EnvironmentSession prod = sessions.enter(env("prod", "sandbox-sso-prod-readonly"), MfaPrompt.NONE);
        assertThat(prod.identity().account()).isEqualTo("444444444444");
        assertThat(prod.identity().arn())
                .matches("arn:aws:sts::444444444444:assumed-role/AWSReservedSSO_ReadOnlyAccess_\\w+/alice");
        assertThat(prod.expiresAt()).isNotNull();
        EnvironmentSession dev = sessions.enter(env("dev", "sandbox-sso-dev-admin"), MfaPrompt.NONE);
        assertThat(dev.identity().arn()).contains("AWSReservedSSO_AdministratorAccess_");
        assertThat(prompts).as("one sign-in for both").hasValue(1);

        // sha1("sandbox-sso"): the file name the AWS CLI uses for sso_session = sandbox-sso.
        Path file = cacheDir().resolve("894fb14886f1419ec59be27d016efd4963465d08.json");
        assertThat(cacheDir().resolve(profile("sandbox-sso-dev-admin").cacheFileName())).isEqualTo(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String json = Files.readString(file);
        assertThat(json).contains("\"startUrl\": \"https://harbormaster-sandbox.awsapps.com/start\"", "\"region\": \"us-east-1\"",
                "\"accessToken\": \"aoa", "\"clientId\": ", "\"clientSecret\": ", "\"refreshToken\": \"aor")
                .containsPattern("\"expiresAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"")
                .containsPattern("\"registrationExpiresAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");

        AwsSessions nextRun = sessions("alice", approvingAs("alice", "approve"));
        nextRun.enter(env("stage", "sandbox-sso-stage-readonly"), MfaPrompt.NONE);
        assertThat(prompts).as("the cached sign-in serves the next run").hasValue(1);
    }

    @Test
    void discoversEveryAccountAndPermissionSet() {
        SsoLogins logins = logins(SandboxTime.of(sandbox));
        List<SsoLogins.Assignment> found = logins.assignments(profile("sandbox-sso-dev-admin"),
                java.util.Optional.of(sandbox.endpoint()), approvingAs("alice", "approve"));
        assertThat(found).extracting(a -> a.accountName() + "/" + a.roleName()).containsExactly(
                "dev/AdministratorAccess", "dev/ReadOnlyAccess", "stage/AdministratorAccess", "stage/ReadOnlyAccess",
                "prod/AdministratorAccess", "prod/ReadOnlyAccess");
    }

    @Test
    void detectionNamesTheSignedInAccountsAndOffersAssignmentsNoProfileEnters() throws IOException {
        // Only two of alice's six assignments have a profile here.
        String two = sandbox.awsSsoConfig("alice").lines().takeWhile(l -> !l.startsWith("[profile sandbox-sso-stage"))
                .collect(java.util.stream.Collectors.joining("\n"));
        Path config = Files.writeString(dir.resolve("two-profiles"), two);
        java.util.function.Supplier<AwsProfiles> profiles = () -> AwsProfiles.load(new AwsConfigFiles(config,
                dir.resolve("none")));
        SsoLogins logins = logins(Clock.systemUTC());
        AwsEnvironmentDetector detector = new AwsEnvironmentDetector(profiles, logins);
        assertThat(detector.detect()).as("not signed in: no portal, no names, no prompt")
                .filteredOn(c -> c.kind() == EnvironmentCandidate.Kind.SSO)
                .extracting(EnvironmentCandidate::profileName, EnvironmentCandidate::accountName)
                .containsExactly(tuple("sandbox-sso-dev-admin", ""), tuple("sandbox-sso-dev-readonly", ""));

        logins.accessToken(profile("sandbox-sso-dev-admin"), java.util.Optional.of(sandbox.endpoint()),
                approvingAs("alice", "approve"));
        List<EnvironmentCandidate> found = detector.detect().stream()
                .filter(c -> c.kind() == EnvironmentCandidate.Kind.SSO).toList();
        assertThat(found).extracting(EnvironmentCandidate::profileName, EnvironmentCandidate::accountName,
                c -> c.problem().isPresent()).containsExactly(
                tuple("sandbox-sso-dev-admin", "dev", false), tuple("sandbox-sso-dev-readonly", "dev", false),
                tuple("stage-AdministratorAccess", "stage", true), tuple("stage-ReadOnlyAccess", "stage", true),
                tuple("prod-AdministratorAccess", "prod", true), tuple("prod-ReadOnlyAccess", "prod", true));
        assertThat(found.get(5).problem()).hasValueSatisfying(p -> assertThat(p).contains(
                "[profile prod-ReadOnlyAccess] with sso_session = sandbox-sso, sso_account_id = 444444444444,"
                        + " sso_role_name = ReadOnlyAccess"));
        assertThat(found.get(5).accountId()).isEqualTo("444444444444");
        assertThat(prompts).hasValue(1);
    }

    @Test
    void aDeniedApprovalSaysSo() {
        AwsSessions sessions = sessions("bob", approvingAs("bob", "deny"));
        OperatorException e = catchThrowableOfType(OperatorException.class,
                () -> sessions.enter(env("dev", "sandbox-sso-dev-admin"), MfaPrompt.NONE));
        assertThat(e.problem().title()).isEqualTo("Sign-in denied");
        assertThat(Files.exists(cacheDir())).isFalse();
    }

    @Test
    void aPermissionSetNotAssignedSaysWhoAndWhat() {
        // carol may read everywhere, but administer nowhere.
        AwsSessions sessions = sessions("carol", "[profile carol-prod-admin]\nsso_session = sandbox-sso\n"
                + "sso_account_id = 444444444444\nsso_role_name = AdministratorAccess\n");
        OperatorException e = catchThrowableOfType(OperatorException.class,
                () -> sessions.enter(env("prod", "carol-prod-admin"), MfaPrompt.NONE));
        assertThat(e.problem().title()).isEqualTo("Permission set not assigned");
        assertThat(e.problem().message()).contains("AdministratorAccess", "444444444444", "carol-prod-admin",
                "IAM Identity Center session 'sandbox-sso'");
        assertThat(e.problem().nextStep()).contains("assign AdministratorAccess in 444444444444");
    }

    @Test
    void anAccountWithNoAssignmentSaysSo() {
        AwsSessions sessions = sessions("bob", "[profile bob-prod]\nsso_session = sandbox-sso\n"
                + "sso_account_id = 444444444444\nsso_role_name = ReadOnlyAccess\n");
        OperatorException e = catchThrowableOfType(OperatorException.class,
                () -> sessions.enter(env("prod", "bob-prod"), MfaPrompt.NONE));
        assertThat(e.problem().title()).isEqualTo("Account not available");
        assertThat(e.problem().message()).contains("444444444444", "bob-prod", "you have no assignment there");
    }

    @Test
    void aClosedAccountSaysSoApartFromAMissingAssignment() {
        AwsSessions sessions = sessions("alice", approvingAs("alice", "approve"));
        sessions.enter(env("dev", "sandbox-sso-dev-readonly"), MfaPrompt.NONE);
        sandbox.control().closeAccount("444444444444");
        OperatorException e = catchThrowableOfType(OperatorException.class,
                () -> sessions.enter(env("prod", "sandbox-sso-prod-readonly"), MfaPrompt.NONE));
        assertThat(e.problem().title()).isEqualTo("Account not available");
        assertThat(e.problem().message()).contains("444444444444", "sandbox-sso-prod-readonly", "closed or",
                "IAM Identity Center session 'sandbox-sso'");
        assertThat(e.problem().nextStep()).contains("remove this environment");
        assertThat(e.problem().details()).contains("ForbiddenException");
    }

    @Test
    void aRevokedSignInAsksAgainSayingWhy() throws Exception {
        SsoLogins logins = logins(SandboxTime.of(sandbox));
        SsoProfile p = profile("sandbox-sso-dev-readonly");
        java.util.Optional<URI> endpoint = java.util.Optional.of(sandbox.endpoint());
        String token = logins.accessToken(p, endpoint, approvingAs("alice", "approve"));
        try (var portal = clients.sso("us-east-1", endpoint)) {
            portal.logout(r -> r.accessToken(token)); // ends the session and its refresh token, as signing out does
        }
        assertThat(logins.roleCredentials(p, endpoint, approvingAs("alice", "approve")).accessKeyId()).startsWith("ASIA");
        assertThat(prompts).hasValue(2);
        assertThat(againBecause).singleElement().asString().contains("ended or revoked before its time");
    }

    @Test
    void anEndedSessionAsksAgainSayingWhy() {
        SsoLogins logins = logins(SandboxTime.of(sandbox));
        SsoProfile p = profile("sandbox-sso-dev-readonly");
        java.util.Optional<URI> endpoint = java.util.Optional.of(sandbox.endpoint());
        logins.accessToken(p, endpoint, approvingAs("alice", "approve"));
        assertThat(logins.tokenLeft(p)).hasValueSatisfying(left -> assertThat(left).isEqualTo(Duration.ofHours(1)));
        sandbox.clock().advance(Duration.ofHours(9));
        assertThat(logins.tokenLeft(p)).as("on Identity Center's clock").hasValue(Duration.ofHours(-8));
        assertThat(logins.signedIn(p, endpoint)).as("detection never asks").isEmpty();
        logins.accessToken(p, endpoint, approvingAs("alice", "approve"));
        assertThat(againBecause).singleElement().asString()
                .isEqualTo("Your sign-in expired and its session has ended, so it could not be renewed without you.");
        assertThat(logins.tokenLeft(p)).hasValue(Duration.ofHours(1));
    }

    @Test
    void aRoleChainedFromAnSsoProfileIsEnteredWithTheConsolesSignIn() {
        AwsSessions sessions = sessions("alice", "[profile dev-readonly-chained]\n"
                + "role_arn = arn:aws:iam::222222222222:role/readonly\nsource_profile = sandbox-sso-dev-admin\n");
        EnvironmentSession chained = sessions.enter(env("dev", "dev-readonly-chained"), MfaPrompt.NONE);
        assertThat(chained.identity().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/readonly/alice");
        assertThat(chained.expiresAt()).isNotNull();
        EnvironmentSession admin = sessions.enter(env("dev-admin", "sandbox-sso-dev-admin"), MfaPrompt.NONE);
        assertThat(admin.identity().arn()).contains("AWSReservedSSO_AdministratorAccess_");
        assertThat(prompts).as("the chain and the SSO profile share one sign-in").hasValue(1);
    }

    @Test
    void anExpiredTokenIsRefreshedSilentlyWhileTheSessionLasts() {
        SsoLogins logins = logins(SandboxTime.of(sandbox));
        SsoProfile p = profile("sandbox-sso-dev-readonly");
        java.util.Optional<URI> endpoint = java.util.Optional.of(sandbox.endpoint());
        String first = logins.accessToken(p, endpoint, approvingAs("alice", "approve"));
        sandbox.clock().advance(Duration.ofMinutes(50));
        String second = logins.accessToken(p, endpoint, SsoSignInPrompt.NONE);
        assertThat(second).isNotEqualTo(first);
        assertThat(logins.roleCredentials(p, endpoint, SsoSignInPrompt.NONE).accessKeyId()).startsWith("ASIA");
        assertThat(prompts).hasValue(1);

        sandbox.clock().advance(Duration.ofHours(8));
        OperatorException e = catchThrowableOfType(OperatorException.class,
                () -> logins.accessToken(p, endpoint, SsoSignInPrompt.NONE));
        assertThat(e.problem().title()).as("the session ended: a new sign-in, which was cancelled")
                .isEqualTo("Sign-in cancelled");
    }

    @Test
    void aTokenRefusedBeforeItsTimeIsRefreshed() {
        // Our clock stays at the wall clock while the sandbox's moves past the token's hour.
        SsoLogins logins = logins(Clock.systemUTC());
        SsoProfile p = profile("sandbox-sso-dev-readonly");
        java.util.Optional<URI> endpoint = java.util.Optional.of(sandbox.endpoint());
        logins.accessToken(p, endpoint, approvingAs("alice", "approve"));
        sandbox.clock().advance(Duration.ofMinutes(61));
        assertThat(logins.roleCredentials(p, endpoint, SsoSignInPrompt.NONE).accessKeyId()).startsWith("ASIA");
        assertThat(prompts).hasValue(1);
    }

    @Test
    void anExpiredCodeSaysSo() {
        SsoLogins logins = logins(SandboxTime.of(sandbox));
        SsoSignInPrompt walksAway = (session, uri, code) -> {
            sandbox.clock().advance(Duration.ofMinutes(11));
            return Browser.waiting();
        };
        OperatorException e = catchThrowableOfType(OperatorException.class, () -> logins.accessToken(
                profile("sandbox-sso-dev-readonly"), java.util.Optional.of(sandbox.endpoint()), walksAway));
        assertThat(e.problem().title()).isEqualTo("Sign-in code expired");
    }

    /** The user's SSO profiles and one more (its region and the sandbox's endpoint added), the user approving. */
    private AwsSessions sessions(String user, String oneMoreProfile) {
        Path config = writeConfig(user, sandbox.awsSsoConfig(user) + "\n" + oneMoreProfile + "region = us-east-1\n"
                + "endpoint_url = " + sandbox.endpoint() + "\n");
        return new AwsSessions(() -> AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("none"))), clients,
                Clock.systemUTC(), logins(Clock.systemUTC()), approvingAs(user, "approve"));
    }

    private AwsSessions sessions(String user, SsoSignInPrompt prompt) {
        Path config = writeConfig(user, sandbox.awsSsoConfig(user));
        return new AwsSessions(() -> AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("none"))), clients,
                Clock.systemUTC(), logins(Clock.systemUTC()), prompt);
    }

    private Path writeConfig(String user, String text) {
        try {
            Path config = dir.resolve(user + "-config");
            Files.writeString(config, sandbox.awsConfig(user) + "\n" + text);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SsoProfile profile(String name) {
        Path config = writeConfig("alice", sandbox.awsSsoConfig("alice"));
        return SsoProfile.of(AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("none"))), name).orElseThrow();
    }

    private SsoLogins logins(Clock clock) {
        return new SsoLogins(new SsoTokenCache(cacheDir()), AwsSessions.clientsFor(clients), clock,
                d -> Thread.sleep(d.toMillis()));
    }

    private Path cacheDir() {
        return dir.resolve("home/.aws/sso/cache");
    }

    /** The operator's browser: opens the verification address and answers as {@code user}; records why it was asked again. */
    private SsoSignInPrompt approvingAs(String user, String decision) {
        return new SsoSignInPrompt() {
            @Override
            public Waiting show(String session, String uri, String code) {
                prompts.incrementAndGet();
                browser.answer(uri, code, user, decision);
                return Browser.waiting();
            }

            @Override
            public Waiting showAgain(String session, String uri, String code, String why) {
                againBecause.add(why);
                return show(session, uri, code);
            }
        };
    }

    private static Environment env(String name, String profile) {
        return EnvironmentBuilder.sandbox(name).profile(profile).build();
    }
}
