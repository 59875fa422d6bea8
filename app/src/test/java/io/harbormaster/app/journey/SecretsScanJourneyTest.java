package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.cost.CostPage;
import io.harbormaster.views.cost.CostViewModel;
import io.harbormaster.views.cost.CostRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After entering every environment (prod with MFA), exporting the cost CSV and taking a screenshot, no secret the
 * sandbox handed out (the ops user's secret key, the MFA device's TOTP secret, every session's secret key and token)
 * is anywhere the console wrote or showed: the data directory (store, its WAL, logs), the export, the screenshot
 * PNG, and the texts the screenshot shows (window titles, every label and field). The AWS config and credentials
 * files the sandbox writes there are the operator's own (AWS's format holds keys) and are left out, by name. The
 * scan is seen to work: a secret planted in a file beside the export is found.
 */
class SecretsScanJourneyTest {

    private static final System.Logger LOG = System.getLogger(SecretsScanJourneyTest.class.getName());
    private static final String LOGIN = "alice";

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    @Test
    void noKeySecretTokenOrTotpSecretIsWrittenOrShownAnywhere() throws Exception {
        journey.enterProd();
        journey.enter("sandbox-dev");
        journey.enter("sandbox-stage");
        Path exports = journey.workDir().resolve("exports");
        Files.createDirectories(exports);
        exportCost(exports.resolve("cost.csv"));
        Path png = journey.screenshot("secrets-scan-stage-cost");
        String shown = journey.onUi(SecretsScanJourneyTest::textsShown);
        SecretsScan scan = SecretsScan.of(journey.sandbox(), LOGIN);
        assertThat(scan.secrets().keySet()).as("prod was entered with MFA, so sessions were issued")
                .anyMatch(what -> what.startsWith("session token"));

        Path planted = journey.workDir().resolve("planted");
        Files.createDirectories(planted);
        Map.Entry<String, String> one = scan.secrets().entrySet().iterator().next();
        Files.writeString(planted.resolve("export-with-a-secret.csv"), "name,value\nleak," + one.getValue() + "\n");
        assertThat(SecretsScan.of(journey.sandbox(), LOGIN).files(planted).found())
                .as("the scan finds a planted secret").containsExactly(one.getKey() + " in "
                        + planted.resolve("export-with-a-secret.csv"));
        Files.delete(planted.resolve("export-with-a-secret.csv"));
        Files.writeString(planted.resolve("old-token.txt"), io.harbormaster.sandbox.iam.Iam.SESSION_TOKEN_PREFIX
                + "AAAAforgottenByStsLongAgo");
        assertThat(SecretsScan.of(journey.sandbox(), LOGIN).files(planted).found()).as("a session token STS forgot")
                .singleElement().asString().startsWith("a session token (by its start");
        Files.delete(planted.resolve("old-token.txt"));
        journey.close();

        scan.files(journey.workDir()).files(png).text("the texts the screenshot shows", shown);
        assertThat(scan.scanned()).as("the store, the log, the export and the screenshot were scanned")
                .anyMatch(p -> p.getFileName().toString().endsWith(".db"))
                .anyMatch(p -> p.getFileName().toString().contains("log"))
                .anyMatch(p -> p.getFileName().toString().equals("cost.csv"))
                .anyMatch(p -> p.getFileName().toString().endsWith(".png"));
        assertThat(shown).as("the screenshot's texts were read").contains("stage");
        LOG.log(System.Logger.Level.INFO, "secrets scan: {0} secrets, {1} files and {2} characters shown, found {3}",
                scan.secrets().size(), scan.scanned().size(), shown.length(), scan.found().size());
        assertThat(scan.found()).as("secrets found in %s", scan.scanned()).isEmpty();
    }

    private static void exportCost(Path file) {
        journey.robot().interact(() -> journey.shell().navigate("cost"));
        CostViewModel cost = journey.shell().page(CostPage.class).viewModel();
        journey.waitUntil("the cost rows are in", java.time.Duration.ofSeconds(60), () -> !cost.rows().isEmpty());
        List<CostRow> rows = journey.onUi(() -> List.copyOf(cost.rows()));
        journey.robot().interact(() -> cost.exportTo(file, rows));
        journey.waitUntil("the CSV is written", () -> Files.exists(file)
                && cost.messageProperty().get().contains("exported"));
    }

    /** Every window's title and every text its scene shows: what a screenshot of it holds as words. */
    private static String textsShown() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> (w instanceof Stage s
                ? s.getTitle() + "\n" : "") + (w.getScene() == null ? "" : texts(w.getScene().getRoot())))
                .collect(Collectors.joining("\n"));
    }

    private static String texts(Node node) {
        StringBuilder b = new StringBuilder();
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            b.append(labeled.getText()).append('\n');
        } else if (node instanceof TextInputControl input && input.getText() != null) {
            b.append(input.getText()).append('\n');
        } else if (node instanceof Text text && text.getText() != null) {
            b.append(text.getText()).append('\n');
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> b.append(texts(child)));
        }
        return b.toString();
    }
}
