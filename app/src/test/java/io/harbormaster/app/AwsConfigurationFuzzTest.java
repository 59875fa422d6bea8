package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.model.error.Problem;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated, mostly malformed, config + credentials pairs through the same check start-up runs. Each
 * must come back as "fine" or as a Problem that names the file (and, for a parse error, the line); nothing else may be
 * thrown. Seeded, so a failure names the case that reproduces it. The figures go to RELIABILITY.md.
 */
class AwsConfigurationFuzzTest {

    private static final System.Logger LOG = System.getLogger(AwsConfigurationFuzzTest.class.getName());
    static final int CASES = 3_000;
    private static final long SEED = 17L;

    @TempDir
    Path dir;

    @Test
    void everyGeneratedFileIsAcceptedOrNamedWithItsFileAndLine() throws Exception {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(SEED * 1_000_003L + i);
            Path caseDir = Files.createDirectories(dir.resolve("case" + i));
            AwsConfigFiles files = new AwsConfigFiles(caseDir.resolve("config"), caseDir.resolve("credentials"));
            Files.write(files.config(), ConfigMutator.config(random));
            Files.write(files.credentials(), ConfigMutator.credentials(random));
            String outcome;
            int n = i;
            try {
                Optional<Problem> problem = AwsConfigurationCheck.check(files);
                outcome = problem.map(p -> judge(p, files, failures, n)).orElse("accepted");
            } catch (Throwable t) {
                outcome = "threw " + t.getClass().getSimpleName();
                failures.add("case " + i + " threw " + t);
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        LOG.log(Level.INFO, "AWS config fuzz: {0} tried, outcomes {1}", CASES, outcomes);
        assertThat(failures).as("cases not handled (seed %d)", SEED).isEmpty();
        assertThat(outcomes.getOrDefault("parse error", 0)).as("the generator reaches the parser's errors")
                .isGreaterThan(CASES / 10);
        assertThat(outcomes.getOrDefault("profile problem", 0)).as("the generator reaches broken chains")
                .isGreaterThan(CASES / 50);
        assertThat(outcomes.getOrDefault("accepted", 0)).as("some generated files are valid").isPositive();
    }

    private static String judge(Problem p, AwsConfigFiles files, List<String> failures, int i) {
        String text = p.message() + "\n" + p.nextStep();
        boolean namesFile = text.contains(files.config().toString()) || text.contains(files.credentials().toString());
        if (p.title().equals("AWS configuration malformed")) {
            if (!namesFile || !p.message().toLowerCase().matches("(?s).*line \\d+.*")) {
                failures.add("case " + i + " parse error without file and line: " + p.message());
            }
            return "parse error";
        }
        if (!namesFile) {
            failures.add("case " + i + " problem without its file: " + p.title() + ": " + p.message());
        }
        return p.title().equals("AWS configuration unreadable") ? "unreadable" : "profile problem";
    }

    /** Builds a plausible file, then damages it in one or more of the ways real files are damaged. */
    static final class ConfigMutator {

        private static final String[] NAMES = {"ops", "stage", "prod", "a", "b", "c", "default"};
        private static final String[] KEYS = {"region", "role_arn", "source_profile", "credential_source",
                "mfa_serial", "endpoint_url", "output", "duration_seconds", "s3", "unknown_key", "sso_session"};

        static byte[] config(Random r) {
            return render(r, true);
        }

        static byte[] credentials(Random r) {
            return render(r, false);
        }

        private static byte[] render(Random r, boolean config) {
            List<String> lines = new ArrayList<>();
            int sections = r.nextInt(5);
            for (int s = 0; s < sections; s++) {
                String name = NAMES[r.nextInt(NAMES.length)];
                lines.add(config && !name.equals("default") ? "[profile " + name + "]" : "[" + name + "]");
                int properties = r.nextInt(5);
                for (int k = 0; k < properties; k++) {
                    lines.add(property(r, config));
                }
            }
            int damages = r.nextInt(4);
            for (int d = 0; d < damages; d++) {
                damage(r, lines);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : lines) {
                out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                out.write(r.nextInt(10) == 0 ? '\r' : '\n');
            }
            if (r.nextInt(15) == 0) {
                byte[] binary = new byte[1 + r.nextInt(200)];
                r.nextBytes(binary);
                out.writeBytes(binary);
            }
            byte[] bytes = out.toByteArray();
            return r.nextInt(12) == 0 && bytes.length > 0 ? java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length))
                    : bytes;
        }

        private static String property(Random r, boolean config) {
            if (!config) {
                return switch (r.nextInt(3)) {
                    case 0 -> "aws_access_key_id = AKIA" + r.nextInt(1_000_000);
                    case 1 -> "aws_secret_access_key = s" + r.nextLong();
                    default -> "aws_session_token = t" + r.nextLong();
                };
            }
            String key = KEYS[r.nextInt(KEYS.length)];
            String value = switch (key) {
                case "role_arn" -> "arn:aws:iam::" + r.nextInt(1000) + ":role/r";
                case "source_profile" -> NAMES[r.nextInt(NAMES.length)];
                case "credential_source" -> r.nextBoolean() ? "Environment" : "Nowhere";
                case "s3" -> "";
                default -> "v" + r.nextInt(100);
            };
            return key + " = " + value;
        }

        private static void damage(Random r, List<String> lines) {
            int at = lines.isEmpty() ? 0 : r.nextInt(lines.size());
            switch (r.nextInt(11)) {
                case 0 -> lines.add(at, "[profile broken");
                case 1 -> lines.add(at, "profile x]");
                case 2 -> lines.add(at, "[]");
                case 3 -> lines.add(at, "this line has no equals sign");
                case 4 -> lines.add(at, " = value without a key");
                case 5 -> lines.add(at, "  continued = but nothing before it");
                case 6 -> lines.add(at, "region = " + "x".repeat(100_000 + r.nextInt(200_000)));
                case 7 -> lines.add(at, "[profile " + "p".repeat(r.nextInt(5_000)) + "]");
                case 8 -> {
                    if (!lines.isEmpty()) {
                        String line = lines.get(at);
                        lines.set(at, line.substring(0, r.nextInt(line.length() + 1)));
                    }
                }
                case 9 -> lines.add(at, new String(new char[] {(char) r.nextInt(32), '\u0000', '\uFFFD', '\u202E'}));
                default -> lines.add(at, "[profile " + NAMES[r.nextInt(NAMES.length)] + "]");
            }
        }
    }
}
