package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteFleetArchive;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stale-while-revalidate through the real app: a console that has seen dev's fleet keeps it in its SQLite store; the
 * next console (a slow sandbox this time) shows those services at once, marked as a saved view, and replaces them with
 * the current fleet when it is in.
 */
class SavedFleetJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox());

    @Test
    void theLastFleetSeenShowsAtOnceMarkedSavedThenTheCurrentOneReplacesIt() throws Exception {
        journey.robot().clickOn("#nav-services");
        journey.enter("sandbox-dev");
        journey.awaitFleetLoaded();
        FleetViewModel first = journey.shell().fleet();
        String region = first.data().snapshot().region();
        journey.waitUntil("dev's fleet is saved", () -> saved(region).isPresent());
        Set<String> seen = saved(region).orElseThrow().services().stream().map(Service::arn)
                .collect(Collectors.toSet());
        assertThat(seen).hasSize(first.data().snapshot().services().size());

        journey.restart(JourneyOptions.sandbox().latencyMs(400));
        journey.robot().clickOn("#nav-services");
        journey.enter("sandbox-dev");
        FleetViewModel fleet = journey.shell().fleet();
        journey.waitUntil("the saved view shows while the current fleet loads",
                () -> fleet.stalenessProperty().get().startsWith("Saved view of dev")
                        && arns(journey.shell().page(ServicesPage.class).viewModel().allRows()).equals(seen));
        assertThat(fleet.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADING);
        javafx.scene.control.Label banner = journey.lookup("#page-stale");
        assertThat(banner.isVisible()).as("the banner says so").isTrue();
        assertThat(banner.getText()).startsWith("Saved view of dev");
        journey.screenshot("saved-fleet-01-saved-view");

        journey.waitUntil("the current fleet replaced it", () -> fleet.stateProperty().get()
                == FleetViewModel.State.LOADED && fleet.stalenessProperty().get().isEmpty());
        journey.awaitFleetLoaded();
        assertThat(arns(journey.serviceRows())).isEqualTo(seen);
        assertThat(journey.serviceRows()).allMatch(ServiceRow::described);
        journey.screenshot("saved-fleet-02-current");
    }

    /** What the console's store holds for dev, read through a second connection as the next console would. */
    private static Optional<FleetSnapshot> saved(String region) {
        try (LocalStore store = LocalStore.open(journey.home().resolve("sandbox.db"))) {
            return new SqliteFleetArchive(store, Clock.systemUTC()).lastSaved("sandbox-dev", region);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the saved fleet", e);
        }
    }

    private static Set<String> arns(List<ServiceRow> rows) {
        return rows.stream().map(ServiceRow::arn).collect(Collectors.toSet());
    }
}
