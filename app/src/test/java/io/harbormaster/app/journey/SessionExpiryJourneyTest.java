package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.fleet.FleetViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that runs out while the operator works (here: the sandbox's clock jumps three hours, past the role's
 * one-hour credentials) is renewed behind the scenes: the next refresh shows fresh data and no error.
 */
class SessionExpiryJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    @Test
    void anExpiredSessionIsRenewedWithoutTheOperatorNoticing() throws Exception {
        harness.enter("sandbox-dev");
        TableView<Cluster> table = harness.lookup("#clusters-table");
        harness.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());
        FleetViewModel fleet = harness.app.window().viewModel().fleet();
        harness.waitUntil("the first load is done", () -> fleet.asOfProperty().get() != null
                && !fleet.refreshingProperty().get());
        Instant firstAsOf = fleet.asOfProperty().get();
        int clusters = table.getItems().size();

        harness.app.sandbox().orElseThrow().sandbox().clock().advance(Duration.ofHours(3));
        Thread.sleep(1100);
        harness.robot.clickOn("#clusters-table");
        harness.robot.type(KeyCode.F5);

        harness.waitUntil("a refresh after the expiry completed", () -> fleet.asOfProperty().get() != null
                && fleet.asOfProperty().get().isAfter(firstAsOf) && !fleet.refreshingProperty().get());
        assertThat(fleet.stalenessProperty().get()).isEmpty();
        assertThat(fleet.missingProperty().get()).isEmpty();
        assertThat(fleet.loadProblemProperty().get()).isNull();
        assertThat(harness.exists("#problem-dialog")).isFalse();
        assertThat(table.getItems()).hasSize(clusters);
    }
}
