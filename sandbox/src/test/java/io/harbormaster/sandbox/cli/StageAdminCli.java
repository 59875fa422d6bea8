package io.harbormaster.sandbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up CLI tests share: a sandbox on a manual clock (credentials that do not expire while the test moves it)
 * and Debian's CLI acting as alice's stage admin role, assumed with {@code aws sts assume-role}. Register it as a
 * static {@code @RegisterExtension} field; it skips the class (or fails it on CI) when the CLI is absent.
 */
final class StageAdminCli implements BeforeAllCallback, AfterAllCallback {

    static final String STAGE_ADMIN = "arn:aws:iam::333333333333:role/admin";

    private Path home;
    private Sandbox sandbox;
    private AwsCli cli;
    private AwsCli.Creds creds;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        AwsCli.require();
        home = Files.createTempDirectory("harbormaster-cli");
        sandbox = Sandbox.start(SandboxOptions.forTests());
        sandbox.control().setCredentialExpiry(false);
        cli = AwsCli.on(sandbox, home);
        creds = cli.assumeRole(cli.user("alice"), STAGE_ADMIN, "alice");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Sandbox sandbox() {
        return sandbox;
    }

    AwsCli cli() {
        return cli;
    }

    AwsCli.Creds creds() {
        return creds;
    }

    /** Runs {@code aws <args> --endpoint-url … --output json} as stage admin, expects success, parses the output. */
    JsonNode aws(String... args) {
        return cli.ok(creds, args);
    }

    AwsCli.Result run(String... args) {
        return cli.run(creds, args);
    }

    /** The error output of a command that must fail. */
    String fails(String... args) {
        return cli.fails(creds, args);
    }
}
