package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverState;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.views.cutovers.CutoversPage;
import io.harbormaster.views.cutovers.CutoversViewModel;
import io.harbormaster.views.cutovers.RouteRow;
import io.harbormaster.views.cutovers.live.CutoverHostsViewModel;
import io.harbormaster.views.cutovers.live.CutoverLiveViewModel;
import io.harbormaster.views.metrics.TimeSeriesChart;
import io.harbormaster.views.cutovers.wizard.CutoverWizardViewModel;
import io.harbormaster.sandbox.SandboxControl;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import java.time.Instant;
import java.util.function.Predicate;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.testfx.util.WaitForAsyncUtils;

/** Steps the cutover journeys share: open the page, pick a route, walk the wizard, drive the sandbox's clock. */
final class CutoverJourneys {

    private final Journey harness;

    CutoverJourneys(Journey harness) {
        this.harness = harness;
    }

    Sandbox sandbox() {
        return harness.sandbox();
    }

    CutoversViewModel page() {
        return harness.shell().page(CutoversPage.class).viewModel();
    }

    /** Shows the list, refreshed, and selects {@code environment}'s route whose name starts with {@code displayName}. */
    RouteRow select(String environment, String displayName) {
        Predicate<RouteRow> wanted = r -> r.environmentName().equals(environment)
                && r.route().displayName().startsWith(displayName);
        harness.robot().clickOn("#nav-cutovers");
        if (harness.exists("#cutover-live-back")) {
            harness.robot().clickOn("#cutover-live-back");
        }
        harness.robot().interact(() -> page().refresh());
        harness.waitUntil("every environment's routes are read", () -> page().loadingProperty().get() == 0);
        TableView<RouteRow> table = harness.lookup("#cutovers-table");
        harness.waitUntil("the list shows " + displayName + " in " + environment, () -> table.getItems().stream()
                .anyMatch(wanted));
        RouteRow row = harness.copy(table.getItems()).stream().filter(wanted).findFirst().orElseThrow();
        harness.robot().interact(() -> table.getSelectionModel().select(row));
        return row;
    }

    /** Opens the wizard on the selected route and waits for the pre-flight checks. */
    CutoverWizardViewModel openWizard() {
        harness.robot().clickOn("#cutovers-start");
        harness.waitUntil("the wizard shows", () -> harness.exists("#cutover-wizard"));
        CutoverWizardViewModel w = page().wizardProperty().get();
        // the checks load both sides' fleets: on a machine shared by many builds that takes longer than a UI wait
        harness.waitUntil("the pre-flight checks ran", Duration.ofSeconds(60), () -> !w.checks().isEmpty());
        return w;
    }

    void next() {
        harness.robot().clickOn("#cutover-wizard-next");
    }

    /** Start, typing the name in the production guard. */
    CutoverLiveViewModel start(String nameToType) {
        harness.waitUntil("Start is enabled", () -> !harness.lookup("#cutover-wizard-start").isDisabled());
        harness.robot().clickOn("#cutover-wizard-start");
        harness.waitUntil("the typed-name guard shows", () -> harness.exists("#confirm-typing-dialog"));
        TextField typed = harness.lookup("#confirm-typing-field");
        harness.robot().interact(() -> typed.setText(nameToType));
        harness.robot().clickOn("#confirm-typing-submit");
        harness.waitUntil("the live view shows", () -> harness.exists("#cutover-live"));
        return page().liveProperty().get();
    }

