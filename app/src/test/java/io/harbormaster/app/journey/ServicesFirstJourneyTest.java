package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Names first, at fleet scale: the sandbox's `services` fleet (prod: 7 clusters, 2,000+ services) with its default
 * latency and throttling, where describing every service takes several seconds whatever the client does. Entering
 * prod shows every service as a row by name and cluster, marked "Describing…", long before they are described;
 * then every row fills in, and the rows are exactly the services the sandbox has.
 */
class ServicesFirstJourneyTest {

    @TempDir
    static Path home;

    @Test
    void everyServiceIsARowByNameFirstThenEveryRowIsDescribed() throws Exception {
        // Generating 2,000 services (in the app's init) takes longer than TestFX's 30 s setup wait on a busy machine.
        long setupWait = FxToolkit.toolkitContext().getSetupTimeoutInMillis();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(Math.max(setupWait, 180_000));
        try (AppHarness harness = AppHarness.start(home, "--sandbox", "--fleet=services");
                SandboxFleet prod = new SandboxFleet(home, "prod", "444444444444")) {
            Set<String> sandbox = prod.serviceNames();
            assertThat(sandbox).hasSizeGreaterThan(2000);

            harness.robot.clickOn("#nav-services");
            FleetJourneys.enterProd(harness);
            ServicesViewModel services = harness.app.window().viewModel().page(ServicesPage.class).viewModel();

            waitUntil(harness, 60, "every service is a row, some still being described",
                    () -> {
                        List<ServiceRow> rows = rowsNow(services);
                        return rows.size() == sandbox.size() && rows.stream().anyMatch(r -> !r.described());
                    });
            List<ServiceRow> early = rowsNow(services);
            long describing = early.stream().filter(r -> !r.described()).count();
            assertThat(names(early)).isEqualTo(sandbox);
            assertThat(early.stream().filter(r -> !r.described()))
                    .allSatisfy(r -> assertThat(r.attentionText()).isEqualTo("Describing…"));
            // Rows being described sort after the described ones, and the boundary moves down ~200 rows a second:
            // the table's end is where they stay longest.
            TableView<ServiceRow> table = harness.lookup("#services-table");
            harness.robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
            WaitForAsyncUtils.waitForFxEvents();
            Set<Node> muted = harness.robot.lookup(".table-row-cell.hm-row-describing").queryAll();
            boolean stillDescribing = rowsNow(services).stream().anyMatch(r -> !r.described());
            if (stillDescribing) {
                assertThat(muted).as("rows being described are on screen, muted").anyMatch(Node::isVisible);
            }
            harness.screenshot("services-first-02-describing");

            waitUntil(harness, 120, "every row is described",
                    () -> {
                        List<ServiceRow> rows = rowsNow(services);
                        return rows.size() == sandbox.size() && rows.stream().allMatch(ServiceRow::described);
                    });
            assertThat(names(rowsNow(services))).isEqualTo(sandbox);
            assertThat(services.summaryProperty().get()).startsWith(String.format("%,d services · ", sandbox.size()))
                    .doesNotContain("being described");
            assertThat(describing).as("rows were shown before they were described").isPositive();
            harness.screenshot("services-first-03-described");
        } finally {
            FxToolkit.toolkitContext().setSetupTimeoutInMillis(setupWait);
        }
    }

    /** The rows as the UI thread has them: the list changes there a few times a second, so it is read there. */
    private static List<ServiceRow> rowsNow(ServicesViewModel services) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(services.allRows())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the Services table's rows", e);
        }
    }

    private static Set<String> names(List<ServiceRow> rows) {
        return rows.stream().map(r -> r.cluster() + "/" + r.name()).collect(Collectors.toSet());
    }

    private static void waitUntil(AppHarness harness, int seconds, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
