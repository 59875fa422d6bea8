package io.harbormaster.aws.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.harbormaster.aws.SandboxTime;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.environment.SsoSignInPrompt;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client we did not write reads the console's token cache: the AWS CLI on PATH (botocore reads sso_session and
 * endpoint_url in profiles) runs {@code sts get-caller-identity} with the console's cached sign-in and none of its own.
 * Skipped when no such CLI is on PATH.
 */
class CliReadsTheConsoleSignInTest {

    @TempDir
    Path dir;

    @Test
    void theAwsCliUsesTheConsolesCachedSignIn() throws Exception {
        Optional<Path> aws = cliOnPath();
        assumeTrue(aws.isPresent(), "no aws CLI on PATH that reads sso_session and endpoint_url in profiles");
        AtomicInteger prompts = new AtomicInteger();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withSpeed(1.0));
             AwsClientFactory clients = new AwsClientFactory()) {
            Path home = dir.resolve("home");
            Path config = dir.resolve("config");
            Files.writeString(config, sandbox.awsConfig("alice") + "\n" + sandbox.awsSsoConfig("alice"));
            SsoLogins logins = new SsoLogins(SsoTokenCache.forHome(home), AwsSessions.clientsFor(clients),
                    Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
            AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("none"))),
                    clients, Clock.systemUTC(), logins, approve(prompts));
            sessions.enter(EnvironmentBuilder.sandbox("prod").profile("sandbox-sso-prod-readonly").build(), MfaPrompt.NONE);
            assertThat(prompts).hasValue(1);

            String out = callerIdentity(aws.get(), home, config, "sandbox-sso-prod-readonly");
            assertThat(out).contains("\"Account\": \"444444444444\"")
                    .containsPattern("assumed-role/AWSReservedSSO_ReadOnlyAccess_\\w+/alice");
            assertThat(prompts).as("the CLI signed in with nothing of its own").hasValue(1);
        }
    }

    /**
     * The console's silent refresh (CreateToken with the refresh_token grant, once the sandbox's clock has passed the
     * access token's hour) rewrites the cache file in the CLI's format: the CLI then runs with the new token, the old
     * one being refused by now.
     */
    @Test
    void afterASilentRefreshTheCliReadsTheNewToken() throws Exception {
        Optional<Path> aws = cliOnPath();
        assumeTrue(aws.isPresent(), "no aws CLI on PATH that reads sso_session and endpoint_url in profiles");
        AtomicInteger prompts = new AtomicInteger();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
             AwsClientFactory clients = new AwsClientFactory()) {
            Path home = dir.resolve("home");
            Path config = dir.resolve("config");
            Files.writeString(config, sandbox.awsSsoConfig("alice"));
            SsoTokenCache cache = SsoTokenCache.forHome(home);
            SsoLogins logins = new SsoLogins(cache, AwsSessions.clientsFor(clients), SandboxTime.of(sandbox),
                    d -> Thread.sleep(d.toMillis()));
            SsoProfile profile = SsoProfile.of(AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("none"))),
                    "sandbox-sso-dev-readonly").orElseThrow();
            Optional<URI> endpoint = Optional.of(sandbox.endpoint());
            logins.roleCredentials(profile, endpoint, approve(prompts));
            SsoTokenCache.Token first = cache.read(profile).orElseThrow();

            sandbox.clock().advance(java.time.Duration.ofMinutes(61));
            assertThat(logins.roleCredentials(profile, endpoint, SsoSignInPrompt.NONE).accessKeyId()).startsWith("ASIA");
            SsoTokenCache.Token refreshed = cache.read(profile).orElseThrow();
            assertThat(prompts).as("refreshed without asking").hasValue(1);
            assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(refreshed.refreshToken()).as("the single-use refresh token replaced").isNotNull()
                    .isNotEqualTo(first.refreshToken());
            assertThat(refreshed.expiresAt()).isAfter(first.expiresAt());
            assertThat(Files.readString(cache.file(profile))).doesNotContain(first.accessToken());

            String out = callerIdentity(aws.get(), home, config, "sandbox-sso-dev-readonly");
            assertThat(out).contains("\"Account\": \"222222222222\"")
                    .containsPattern("assumed-role/AWSReservedSSO_ReadOnlyAccess_\\w+/alice");
        }
    }

    /** {@code aws sts get-caller-identity} as the profile, with HOME (so the SSO token cache) and config given. */
    private String callerIdentity(Path aws, Path home, Path config, String profile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(aws.toString(), "--profile", profile, "sts", "get-caller-identity",
                "--output", "json");
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("AWS_CONFIG_FILE", config.toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * The reverse: botocore (the AWS CLI's library) signs in with its own sso-oidc client and saves the token with the
     * CLI's own cache writer ({@code SSOTokenLoader.save_token}, as {@code aws sso login} does; aws-cli 1.x has no
     * {@code sso login} command), and the console enters with it without a sign-in.
     */
    @Test
    void theConsoleUsesASignInTheCliCached() throws Exception {
        Optional<Path> python = pythonWithBotocore();
        assumeTrue(python.isPresent(), "no python3 with botocore >= 1.31 on PATH");
        AtomicInteger prompts = new AtomicInteger();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withSpeed(1.0));
             AwsClientFactory clients = new AwsClientFactory()) {
            Path home = dir.resolve("home");
            Path script = dir.resolve("login.py");
            Files.writeString(script, String.join("\n",
                    "import sys, time, datetime, urllib.request, urllib.parse, botocore.session",
                    "from botocore import UNSIGNED",
                    "from botocore.config import Config",
                    "from botocore.utils import SSOTokenLoader, JSONFileCache",
                    "from botocore.tokens import _sso_json_dumps",
                    "endpoint, start, cache_dir = sys.argv[1:4]",
                    "oidc = botocore.session.get_session().create_client('sso-oidc', region_name='us-east-1',",
                    "    endpoint_url=endpoint, config=Config(signature_version=UNSIGNED))",
                    "c = oidc.register_client(clientName='botocore-client', clientType='public',"
                            + " scopes=['sso:account:access'])",
                    "d = oidc.start_device_authorization(clientId=c['clientId'], clientSecret=c['clientSecret'],"
                            + " startUrl=start)",
                    "form = urllib.parse.urlencode({'user_code': d['userCode'], 'user': 'alice', 'decision': 'approve'})",
                    "urllib.request.urlopen(d['verificationUri'], data=form.encode()).read()",
                    "time.sleep(d['interval'])",
                    "t = oidc.create_token(clientId=c['clientId'], clientSecret=c['clientSecret'],"
                            + " grantType='urn:ietf:params:oauth:grant-type:device_code', deviceCode=d['deviceCode'])",
                    "now = datetime.datetime.now(datetime.timezone.utc)",
                    "token = {'startUrl': start, 'region': 'us-east-1', 'accessToken': t['accessToken'],",
                    "    'expiresAt': now + datetime.timedelta(seconds=t['expiresIn']), 'clientId': c['clientId'],",
                    "    'clientSecret': c['clientSecret'], 'refreshToken': t['refreshToken'],",
                    "    'registrationExpiresAt': datetime.datetime.fromtimestamp(c['clientSecretExpiresAt'],"
                            + " datetime.timezone.utc)}",
                    "SSOTokenLoader(cache=JSONFileCache(cache_dir, dumps_func=_sso_json_dumps)).save_token(start, token,"
                            + " session_name='sandbox-sso')",
                    ""));
            Process p = new ProcessBuilder(python.get().toString(), script.toString(), sandbox.endpoint().toString(),
                    "https://harbormaster-sandbox.awsapps.com/start", home.resolve(".aws/sso/cache").toString())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();

            Path config = dir.resolve("config");
            Files.writeString(config, sandbox.awsSsoConfig("alice"));
            SsoLogins logins = new SsoLogins(SsoTokenCache.forHome(home), AwsSessions.clientsFor(clients),
                    Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
            AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(new AwsConfigFiles(config, dir.resolve("none"))),
                    clients, Clock.systemUTC(), logins, approve(prompts));
            var session = sessions.enter(EnvironmentBuilder.sandbox("dev").profile("sandbox-sso-dev-admin").build(),
                    MfaPrompt.NONE);
            assertThat(session.identity().arn()).contains("AWSReservedSSO_AdministratorAccess_");
            assertThat(prompts).as("the CLI's sign-in served the console").hasValue(0);
        }
    }

    private static Optional<Path> pythonWithBotocore() throws IOException, InterruptedException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path python = Path.of(d, "python3");
            if (!Files.isExecutable(python)) {
                continue;
            }
            Process p = new ProcessBuilder(python.toString(), "-c", "import botocore; print(botocore.__version__)")
                    .redirectErrorStream(true).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (v.matches("1\\.(3[1-9]|[4-9]\\d)\\..*")) {
                    return Optional.of(python);
                }
            }
        }
        return Optional.empty();
    }

    /** The first {@code aws} on PATH whose version is one that reads sso_session and profile endpoint_url. */
    private static Optional<Path> cliOnPath() throws IOException, InterruptedException {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path aws = Path.of(d, "aws");
            if (!Files.isExecutable(aws)) {
                continue;
            }
            Process p = new ProcessBuilder(aws.toString(), "--version").redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                continue;
            }
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // aws-cli 1.x on botocore >= 1.31 (sso_session from 1.29, endpoint_url in profiles from 1.31);
            // aws-cli 2.x from 2.13 (endpoint_url in profiles).
            if (version.matches("(?s)aws-cli/1\\..*botocore/1\\.(3[1-9]|[4-9]\\d)\\..*")
                    || version.matches("(?s)aws-cli/2\\.(1[3-9]|[2-9]\\d)\\..*")) {
                return Optional.of(aws);
            }
        }
        return Optional.empty();
    }

    private static SsoSignInPrompt approve(AtomicInteger prompts) {
        Browser browser = new Browser();
        return (session, uri, code) -> {
            prompts.incrementAndGet();
            browser.answer(uri, code, "alice", "approve");
            return Browser.waiting();
        };
    }
}
