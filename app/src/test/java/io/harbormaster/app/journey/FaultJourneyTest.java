package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Service;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.metrics.MetricsPage;
import io.harbormaster.views.metrics.MetricsViewModel;
import io.harbormaster.views.metrics.ServiceDashboardViewModel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console on the sandbox with wire faults switched on (issue 17's fault suite, CI size): while ECS fails, a
 * refresh of the fleet says what is wrong and that what is shown is old (never as current), in words, not a stack
 * trace, and opens no dialog, on every page that shows it (Services, Clusters, Metrics); once the fault ends, one
 * refresh makes the fleet current again. The wording names the fault: AWS's 500 and 503, a skewed clock, an expired
 * session (a cut answer, a slow one and a silent Region are told in {@code AwsErrorsUnderFaultsTest}: 16 s more here).
 * CloudWatch failing marks the Metrics page's charts the same way.
 */
class FaultJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-dev"));

    @Test
    void whileEcsFailsTheFleetIsMarkedStaleAndOneRefreshAfterTheFaultMakesItCurrent() throws Exception {
        journey.awaitFleetLoaded();
        journey.robot().clickOn("#nav-services");
        FleetViewModel fleet = journey.shell().fleet();
        java.util.Map<String, String> told = new java.util.LinkedHashMap<>();
        told.put("internal-failure:ecs", "ECS failed on AWS's side");
        told.put("unavailable:ecs", "ECS is unavailable");
        told.put("skew:ecs", "This computer's clock is off");
        told.put("expired-token:ecs", "Session expired");
        for (String fault : told.keySet()) {
            Instant before = journey.onUi(() -> fleet.asOfProperty().get());
            long id = journey.sandbox().control().addFault(fault);
            long t0 = System.nanoTime();
            journey.robot().interact(fleet::refresh);
            journey.waitUntil(fault + ": the refresh ended", Duration.ofSeconds(120),
                    () -> !fleet.refreshingProperty().get());
            String staleness = journey.onUi(() -> fleet.stalenessProperty().get());
            String missing = journey.onUi(() -> fleet.missingProperty().get());
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "{0}: refresh ended after {1} ms;"
                    + " stale: \"{2}\"; missing: \"{3}\"", fault, (System.nanoTime() - t0) / 1_000_000, staleness, missing);
            assertThat(staleness + missing).as(fault + ": the operator is told the data is old").isNotBlank();
            assertThat(staleness + missing).as(fault + ": and what is wrong").contains(told.get(fault));
            assertThat(journey.onUi(() -> fleet.asOfProperty().get())).as(fault + ": not shown as current")
                    .isEqualTo(before);
            assertThat(staleness + missing).as(fault + ": words, not a stack trace")
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("software.amazon").doesNotContain("..");
            assertThat(journey.exists("#problem-dialog")).as(fault + ": no dialog for a failed background refresh")
                    .isFalse();
            assertThat(journey.onUi(() -> journey.lookup("#page-stale").isVisible()))
                    .as(fault + ": the Services page shows the banner").isTrue();
            journey.screenshot("fault-" + fault.replace(':', '-'));
            if (fault.startsWith("expired-token")) {
                for (String page : new String[] {"clusters", "metrics"}) {
                    journey.robot().clickOn("#nav-" + page);
                    assertMarkedStale(page, staleness);
                    journey.screenshot("fault-" + fault.replace(':', '-') + "-" + page);
                }
                journey.robot().clickOn("#nav-services");
            }

            journey.sandbox().control().removeFault(id);
            journey.robot().interact(fleet::refresh);
            journey.waitUntil(fault + " ended: one refresh makes the fleet current", Duration.ofSeconds(60),
                    () -> !fleet.refreshingProperty().get() && fleet.stalenessProperty().get().isEmpty()
                            && fleet.missingProperty().get().isEmpty() && fleet.asOfProperty().get().isAfter(before));
        }
        assertThat(journey.sandbox().control().faultsInjected()).isNotEmpty();
        for (String page : new String[] {"clusters", "metrics"}) {
            journey.robot().clickOn("#nav-" + page);
            assertThat(journey.onUi(() -> journey.lookup("#page-stale").isVisible())).as(page + ": current, unmarked")
                    .isFalse();
        }
    }

    /**
     * CloudWatch failing under the Metrics page: the charts drawn stay, marked old with CloudWatch's reason and what
     * to do, the status bar's "as of" marked too; one F5 once CloudWatch answers again clears the marking.
     */
    @Test
    void whileCloudWatchFailsTheChartsAreMarkedStaleAndOneRefreshAfterClearsIt() throws Exception {
        journey.awaitFleetLoaded();
        journey.robot().clickOn("#nav-metrics");
        journey.robot().clickOn("#tab-dashboard");
        MetricsViewModel metrics = journey.shell().page(MetricsPage.class).viewModel();
        ServiceDashboardViewModel dashboard = metrics.dashboard();
        Service web = journey.onUi(() -> dashboard.services().stream().filter(s -> s.name().equals("app-web"))
                .findFirst().orElseThrow());
        journey.robot().interact(() -> dashboard.showService(web.arn()));
        journey.waitUntil("CloudWatch answered", Duration.ofSeconds(60), () -> !dashboard.fromCacheProperty().get()
                && !dashboard.seriesProperty().get().isEmpty());

        long id = journey.sandbox().control().addFault("expired-token:monitoring");
        journey.robot().interact(() -> journey.shell().refresh());
        journey.waitUntil("the failed read is told", Duration.ofSeconds(60),
                () -> !dashboard.stalenessProperty().get().isEmpty());
        String staleness = journey.onUi(() -> dashboard.stalenessProperty().get());
        assertThat(staleness).startsWith("Could not read CloudWatch at ").contains("Showing the charts as of ")
                .doesNotContain("Exception").doesNotContain("software.amazon");
        assertThat(journey.onUi(() -> dashboard.seriesProperty().get())).as("the charts drawn stay").isNotEmpty();
        assertMarkedStale("metrics", staleness);
        journey.screenshot("fault-expired-token-monitoring-metrics");

        journey.sandbox().control().removeFault(id);
        journey.robot().interact(() -> journey.shell().refresh());
        journey.waitUntil("one refresh after the fault clears the marking", Duration.ofSeconds(60),
                () -> dashboard.stalenessProperty().get().isEmpty() && !dashboard.fromCacheProperty().get());
        assertThat(journey.onUi(() -> journey.lookup("#page-stale").isVisible())).isFalse();
    }

    /** The page in front shows the stale banner with {@code expected} in it, and the status bar marks its "as of". */
    private static void assertMarkedStale(String page, String expected) {
        javafx.scene.control.Label banner = journey.lookup("#page-stale");
        javafx.scene.control.Label asOf = journey.lookup("#status-refreshed");
        assertThat(journey.onUi(banner::isVisible)).as(page + " shows the stale banner").isTrue();
        assertThat(journey.onUi(banner::getText)).as(page + ": in the one wording").contains(expected);
        assertThat(journey.onUi(asOf::getText)).as(page + ": the status bar's as of is not shown as current")
                .endsWith("stale, see above");
    }
}
