package io.harbormaster.app.journey;

import io.harbormaster.app.FxStallProbe;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.page.Page;
import io.harbormaster.views.page.PageContribution;
import io.harbormaster.views.shared.services.ServiceRow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;

/**
 * The soak: the console on the sandbox visiting every page in turn (each tab of each, a service's detail tabs, the
 * side-by-side half) in every environment, round after round, with a wire fault switched on and off through the
 * sandbox's control API ({@code /_sandbox/chaos}) after each environment's pages. It measures as it goes (see
 * {@link SoakReport}); it asserts nothing itself: the short soak in the suite and the benchmark read its report.
 */
final class SoakDriver {

    private static final System.Logger LOG = System.getLogger(SoakDriver.class.getName());
    private static final String CHAOS = "/_sandbox/chaos";
    private static final Duration REFRESH_ENDS = Duration.ofSeconds(150);
    private static final Duration CURRENT_AGAIN = Duration.ofSeconds(90);
    private static final String BESIDE = "sandbox-stage";

    /**
     * How the soak runs.
     *
     * @param length        stop starting rounds after this wall time (a round started is finished)
     * @param minRounds     rounds run whatever the length (the suite compares the second with the first)
     * @param environments  environment ids, entered in this order each round
     * @param faults        the wire faults, in {@code --chaos} form, one switched on after each environment's pages,
     *                      in turn
     * @param dwell         how long each page and tab is shown
     */
    record Settings(Duration length, int minRounds, List<String> environments, List<String> faults, Duration dwell) {
        Settings {
            environments = List.copyOf(environments);
            faults = List.copyOf(faults);
        }
    }

    private final Journey journey;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DialogWatch dialogs = new DialogWatch();
    private final RefreshCalls refreshCalls;
    private final SoakReport.Builder report = new SoakReport.Builder();
    private final Set<String> built = new HashSet<>();
    private SoakMeter meter;
    private int nextFault;

    SoakDriver(Journey journey, Settings settings) {
        this.journey = journey;
        this.settings = settings;
        this.refreshCalls = new RefreshCalls(journey);
    }

    SoakReport run() throws Exception {
        FxStallProbe probe = journey.app().stallProbe().orElseThrow(() -> new IllegalStateException(
                "the soak needs the console's FX stall probe: -D" + FxStallProbe.PROPERTY + "=true"));
        long start = System.nanoTime();
        meter = new SoakMeter(probe, start, journey::forgetFiredEvents);
        Optional<CoreSampler> cores = CoreSampler.start();
        journey.robot().interact(dialogs::install);
        try {
            report.started(Instant.now(), settings);
            int round = 0;
            while (round < settings.minRounds()
                    || System.nanoTime() - start < settings.length().toNanos()) {
                round++;
                for (String environment : settings.environments()) {
                    try {
                        long from = System.nanoTime();
                        visitEnvironment(round, environment);
                        long visited = System.nanoTime();
                        faultEpisode(round, environment);
                        LOG.log(System.Logger.Level.INFO, "soak round {0} {1}: pages {2} ms, fault episode {3} ms",
                                round, environment, TimeUnit.NANOSECONDS.toMillis(visited - from),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - visited));
                    } catch (AssertionError | RuntimeException incident) {
                        // a long run goes on after a wait that timed out; the incident is a finding of its own
                        LOG.log(System.Logger.Level.WARNING, "soak incident in round " + round + ", " + environment,
                                incident);
                        report.incident(round + " " + environment + ": " + incident.getMessage());
                        chaos("DELETE", "");
                    }
                    report.reading(round, environment, "after fault", meter.read());
                }
                report.roundEnded(round);
                LOG.log(System.Logger.Level.INFO, "soak round {0} ended after {1} s", round,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            }
        } finally {
            cores.ifPresent(CoreSampler::close);
            chaos("DELETE", "");
            journey.robot().interact(dialogs::uninstall);
        }
        return report.ended(Instant.now(), journey.onUi(dialogs::byKind), meter.consoleStalls(), meter.gcStalls(),
                journey.sandbox().control().faultsInjected(), cores.map(CoreSampler::ticks).orElse(List.of()));
    }

    // ---- pages ------------------------------------------------------------------------------------------------

    private void visitEnvironment(int round, String environment) {
        long from = System.nanoTime();
        if (!journey.isEntered(environment)) {
            enter(environment);
        }
        journey.awaitFleetLoaded(REFRESH_ENDS);
        report.activity(environment + "/entered, its fleet loaded", false, from, System.nanoTime());
        for (PageContribution page : journey.shell().contributions()) {
            visit(round, environment, page.id());
        }
        sideBySide(round, environment);
        report.reading(round, environment, "pages", meter.read());
    }