    /**
     * Moves the sandbox's clock to each moment the runner asks for (the driver ticks every 250 ms of real time)
     * until {@code until} holds: the clock sped up, nothing skipped.
     */
    CutoverState drive(CutoverLiveViewModel live, Predicate<CutoverState> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            CutoverState s = live.current();
            if (until.test(s)) {
                WaitForAsyncUtils.waitForFxEvents();
                return s;
            }
            Instant now = sandbox().clock().now();
            if (s.nextActionAt() != null && s.nextActionAt().isAfter(now)) {
                sandbox().clock().advance(Duration.between(now, s.nextActionAt()));
            }
            sleep(120);
        }
        throw new AssertionError("the cutover never got there: " + live.current().phase() + " "
                + live.current().pausedBecause());
    }

    /**
     * The Metrics tab in front: the gates' four charts, both sides a line in each, with data points, and the gates'
     * levels on the metrics they watch.
     */
    void bothSidesCharted(CutoverLiveViewModel live) {
        harness.robot().interact(() -> live.tabProperty().set(CutoverLiveViewModel.Tab.METRICS));
        harness.waitUntil("both sides are charted", () -> live.metrics().charts().size() == GateMetric.values().length
                && live.metrics().charts().get(0).series().stream().allMatch(s -> !s.points().isEmpty()));
        // The charts are redrawn on the UI thread at each tick: each is read there whole.
        TimeSeriesChart errors = harness.lookup("#cutover-chart-five-xx-rate");
        assertThat(harness.onUi(errors::series)).hasSize(2).allSatisfy(s -> assertThat(s.points()).isNotEmpty());
        assertThat(harness.onUi(errors::thresholds)).isNotNull();
        assertThat(harness.onUi(errors::markers)).isNotEmpty();
        TimeSeriesChart requests = harness.lookup("#cutover-chart-request-count");
        assertThat(harness.onUi(requests::series)).hasSize(2).allSatisfy(s -> assertThat(s.points()).isNotEmpty());
    }

    /** The Hosts tab in front: each side's hosts laid out on the noise map and coloured by their request rate. */
    void bothSidesMapped(CutoverLiveViewModel live) {
        harness.robot().interact(() -> live.tabProperty().set(CutoverLiveViewModel.Tab.HOSTS));
        for (CutoverHostsViewModel.Side side : live.hosts().sides()) {
            harness.waitUntil(side.label() + "'s hosts are mapped with values", () -> side.map().layoutProperty()
                    .get() != null && side.map().valuesProperty().get() != null);
            assertThat(side.map().layoutProperty().get().plan().size()).as(side.statusProperty().get()).isPositive();
        }
        assertThat(harness.exists("#cutover-noise-from")).isTrue();
        assertThat(harness.exists("#cutover-noise-to")).isTrue();
        harness.waitUntil("both maps are coloured on the one scale the legend shows", () -> live.hosts().sides()
                .stream().allMatch(side -> side.map().scaleProperty().get() != null
                        && side.map().scaleProperty().get() == live.hosts().scaleProperty().get()));
        assertThat(harness.exists("#cutover-noise-legend")).isTrue();
    }

    /**
     * The team's audit log as anyone in the team reads it, with the SDK and carol's ops key (her policy lets her
     * read {@code /harbormaster/audit}), not through the console's adapter: every event of one cutover, oldest first.
     */
    List<String> auditLog(String cutoverId) {
        SandboxControl.AccessKey carol = sandbox().control().accessKey("carol");
        try (SdkHttpClient http = ApacheHttpClient.create();
             CloudWatchLogsClient logs = CloudWatchLogsClient.builder().region(Region.US_EAST_1).httpClient(http)
                     .endpointOverride(sandbox().endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(carol.accessKeyId(), carol.secretAccessKey()))).build()) {
            return logs.filterLogEventsPaginator(b -> b.logGroupName("/harbormaster/audit")
                    .filterPattern("\"" + cutoverId + "\"")).events().stream().map(e -> e.message()).toList();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Saves the window at 1280×800 and at 1600×1000, then puts it back at 1280×800: Monocle's headless screen is
     * 1280×800, so the robot clicks only there (the larger window is only snapshotted).
     */
    void shots(String name) throws Exception {
        for (int[] size : new int[][] {{1600, 1000}, {1280, 800}}) {
            harness.robot().interact(() -> {
                javafx.stage.Window w = harness.app().window().scene().getWindow();
                w.setWidth(size[0]);
                w.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            sleep(150);
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(harness.app().window().scene(), name + "-" + size[0]);
        }
    }
}
