package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Names first, at fleet scale: the sandbox's `services` fleet (prod: 7 clusters, 2,000+ services) with its default
 * latency and throttling, where describing every service takes several seconds whatever the client does. Entering
 * prod shows every service as a row by name and cluster, marked "Describing…", long before they are described;
 * then every row fills in, and the rows are exactly the services the sandbox has.
 */
class ServicesFirstJourneyTest {

    // Generating 2,000 services (in the app's init) takes longer than TestFX's 30 s setup wait on a busy machine.
    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().defaultLatency().fleet("services")
            .setupTimeout(Duration.ofMinutes(3)));

    @Test
    void everyServiceIsARowByNameFirstThenEveryRowIsDescribed() throws Exception {
        // The sandbox starts beside the window: its profiles exist once the bar offers its environments.
        journey.awaitOffered("sandbox-prod");
        Set<String> sandbox;
        try (SandboxFleet prod = new SandboxFleet(journey.home(), "prod", "444444444444")) {
            sandbox = prod.serviceNames();
        }
        assertThat(sandbox).hasSizeGreaterThan(2000);

        journey.robot().clickOn("#nav-services");
        journey.enterProd();
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();

        journey.waitUntil("every service is a row, some still being described", Duration.ofSeconds(60), () -> {
            List<ServiceRow> rows = services.allRows();
            return rows.size() == sandbox.size() && rows.stream().anyMatch(r -> !r.described());
        });
        // Hold the describing back while the table is looked at (the sandbox answers slowly for a while), so the
        // rows being described are still there to be seen however fast this machine is.
        Duration serviceTime = journey.sandbox().control().serviceTime();
        journey.sandbox().control().setServiceTime(Duration.ofSeconds(3));
        try {
            List<ServiceRow> early = journey.serviceRows();
            long describing = early.stream().filter(r -> !r.described()).count();
            assertThat(describing).as("rows are shown before they are described").isPositive();
            assertThat(names(early)).isEqualTo(sandbox);
            assertThat(early.stream().filter(r -> !r.described()))
                    .allSatisfy(r -> assertThat(r.attentionText()).isEqualTo("Describing…"));
            // Rows being described sort after the described ones: the table's end is where they are.
            TableView<ServiceRow> table = journey.lookup("#services-table");
            journey.robot().interact(() -> table.scrollTo(table.getItems().size() - 1));
            journey.waitUntil("rows being described are on screen, muted", () -> journey.robot()
                    .lookup(".table-row-cell").queryAll().stream().anyMatch(row -> row.isVisible()
                            && row.getPseudoClassStates().contains(HarbormasterStyles.DESCRIBING)));
            journey.screenshot("services-first-02-describing");
        } finally {
            journey.sandbox().control().setServiceTime(serviceTime);
        }

        journey.waitUntil("every row is described", Duration.ofSeconds(120), () -> {
            List<ServiceRow> rows = services.allRows();
            return rows.size() == sandbox.size() && rows.stream().allMatch(ServiceRow::described);
        });
        assertThat(names(journey.serviceRows())).isEqualTo(sandbox);
        assertThat(services.summaryProperty().get()).startsWith(String.format("%,d services · ", sandbox.size()))
                .doesNotContain("being described");
        journey.screenshot("services-first-03-described");
    }

    private static Set<String> names(List<ServiceRow> rows) {
        return rows.stream().map(r -> r.cluster() + "/" + r.name()).collect(Collectors.toSet());
    }
}
