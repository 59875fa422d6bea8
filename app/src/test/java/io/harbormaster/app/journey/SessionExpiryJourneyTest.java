package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.fleet.FleetViewModel;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session that runs out while the operator works (here: the sandbox's clock jumps three hours, past the role's
 * one-hour credentials) is renewed behind the scenes: the next refresh shows fresh data and no error.
 */
class SessionExpiryJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @Test
    void anExpiredSessionIsRenewedWithoutTheOperatorNoticing() throws Exception {
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.waitUntil("dev's clusters are shown", () -> !table.getItems().isEmpty());
        FleetViewModel fleet = journey.shell().fleet();
        journey.awaitFleetLoaded();
        Instant firstAsOf = fleet.asOfProperty().get();
        int clusters = journey.copy(table.getItems()).size();

        journey.sandbox().clock().advance(Duration.ofHours(3)); // synchronous: the sessions have expired now
        journey.robot().clickOn("#clusters-table");
        journey.robot().type(KeyCode.F5);

        journey.waitUntil("a refresh after the expiry completed", () -> fleet.asOfProperty().get() != null
                && fleet.asOfProperty().get().isAfter(firstAsOf) && !fleet.refreshingProperty().get());
        assertThat(fleet.stalenessProperty().get()).isEmpty();
        assertThat(fleet.missingProperty().get()).isEmpty();
        assertThat(fleet.loadProblemProperty().get()).isNull();
        assertThat(journey.exists("#problem-dialog")).isFalse();
        assertThat(journey.copy(table.getItems())).hasSize(clusters);
    }
}