    private void visit(int round, String environment, String pageId) {
        long from = System.nanoTime();
        boolean firstLoad = built.add(pageId);
        answerMfaIfAsked();
        journey.robot().interact(() -> journey.shell().navigate(pageId));
        journey.waitUntil(pageId + " is in front", () -> pageId.equals(journey.shell().pageProperty().get()));
        if (pageId.equals("services")) {
            openFirstService();
        }
        dwell();
        for (TabPane tabs : visibleTabPanes()) {
            int count = journey.onUi(() -> tabs.getTabs().size());
            for (int i = 1; i < count; i++) {
                int index = i;
                journey.robot().interact(() -> tabs.getSelectionModel().select(index));
                dwell();
            }
            journey.robot().interact(() -> tabs.getSelectionModel().select(0));
        }
        report.visited(round, environment, pageId);
        report.activity(environment + "/" + pageId, firstLoad, from, System.nanoTime());
    }

    private void openFirstService() {
        TableView<ServiceRow> table = journey.lookup("#services-table");
        journey.waitUntil("the Services table has rows", () -> !table.getItems().isEmpty());
        journey.robot().interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
    }

    private List<TabPane> visibleTabPanes() {
        return journey.onUi(() -> journey.robot().lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(SoakDriver::shown).toList());
    }

    private static boolean shown(Node node) {
        return Journey.showing(node) && node.getScene() != null && node.getScene().getWindow() != null
                && node.getScene().getWindow().isShowing();
    }

    private void sideBySide(int round, String environment) {
        long from = System.nanoTime();
        boolean firstLoad = built.add("side-by-side");
        // beside a practice environment: prod's MFA prompt belongs to the main window's entry, asked once
        String other = environment.equals(BESIDE) ? "sandbox-dev" : BESIDE;
        var split = journey.shell().sideBySide();
        Environment beside = journey.shell().environmentBar().find(other).orElseThrow();
        journey.robot().interact(() -> {
            if (!split.openProperty().get()) {
                split.toggle();
            }
            split.choose(beside);
            split.navigate("services");
        });
        answerMfaIfAsked();
        journey.waitUntil("the second half shows " + other, REFRESH_ENDS, () -> split.fleet().data() != null
                && split.fleet().data().complete());
        dwell();
        journey.robot().interact(split::close);
        report.visited(round, environment, "side-by-side:" + other);
        report.activity(environment + "/side-by-side:" + other, firstLoad, from, System.nanoTime());
    }

    private void enter(String environment) {
        journey.select(environment);
        journey.waitUntil(environment + " is entered or asks for an MFA code",
                () -> journey.isEntered(environment) || journey.exists("#mfa-code"));
        answerMfaIfAsked();
        journey.awaitEntered(environment);
    }

    /**
     * Answers an MFA prompt with the practice device's code, typed and sent in one step: at ×60 the sandbox's
     * TOTP step of 30 s lasts half a second of wall time (see RELIABILITY.md), too short for a robot typing digits on
     * a busy machine. A code that went stale on the way is refused and the next one is sent.
     */
    private void answerMfaIfAsked() {
        for (int attempt = 0; attempt < 10 && journey.exists("#mfa-code"); attempt++) {
            journey.robot().interact(() -> {
                javafx.scene.control.TextField code = journey.robot().lookup("#mfa-code").queryAs(
                        javafx.scene.control.TextField.class);
                code.setText(journey.sandbox().currentTotpCode("alice"));
                journey.robot().lookup("#mfa-submit").queryAs(javafx.scene.control.Button.class).fire();
            });
            report.mfaAnswered();
            SoakMeter.pause(300);
            journey.waitUntil("the MFA code is taken or refused", Duration.ofSeconds(30), () ->
                    !journey.exists("#mfa-code") || !journey.robot().lookup("#mfa-code").query().isDisabled());
        }
    }

    private void dwell() {
        SoakMeter.pause(settings.dwell().toMillis());
    }

    // ---- faults -----------------------------------------------------------------------------------------------

