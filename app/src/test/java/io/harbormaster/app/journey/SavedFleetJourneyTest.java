package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteFleetArchive;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Stale-while-revalidate through the real app: a console that has seen dev's fleet keeps it in its SQLite store; the
 * next console (a slow sandbox this time) shows those services at once, marked as a saved view, and replaces them with
 * the current fleet when it is in.
 */
class SavedFleetJourneyTest {

    @TempDir
    static Path home;

    @Test
    void theLastFleetSeenShowsAtOnceMarkedSavedThenTheCurrentOneReplacesIt() throws Exception {
        Set<String> seen;
        try (AppHarness first = AppHarness.start(home, "--sandbox", "--latency-ms=0")) {
            first.robot.clickOn("#nav-services");
            first.enter("sandbox-dev");
            FleetViewModel fleet = first.app.window().viewModel().fleet();
            first.waitUntil("dev's fleet is in", () -> fleet.data() != null && fleet.data().complete());
            String region = fleet.data().snapshot().region();
            first.waitUntil("dev's fleet is saved", () -> saved(region).isPresent());
            seen = saved(region).orElseThrow().services().stream().map(Service::arn).collect(Collectors.toSet());
            assertThat(seen).hasSize(fleet.data().snapshot().services().size());
        }

        try (AppHarness next = AppHarness.start(home, "--sandbox", "--latency-ms=400")) {
            next.robot.clickOn("#nav-services");
            next.enter("sandbox-dev");
            FleetViewModel fleet = next.app.window().viewModel().fleet();
            ServicesViewModel services = next.app.window().viewModel().page(ServicesPage.class).viewModel();
            next.waitUntil("the saved view shows while the current fleet loads",
                    () -> fleet.stalenessProperty().get().startsWith("Saved view of dev")
                            && arns(rowsNow(services)).equals(seen));
            assertThat(fleet.stateProperty().get()).isEqualTo(FleetViewModel.State.LOADING);
            javafx.scene.control.Label banner = next.lookup("#services-banner-stale");
            assertThat(banner.isVisible()).as("the banner says so").isTrue();
            assertThat(banner.getText()).startsWith("Saved view of dev");
            next.screenshot("saved-fleet-01-saved-view");

            next.waitUntil("the current fleet replaced it", () -> fleet.stateProperty().get()
                    == FleetViewModel.State.LOADED && fleet.stalenessProperty().get().isEmpty());
            assertThat(arns(rowsNow(services))).isEqualTo(seen);
            assertThat(rowsNow(services)).allMatch(ServiceRow::described);
            next.screenshot("saved-fleet-02-current");
        }
    }

    /** What the console's store holds for dev, read through a second connection as the next console would. */
    private static Optional<FleetSnapshot> saved(String region) {
        try (LocalStore store = LocalStore.open(home.resolve("sandbox.db"))) {
            return new SqliteFleetArchive(store, Clock.systemUTC()).lastSaved("sandbox-dev", region);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the saved fleet", e);
        }
    }

    private static Set<String> arns(List<ServiceRow> rows) {
        return rows.stream().map(ServiceRow::arn).collect(Collectors.toSet());
    }

    private static List<ServiceRow> rowsNow(ServicesViewModel services) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(services.allRows())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the Services table's rows", e);
        }
    }
}
