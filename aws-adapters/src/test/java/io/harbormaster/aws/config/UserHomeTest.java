package io.harbormaster.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console must read the AWS files the aws CLI reads. Java's {@code user.home} comes from the password database;
 * the SDK and the CLI look at {@code $HOME} first. Run in a child JVM, since a test cannot change its own environment.
 */
class UserHomeTest {

    @TempDir
    Path dir;

    /** Writes where the AWS files are looked for, for the child JVM. */
    public static void main(String[] args) throws Exception {
        AwsConfigFiles files = AwsConfigFiles.fromSystem();
        Files.write(Path.of(args[0]), List.of(files.config().toString(), files.credentials().toString()));
    }

    @Test
    void theAwsFilesAreLookedForUnderDollarHomeNotUserHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("somebody"));
        Path out = dir.resolve("out.txt");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UserHomeTest.class.getName(), out.toString());
        child.environment().put("HOME", home.toString());
        child.environment().remove("AWS_CONFIG_FILE");
        child.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
        child.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        Process process = child.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();

        assertThat(Files.readAllLines(out)).containsExactly(home.resolve(".aws/config").toString(),
                home.resolve(".aws/credentials").toString());
    }
}