    /**
     * One fault switched on: the fleet refreshed (failing, it must say the data is old and keep its time; absorbed,
     * it is current), a few pages shown meanwhile with their stale markings counted; then switched off and every
     * page shown during it pressed F5 on once, which must make it current. Then a refresh's calls are counted.
     */
    private void faultEpisode(int round, String environment) throws Exception {
        if (settings.faults().isEmpty()) {
            return;
        }
        String fault = settings.faults().get(nextFault++ % settings.faults().size());
        FleetViewModel fleet = journey.shell().fleet();
        visit(round, environment, "services");
        journey.waitUntil("no refresh in flight before " + fault, REFRESH_ENDS,
                () -> !fleet.refreshingProperty().get() && fleet.stateProperty().get() == FleetViewModel.State.LOADED);
        Instant asOfBefore = journey.onUi(() -> fleet.asOfProperty().get());
        long on = System.nanoTime();
        chaos("POST", fault);
        journey.robot().interact(fleet::refresh);
        journey.waitUntil(fault + ": the refresh ends", REFRESH_ENDS, () -> !fleet.refreshingProperty().get());
        String told = journey.onUi(() -> fleet.stalenessProperty().get() + fleet.missingProperty().get());
        Instant asOfDuring = journey.onUi(() -> fleet.asOfProperty().get());
        boolean failed = Objects.equals(asOfBefore, asOfDuring);
        long refreshed = System.nanoTime();
        List<String> shownDuring = List.of("services", "hosts", "clusters", "metrics");
        int markings = 0;
        for (String pageId : shownDuring) {
            if (!pageId.equals("services")) {
                visit(round, environment, pageId);
            }
            markings += staleMarkingsShown();
        }
        chaos("DELETE", "");
        long off = System.nanoTime();
        Instant ended = Instant.now();
        report.fault(new SoakReport.FaultSeen(round, environment, fault, failed, !told.isBlank(), markings));

        for (String pageId : shownDuring) {
            report.currentAgain(currentAfterOneRefresh(round, environment, fault, pageId, ended));
        }
        long current = System.nanoTime();
        journey.robot().interact(() -> journey.shell().navigate("hosts"));
        report.refresh(refreshCalls.measure(environment));
        report.activity(environment + "/" + fault, false, on, off);
        report.activity(environment + "/current again after " + fault, false, off, current);
        report.activity(environment + "/a refresh's calls counted, on hosts", false, current, System.nanoTime());
        LOG.log(System.Logger.Level.INFO, "soak: {0} in {1}: refresh under it {2} ms, pages under it {3} ms,"
                + " current again {4} ms, calls counted {5} ms", fault, environment, millis(on, refreshed),
                millis(refreshed, off), millis(off, current), millis(current, System.nanoTime()));
    }

    /** Visible nodes that say what they show is old (the fleet's banners, Compare's, the status bar's). */
    private int staleMarkingsShown() {
        return journey.onUi(() -> journey.robot().<Node>lookup(node -> shown(node) && (node.getStyleClass().stream()
                .anyMatch(c -> c.contains("stale")) || (node.getId() != null && node.getId().contains("stale"))))
                .queryAll().size());
    }

    private SoakReport.CurrentAgain currentAfterOneRefresh(int round, String environment, String fault, String pageId,
            Instant faultEnded) {
        FleetViewModel fleet = journey.shell().fleet();
        journey.robot().interact(() -> journey.shell().navigate(pageId));
        Page page = journey.shell().page(pageId);
        journey.waitUntil("no refresh in flight on " + pageId, REFRESH_ENDS, () -> !fleet.refreshingProperty().get());
        journey.robot().interact(() -> journey.shell().refresh());
        boolean current;
        try {
            journey.waitUntil(pageId + " is current after one refresh", CURRENT_AGAIN, () -> {
                Instant shown = page.lastRefreshed().getValue();
                boolean pageCurrent = !page.showsData() || (shown != null && !shown.isBefore(faultEnded));
                boolean fleetCurrent = !page.usesFleet() || (fleet.stateProperty().get() == FleetViewModel.State.LOADED
                        && !fleet.refreshingProperty().get() && fleet.stalenessProperty().get().isEmpty()
                        && fleet.missingProperty().get().isEmpty() && !fleet.asOfProperty().get().isBefore(faultEnded));
                return pageCurrent && fleetCurrent;
            });
            current = true;
        } catch (AssertionError notCurrent) {
            LOG.log(System.Logger.Level.WARNING, "soak: " + notCurrent.getMessage());
            current = false;
        }
        return new SoakReport.CurrentAgain(round, environment, fault, pageId, current);
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    /** The sandbox's control API: POST switches a fault on, DELETE every fault off. */
    private void chaos(String method, String body) throws IOException, InterruptedException {
        URI uri = URI.create(journey.sandbox().endpoint() + CHAOS);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.ofString(body))
                : request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(method + " " + CHAOS + " " + body + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        LOG.log(System.Logger.Level.INFO, "soak: {0} {1} {2}", method, CHAOS, body);
    }

    /** For a caller that wants to see each reading as it is taken (the benchmark prints them). */
    void onReading(Consumer<SoakReport.Sample> listener) {
        report.onSample(listener);
    }

    static List<String> allEnvironments() {
        return new ArrayList<>(List.of("sandbox-dev", "sandbox-stage", "sandbox-prod"));
    }
}
