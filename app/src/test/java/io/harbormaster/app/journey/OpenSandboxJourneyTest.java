package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the operator's own AWS configuration the console opens on it; the sandbox is still one click away. */
class OpenSandboxJourneyTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearOverrides() {
        System.clearProperty("harbormaster.aws.config");
        System.clearProperty("harbormaster.aws.credentials");
    }

    @Test
    void fileOpenTheSandboxSwitchesTheConsoleToTheSandboxInTheSameWindow() throws Exception {
        Path config = dir.resolve("config");
        Path credentials = dir.resolve("credentials");
        Files.writeString(config, "[profile ops]\nregion = us-east-1\n");
        Files.writeString(credentials, "[ops]\naws_access_key_id = AKIAOWNKEY0000000000\n"
                + "aws_secret_access_key = not-a-real-secret\n");
        System.setProperty("harbormaster.aws.config", config.toString());
        System.setProperty("harbormaster.aws.credentials", credentials.toString());

        try (AppHarness harness = AppHarness.start(dir.resolve("home"))) {
            assertThat(harness.app.sandbox()).as("own configuration: no sandbox at start").isEmpty();
            assertThat(harness.exists("#env-sandbox-dev")).isFalse();

            harness.robot.clickOn("File");
            harness.robot.clickOn("#menu-open-sandbox");

            harness.waitUntil("the sandbox's environments are offered", () -> harness.exists("#env-sandbox-dev"));
            assertThat(harness.app.sandbox()).isPresent();
            assertThat(Files.exists(dir.resolve("home").resolve("sandbox.db"))).isTrue();
            harness.robot.clickOn("#env-sandbox-dev");
            TableView<Cluster> table = harness.lookup("#clusters-table");
            harness.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());
            harness.screenshot("open-sandbox-from-own-config");
        }
    }
}
