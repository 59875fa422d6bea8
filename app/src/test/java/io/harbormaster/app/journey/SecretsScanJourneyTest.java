package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.sandbox.iam.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After entering prod with MFA and dev, no secret the sandbox handed out (the ops user's secret key, the MFA
 * device's TOTP secret, every session's secret key and token) is anywhere in the data directory: store, its WAL,
 * logs. The AWS config and credentials files the sandbox writes there are the operator's own (AWS's format holds
 * keys by design) and are left out of the scan, by exact path.
 */
class SecretsScanJourneyTest {

    private static final System.Logger LOG = System.getLogger(SecretsScanJourneyTest.class.getName());
    private static final String LOGIN = "alice";

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    @Test
    void noKeySecretTokenOrTotpSecretIsWrittenToTheDataDirectory() throws Exception {
        journey.enterProd();
        journey.enter("sandbox-dev");
        Map<String, String> secrets = secretsHandedOut(journey.sandbox());
        assertThat(secrets.keySet()).as("prod was entered with MFA, so sessions were issued")
                .anyMatch(what -> what.startsWith("session token"));
        journey.close();

        List<Path> scanned = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(journey.home())) {
            for (Path file : files.filter(Files::isRegularFile).filter(SecretsScanJourneyTest::notAwsFile).toList()) {
                scanned.add(file);
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                secrets.forEach((what, secret) -> {
                    if (content.contains(secret)) {
                        found.add(what + " in " + journey.home().relativize(file));
                    }
                });
            }
        }
        assertThat(scanned).as("the store and the log were scanned")
                .anyMatch(p -> p.getFileName().toString().endsWith(".db"))
                .anyMatch(p -> p.getFileName().toString().contains("log"));
        LOG.log(System.Logger.Level.INFO, "secrets scan: {0} secrets, {1} files, found {2}", secrets.size(),
                scanned.size(), found.size());
        assertThat(found).as("secrets found in %s", scanned).isEmpty();
    }

    private static Map<String, String> secretsHandedOut(Sandbox sandbox) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("TOTP secret of " + LOGIN, sandbox.totpSecret(LOGIN));
        sandbox.awsCredentials(LOGIN).lines().map(String::strip)
                .filter(line -> line.startsWith("aws_secret_access_key"))
                .forEach(line -> secrets.put("ops secret key", line.substring(line.indexOf('=') + 1).strip()));
        for (Session s : sandbox.issuedSessions()) {
            secrets.put("session secret key " + s.accessKeyId(), s.secretAccessKey());
            secrets.put("session token " + s.accessKeyId(), s.sessionToken());
        }
        return secrets;
    }

    private static boolean notAwsFile(Path file) {
        String name = file.getFileName().toString();
        return !(name.equals("config") || name.equals("credentials"));
    }
}
