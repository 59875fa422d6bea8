package io.harbormaster.app.journey;

import io.harbormaster.app.HarbormasterApp;
import io.harbormaster.sandbox.Sandbox;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shell.ShellViewModel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console (sandbox included) started in the test JVM, headless, with a data directory of its own under
 * target/journeys, and closed after. Registered on a static field it lives for the class; on an instance field, for
 * each test. {@link #startedByTest()} leaves the start to the test (its own AWS files, a dialog answered while
 * starting); {@link #restart} opens the console again on the same data.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));
 * </pre>
 *
 * Every wait is named and evaluated on the UI thread; a wait that times out leaves a screenshot beside the others.
 */
final class Journey implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        InvocationInterceptor {

    private static final System.Logger LOG = System.getLogger(Journey.class.getName());
    /** prod's whole fleet (3,000 tasks) on a machine shared by several builds, or with the log at FINE. */
    private static final Duration FLEET_LOAD = Duration.ofSeconds(60);
    private static final AtomicBoolean FIRST_START = new AtomicBoolean(true);

    private final JourneyOptions options;
    /**
     * A new robot for each console: TestFX's robot keeps the last scene it worked in (its JavafxRobotAdapter), and a
     * class's static Journey lives for the whole test JVM, so a kept robot would keep a closed console, its window
     * and its sandbox reachable for every later journey.
     */
    private FxRobot robot = new FxRobot();
    private final OrderedSteps steps = new OrderedSteps();
    private boolean perClass;
    private String name = "journey";
    private Path dir;
    private JourneyOptions running;
    private HarbormasterApp app;

    private Journey(JourneyOptions options) {
        this.options = options;
    }

    /** Starts the console with these options before the class's (static field) or each test's (instance field). */
    static Journey of(JourneyOptions options) {
        return new Journey(Objects.requireNonNull(options, "options"));
    }

    /** Makes the data directory; the test starts the console itself ({@link #start}, {@link #startInBackground}). */
    static Journey startedByTest() {
        return new Journey(null);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        prepare(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            prepare(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            close();
        }
    }

    /** A step of an ordered class first runs the earlier steps if they did not run (a rerun): {@link OrderedSteps}. */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        if (perClass) {
            steps.interceptTestMethod(invocation, call, context);
        } else {
            invocation.proceed();
        }
    }

    /** Makes the journey's directories and starts the console, outside JUnit too (the soak benchmark). */
    void prepare(String journeyName) throws Exception {
        name = journeyName;
        dir = Path.of(System.getProperty("harbormaster.test.output", "target"), "journeys", journeyName);
        deleteRecursively(dir);
        Files.createDirectories(home());
        if (options != null) {
            start(options);
        }
    }

    /** Starts the console and waits until its window shows (and, if asked, the environment is entered). */
    void start(JourneyOptions with) throws Exception {
        HarbormasterApp started = setUp(with);
        WaitForAsyncUtils.waitForFxEvents();
        app = started;
        if (with.entering() != null) {
            enter(with.entering());
        }
    }

    /**
     * Starts the console from another thread, for a start that waits on the operator (a damaged store is asked
     * about before the window opens): the test answers, then {@link #awaitStarted} the future.
     */
    CompletableFuture<HarbormasterApp> startInBackground(JourneyOptions with) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return setUp(with);
            } catch (Exception e) {
                throw new IllegalStateException("the console did not start", e);
            }
        });
    }

    void awaitStarted(CompletableFuture<HarbormasterApp> starting) throws Exception {
        app = starting.get(1, TimeUnit.MINUTES);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the console and opens it again on the same data directory. */
    void restart(JourneyOptions with) throws Exception {
        close();
        start(with);
    }

    private HarbormasterApp setUp(JourneyOptions with) throws Exception {
        if (app != null) {
            throw new IllegalStateException("the console is already running; restart() it");
        }
        running = with;
        with.seed().into(home());
        System.setProperty("harbormaster.home", home().toString());
        setOrClear("harbormaster.aws.config", with.awsConfig());
        setOrClear("harbormaster.aws.credentials", with.awsCredentials());
        if (with.logLevel() == null) {
            System.clearProperty("harbormaster.log.level");
        } else {
            System.setProperty("harbormaster.log.level", with.logLevel());
        }
        long setupWait = FxToolkit.toolkitContext().getSetupTimeoutInMillis();
        // The first console of a test JVM also starts JavaFX and loads and compiles every class it touches (~7 s of
        // CPU), beside the other test JVM doing the same: it gets twice the time; the timeout is there to catch a
        // console that does not open, not to time a cold one
        Duration timeout = FIRST_START.getAndSet(false) ? with.setupTimeout().multipliedBy(2) : with.setupTimeout();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(timeout.toMillis());
        try {
            FxToolkit.registerPrimaryStage();
            return (HarbormasterApp) FxToolkit.setupApplication(HarbormasterApp.class,
                    with.args().toArray(String[]::new));
        } finally {
            FxToolkit.toolkitContext().setSetupTimeoutInMillis(setupWait);
        }
    }

    void close() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            FxToolkit.cleanupStages();
            // The harness's one stage serves every journey of the run: the next starts at 1280×800, inside Monocle's
            // headless screen, whatever size this one left it (a click beyond the screen lands on its edge).
            FxToolkit.setupStage(stage -> {
                stage.setWidth(1280);
                stage.setHeight(800);
            });
        } finally {
            app = null;
            robot = new FxRobot();
            System.clearProperty("harbormaster.aws.config");
            System.clearProperty("harbormaster.aws.credentials");
            System.clearProperty("harbormaster.log.level");
        }
    }

    // ---- what a journey reaches ---------------------------------------------------------------------------------

    HarbormasterApp app() {
        if (app == null) {
            throw new IllegalStateException("the console is not running");
        }
        return app;
    }

    ShellViewModel shell() {
        return app().window().viewModel();
    }

    Sandbox sandbox() {
        return app().sandbox().orElseThrow(() -> new IllegalStateException("the console runs without a sandbox"))
                .sandbox();
    }

    /**
     * TestFX keeps every event fired at its registered stage (its {@code FiredEvents}, a list it never trims) for
     * as long as the stage is registered: about 250 mouse events a minute of robot work, which a soak would read as
     * the console's heap growing. Registering the same stage again starts an empty list.
     */
    void forgetFiredEvents() {
        robot.interact(() -> FxToolkit.toolkitContext().setRegisteredStage(
                FxToolkit.toolkitContext().getRegisteredStage()));
    }

    FxRobot robot() {
        return robot;
    }

    /** The console's data directory (its store, the sandbox's generated profiles, its log). */
    Path home() {
        return dir.resolve("home");
    }

    /** A directory of the journey's own beside the data directory (the operator's AWS files). */
    Path workDir() {
        return dir;
    }

    /**
     * Looks the node up on the UI thread: TestFX walks {@code Window.getWindows()}, which the UI thread changes as
     * tooltips and popups come and go (read from the test thread it failed once with an IndexOutOfBounds in CI).
     */
    /**
     * The node of {@code query} that shows, or if none does the first found: the shell keeps every page built in
     * the window, hidden but for the one in front, and some ids (the stale banner's) are in every page's frame.
     */
    <T extends Node> T lookup(String query) {
        return onUi(() -> robot.lookup(query).match(Journey::showing).<T>tryQuery()
                .orElseGet(() -> robot.lookup(query).query()));
    }

    /** Whether a node of {@code query} shows: one on a page kept hidden does not. */
    boolean exists(String query) {
        return onUi(() -> robot.lookup(query).match(Journey::showing).tryQuery().isPresent());
    }

    /** Visible, and every parent too. */
    static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** What the UI thread says now: for lists and properties that change there while the test reads them. */
    <T> T onUi(Callable<T> read) {
        return UiWaits.onUi(read);
    }

    /** A copy, taken on the UI thread, of a list that changes there (a table's items, a view-model's rows). */
    <T> List<T> copy(List<T> live) {
        return onUi(() -> List.copyOf(live));
    }

    // ---- waits ------------------------------------------------------------------------------------------------

    void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, UiWaits.DEFAULT, condition);
    }

    /** Waits until the condition holds on the UI thread; on timeout says what for, with a screenshot of then. */
    void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        try {
            UiWaits.until(what, timeout, condition);
        } catch (UiWaits.Timeout timedOut) {
            String shot = app == null ? "" : "; the window then: " + screenshotQuietly("timeout-" + name);
            AssertionError failure = new AssertionError(timedOut.getMessage() + shot, timedOut.getCause());
            throw failure;
        }
    }

    /**
     * The one meaning of "the fleet is loaded": the current environment's fleet is read whole (services, hosts and
     * tasks), every service described by this load, and the Services page's rows made from it.
     */
    void awaitFleetLoaded() {
        awaitFleetLoaded(FLEET_LOAD);
    }

    void awaitFleetLoaded(Duration timeout) {
        waitUntil("the fleet is loaded", timeout, this::fleetLoaded);
    }

    private boolean fleetLoaded() {
        FleetViewModel fleet = shell().fleet();
        FleetData data = fleet.data();
        if (fleet.stateProperty().get() != FleetViewModel.State.LOADED || data == null || !data.complete()
                || !data.servicesCurrent()) {
            return false;
        }
        List<ServiceRow> rows = shell().page(ServicesPage.class).viewModel().allRows();
        return rows.size() == data.snapshot().services().size() && rows.stream().allMatch(ServiceRow::described);
    }

    /**
     * Waits until the environment bar offers the environment: it fills in the background after start, on the
     * sandbox once that is up beside the window, so it may take as long as the console's set-up timeout.
     */
    void awaitOffered(String environmentId) {
        Duration timeout = running == null || running.setupTimeout().compareTo(UiWaits.DEFAULT) < 0
                ? UiWaits.DEFAULT : running.setupTimeout();
        waitUntil("the environment bar offers " + environmentId, timeout, () -> exists("#env-" + environmentId));
    }

    void awaitEntered(String environmentId) {
        waitUntil(environmentId + " is entered", () -> isEntered(environmentId));
    }

    boolean isEntered(String environmentId) {
        var session = shell().environmentBar().session();
        return session != null && session.environment().id().equals(environmentId);
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    /** Clicks the environment's toggle once the bar offers it; waits for nothing after. */
    void select(String environmentId) {
        awaitOffered(environmentId);
        robot.clickOn("#env-" + environmentId);
    }

    /** Clicks the environment's toggle, answers its MFA prompt if it asks, and waits until it is entered. */
    void enter(String environmentId) {
        select(environmentId);
        waitUntil(environmentId + " is entered or asks for an MFA code",
                () -> isEntered(environmentId) || exists("#mfa-code"));
        if (!isEntered(environmentId)) {
            answerMfa();
            awaitEntered(environmentId);
        }
    }

    void enterProd() {
        enter("sandbox-prod");
    }

    /** Answers the MFA prompt with the code the login's device shows now. */
    void answerMfa() {
        waitUntil("the MFA prompt shows", () -> exists("#mfa-code"));
        String code = sandbox().currentTotpCode(running.login());
        robot.clickOn("#mfa-code").write(code);
        robot.clickOn("#mfa-submit");
    }

    /** Sets the Services filter's text (as the field's own text, so nothing is appended to what was there). */
    void filterServices(String text) {
        TextField field = lookup("#services-filter");
        robot.interact(() -> field.setText(text));
    }

    /** Filters the Services table down to one service and selects its row. */
    void filterAndSelect(String service) {
        filterServices(service);
        TableView<ServiceRow> table = lookup("#services-table");
        waitUntil("the filter leaves " + service, () -> !table.getItems().isEmpty()
                && table.getItems().get(0).name().equals(service));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
    }

    /** The Services page's rows as the UI thread has them now. */
    List<ServiceRow> serviceRows() {
        ServicesViewModel services = shell().page(ServicesPage.class).viewModel();
        return onUi(() -> List.copyOf(services.allRows()));
    }

    /**
     * Every write action refuses in the environment entered, with the write guard's reason: the Services page's
     * Scale, Deploy and Stop task, the View menu, the palette ({@link WritesDisabled}). Returns the reason.
     */
    String writesAreDisabled() {
        return WritesDisabled.check(this);
    }

    /** Sizes the console's window, and waits until it is laid out at that size. */
    void windowSize(int width, int height) {
        robot.interact(() -> {
            Window window = app().window().scene().getWindow();
            window.setWidth(width);
            window.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- evidence ---------------------------------------------------------------------------------------------

    /** Saves the main window (with whatever shows over it) as target/screenshots/NAME.png. */
    Path screenshot(String pictureName) throws IOException {
        return Screenshots.save(app().window().scene(), pictureName);
    }

    private String screenshotQuietly(String pictureName) {
        try {
            return screenshot(pictureName).toString();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "No screenshot of the timeout", e);
            return "(no screenshot: " + e + ")";
        }
    }

    private static void setOrClear(String property, Path value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value.toString());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
