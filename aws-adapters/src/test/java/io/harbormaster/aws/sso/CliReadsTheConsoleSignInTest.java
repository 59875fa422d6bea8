package io.harbormaster.aws.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

            ProcessBuilder pb = new ProcessBuilder(aws.get().toString(), "--profile", "sandbox-sso-prod-readonly",
                    "sts", "get-caller-identity", "--output", "json");
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
            assertThat(out).contains("\"Account\": \"444444444444\"")
                    .containsPattern("assumed-role/AWSReservedSSO_ReadOnlyAccess_\\w+/alice");
            assertThat(prompts).as("the CLI signed in with nothing of its own").hasValue(1);
        }
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
        HttpClient browser = HttpClient.newHttpClient();
        return (session, uri, code) -> {
            prompts.incrementAndGet();
            String form = "user_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&user=alice&decision=approve";
            try {
                browser.send(HttpRequest.newBuilder(URI.create(uri.replaceFirst("\\?.*", "")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SsoSignInPrompt.Waiting() {
                @Override
                public boolean cancelled() {
                    return false;
                }

                @Override
                public void close() {
                }
            };
        };
    }

}
