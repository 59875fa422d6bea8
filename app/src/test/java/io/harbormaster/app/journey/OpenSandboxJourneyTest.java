package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the operator's own AWS configuration the console opens on it; the sandbox is still one click away, and the
 * way back one more.
 */
class OpenSandboxJourneyTest {

    @RegisterExtension
    final Journey journey = Journey.startedByTest();

    @Test
    void fileOpenTheSandboxSwitchesTheConsoleToTheSandboxInTheSameWindow() throws Exception {
        Path config = journey.workDir().resolve("config");
        Path credentials = journey.workDir().resolve("credentials");
        Files.writeString(config, "[profile ops]\nregion = us-east-1\n");
        Files.writeString(credentials, "[ops]\naws_access_key_id = AKIAOWNKEY0000000000\n"
                + "aws_secret_access_key = not-a-real-secret\n");
        journey.start(JourneyOptions.ownAws(config, credentials));

        assertThat(journey.app().sandbox()).as("own configuration: no sandbox at start").isEmpty();
        assertThat(journey.exists("#env-sandbox-dev")).isFalse();

        journey.robot().clickOn("File");
        journey.robot().clickOn("#menu-open-sandbox");

        journey.awaitOffered("sandbox-dev");
        assertThat(journey.app().sandbox()).isPresent();
        assertThat(Files.exists(journey.home().resolve("sandbox.db"))).isTrue();
        journey.robot().clickOn("#env-sandbox-dev");
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());
        journey.screenshot("open-sandbox-from-own-config");
        assertThat(journey.<Node>lookup("#sandbox-mark").isVisible()).as("the sandbox is marked").isTrue();

        // And back, in the same window: the sandbox stops, and nothing says "sandbox" any more.
        journey.robot().clickOn("File");
        journey.robot().clickOn("#menu-open-own-aws");
        journey.waitUntil("the sandbox is left", () -> journey.app().sandbox().isEmpty());
        journey.waitUntil("the sandbox's environments are gone", () -> !journey.exists("#env-sandbox-dev"));
        assertThat(journey.<Node>lookup("#sandbox-mark").isVisible()).as("no marker on one's own AWS").isFalse();
        assertThat(journey.shell().titleProperty().get()).isEqualTo("Harbormaster");
        journey.screenshot("back-to-own-config-from-sandbox");
    }
}
