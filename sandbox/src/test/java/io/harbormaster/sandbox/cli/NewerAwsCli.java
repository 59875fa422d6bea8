package io.harbormaster.sandbox.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds an {@code aws} on PATH that knows ECS's service-deployment APIs (ListServiceDeployments and
 * ContinueServiceDeployment; Debian's awscli 2.9 predates both, the pyenv awscli 1.45 / botocore 1.43 has them).
 * A command the CLI knows prints its skeleton for {@code --generate-cli-skeleton}; one it does not is an invalid
 * choice. A pyenv shim is resolved to the real script first, because the tests run the CLI with a private HOME,
 * where the shim would not find its pyenv.
 */
final class NewerAwsCli {

    private NewerAwsCli() {
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (!Files.isExecutable(candidate)) {
                continue;
            }
            Path real = resolveShim(candidate);
            if (real != null && knows(real, "list-service-deployments") && knows(real, "continue-service-deployment")) {
                return Optional.of(real);
            }
        }
        return Optional.empty();
    }

    private static Path resolveShim(Path aws) {
        Path dir = aws.getParent();
        if (!dir.getFileName().toString().equals("shims")) {
            return aws;
        }
        Path pyenv = dir.getParent().resolve("bin").resolve("pyenv");
        if (!Files.isExecutable(pyenv)) {
            pyenv = dir.getParent().resolve("libexec").resolve("pyenv");
        }
        String out = run(List.of(pyenv.toString(), "which", "aws"));
        return out == null ? null : Path.of(out.strip());
    }

    private static boolean knows(Path aws, String ecsCommand) {
        return run(List.of(aws.toString(), "ecs", ecsCommand, "--generate-cli-skeleton")) != null;
    }

    /** The command's stdout when it exits 0 within 60 s, else null. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
