package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.sandbox.SandboxControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator can send: the console writes its log under the data directory; a problem says where it is, and
 * so does Help → About. With the log at FINE, entering prod (an MFA code, a session token, role credentials) and
 * dev leaves none of the sandbox's keys, tokens or codes in it.
 */
class DiagnosticsJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().logLevel("FINE"));

    private static final Pattern TEMPORARY_KEY_ID = Pattern.compile("ASIA[A-Z2-7]{16}");
    private static final Pattern MFA_CODE_SENT = Pattern.compile("(?i)token_?code\\W{1,3}\\d{6}");

    @Test
    void theLogIsNamedWhereItMattersAndHoldsNoSecretEvenAtFine() throws Exception {
        SandboxControl control = journey.sandbox().control();
        control.recordRequests(true);
        Path log = journey.home().resolve("logs").resolve("harbormaster-0.log");

        // A problem names the log: a wrong MFA code for prod (refused in the dialog), then no code at all.
        journey.select("sandbox-prod");
        journey.waitUntil("the MFA prompt shows", () -> journey.exists("#mfa-code"));
        journey.robot().clickOn("#mfa-code").write("000000");
        journey.robot().clickOn("#mfa-submit");
        Label hint = journey.lookup("#mfa-hint");
        journey.waitUntil("the wrong code is refused", () -> hint.getText().startsWith("Refused"));
        journey.robot().clickOn("Cancel");
        // the log's line is in the dialog's "Technical details", folded: there, not showing
        journey.waitUntil("entering without a code is a problem", () -> journey.exists("#problem-dialog"));
        assertThat(journey.<Label>lookup("#problem-log").getText()).isEqualTo("The log is at " + log);
        journey.robot().clickOn("Technical details");
        journey.screenshot("diagnostics-01-problem-names-the-log");
        journey.robot().clickOn("Close");
        journey.waitUntil("the problem is closed", () -> !journey.exists("#problem-dialog"));

        journey.enterProd();
        journey.awaitFleetLoaded();
        journey.enter("sandbox-dev");
        journey.awaitFleetLoaded();

        journey.robot().clickOn("#menu-help");
        journey.robot().clickOn("#menu-about");
        journey.waitUntil("About shows", () -> journey.exists("#about-dialog"));
        assertThat(journey.<TextField>lookup("#about-data").getText()).isEqualTo(journey.home().toString());
        assertThat(journey.<TextField>lookup("#about-log").getText()).isEqualTo(log.toString());
        assertThat(journey.<TextField>lookup("#about-version").getText()).isNotBlank();
        assertThat(journey.<TextField>lookup("#about-aws-0").getText())
                .isEqualTo(journey.app().sandbox().orElseThrow().files().config().toString());
        journey.screenshot("diagnostics-02-about");
        journey.robot().clickOn("Close");

        List<String> tokens = control.recordedRequests().stream()
                .map(r -> r.headers().getOrDefault("x-amz-security-token", "")).filter(t -> !t.isEmpty())
                .distinct().toList();
        assertThat(tokens).as("the console used session tokens").isNotEmpty();
        journey.close();

        String text = logs();
        assertThat(text).as("the log was written at FINE").contains(" FINE ").contains("Harbormaster stopped");
        Set<String> secrets = new LinkedHashSet<>(opsKeys());
        secrets.addAll(tokens);
        for (String secret : secrets) {
            assertThat(text).as("a key or token of the sandbox's").doesNotContain(secret);
        }
        assertThat(text).as("any session token").doesNotContain("IQoJb3JpZ2lu");
        assertThat(found(TEMPORARY_KEY_ID, text)).as("temporary access key ids").isEmpty();
        assertThat(found(MFA_CODE_SENT, text)).as("MFA codes").isEmpty();
    }

    /** The ops login's access key id and secret, as the sandbox wrote them into the generated credentials file. */
    private static List<String> opsKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(journey.home().resolve("sandbox").resolve("credentials"))) {
            int equals = line.indexOf('=');
            if (line.startsWith("aws_") && equals > 0) {
                keys.add(line.substring(equals + 1).trim());
            }
        }
        assertThat(keys).as("the ops key id and secret").hasSizeGreaterThanOrEqualTo(2);
        return keys;
    }

    private static String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(journey.home().resolve("logs"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> hits = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            hits.add(m.group());
        }
        return hits;
    }
}
