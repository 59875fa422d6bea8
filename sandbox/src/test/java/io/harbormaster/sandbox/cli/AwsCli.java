package io.harbormaster.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbormaster.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}, 2.9.19 here) run against a sandbox, shared by the CLI fidelity tests.
 *
 * <p>awscli 2.9 predates {@code endpoint_url} in profiles (2.13), and a role profile would send its AssumeRole to the
 * real STS, so every command gets {@code --endpoint-url} and credentials come from the environment
 * ({@code AWS_ACCESS_KEY_ID} …): a user's long-term key, or a session from {@code sts assume-role}. The config and
 * credentials files the sandbox generates are written to a private home so nothing of the machine's leaks in.
 *
 * <p>{@link #require()} skips the calling test class (a JUnit assumption) when {@code /usr/bin/aws} is absent, except
 * on CI ({@code CI=true}), where its absence fails the build.
 */
final class AwsCli {

    static final Path AWS = Path.of("/usr/bin/aws");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Credentials handed to the CLI by environment; {@code sessionToken} may be null for a long-term key. */
    record Creds(String accessKeyId, String secretAccessKey, String sessionToken) {

        /** From the {@code Credentials} object of {@code aws sts assume-role} / {@code get-session-token} output. */
        static Creds of(JsonNode credentials) {
            return new Creds(credentials.get("AccessKeyId").asText(), credentials.get("SecretAccessKey").asText(),
                    credentials.get("SessionToken").asText());
        }
    }

    /** One finished {@code aws} process. */
    record Result(int exit, String out, String err) {

        JsonNode json() {
            try {
                return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }

    private final Sandbox sandbox;
    private final Path home;
    private final Path aws;

    private AwsCli(Sandbox sandbox, Path home, Path aws) {
        this.sandbox = sandbox;
        this.home = home;
        this.aws = aws;
    }

    /** Skips (or, with {@code CI=true}, fails) the calling class when Debian's CLI is not installed. */
    static void require() {
        if (!Files.isExecutable(AWS)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("/usr/bin/aws (Debian's awscli) is required on CI");
            }
            assumeTrue(false, "/usr/bin/aws is not installed");
        }
    }

    /** A CLI for {@code sandbox} with alice's generated config and credentials files under {@code home}. */
    static AwsCli on(Sandbox sandbox, Path home) throws IOException {
        require();
        return on(sandbox, home, AWS);
    }

    /** Like {@link #on(Sandbox, Path)} with another {@code aws} executable (one found on PATH, say). */
    static AwsCli on(Sandbox sandbox, Path home, Path aws) throws IOException {
        Files.writeString(home.resolve("config"), sandbox.awsConfig("alice"));
        Files.writeString(home.resolve("credentials"), sandbox.awsCredentials("alice"));
        return new AwsCli(sandbox, home, aws);
    }

    /** The user's long-term (ops account) key. */
    Creds user(String name) {
        var k = sandbox.control().accessKey(name);
        return new Creds(k.accessKeyId(), k.secretAccessKey(), null);
    }

    /** {@code aws sts assume-role} as {@code as}, expected to succeed: the session's credentials. */
    Creds assumeRole(Creds as, String roleArn, String sessionName, String... extra) {
        List<String> args = new ArrayList<>(List.of("sts", "assume-role", "--role-arn", roleArn,
                "--role-session-name", sessionName));
        args.addAll(List.of(extra));
        return Creds.of(ok(as, args.toArray(String[]::new)).get("Credentials"));
    }

    /** Runs {@code aws <args> --endpoint-url … --region us-east-1 --output json} with {@code creds}. */
    Result run(Creds creds, String... args) {
        List<String> cmd = new ArrayList<>(List.of(aws.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", sandbox.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        for (String k : List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_DEFAULT_REGION", "AWS_REGION",
                "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) {
            env.remove(k);
        }
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", creds.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", creds.secretAccessKey());
        if (creds.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", creds.sessionToken());
        }
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> err = new CompletableFuture<>();
            Thread drain = new Thread(() -> {
                try {
                    err.complete(p.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    err.completeExceptionally(e);
                }
            }, "aws-cli-stderr");
            drain.setDaemon(true);
            drain.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("aws " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs independent commands at once (each is still its own {@code aws} process) and answers their results in
     * order. The CLI spends most of its 1–2 s starting Python, so a batch costs about as much as its slowest command.
     */
    List<Result> parallel(Creds creds, List<String[]> commands) {
        List<CompletableFuture<Result>> running = new ArrayList<>();
        for (String[] args : commands) {
            running.add(CompletableFuture.supplyAsync(() -> run(creds, args), POOL));
        }
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** Like {@link #parallel} for commands that must succeed: their parsed JSON output, in order. */
    List<JsonNode> okAll(Creds creds, List<String[]> commands) {
        List<Result> results = parallel(creds, commands);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            assertThat(r.exit()).as("aws %s\nstdout: %s\nstderr: %s", String.join(" ", commands.get(i)), r.out(), r.err())
                    .isZero();
            out.add(r.json());
        }
        return out;
    }

    static String[] cmd(String... args) {
        return args;
    }

    private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "aws-cli");
        t.setDaemon(true);
        return t;
    });

    /** Runs the command, expects exit 0 and parses its JSON output. */
    JsonNode ok(Creds creds, String... args) {
        Result r = run(creds, args);
        assertThat(r.exit()).as("aws %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.out(), r.err()).isZero();
        return r.json();
    }

    /** Runs the command, expects it to fail, and answers its stderr (where the CLI prints the error code). */
    String fails(Creds creds, String... args) {
        Result r = run(creds, args);
        assertThat(r.exit()).as("aws %s should fail\nstdout: %s", String.join(" ", args), r.out()).isNotZero();
        return r.err();
    }

    /** The element of a JSON array whose {@code field} is {@code value}. */
    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
