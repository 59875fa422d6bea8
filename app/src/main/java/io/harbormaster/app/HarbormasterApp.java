package io.harbormaster.app;

import io.harbormaster.app.Opening.Ready;
import io.harbormaster.app.log.LogFile;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.StoreUnreadableException;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.StackTrace;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.dialog.AppInfo;
import io.harbormaster.views.environment.BrowserOpener;
import io.harbormaster.views.environment.MfaDialogWarmUp;
import io.harbormaster.views.shell.ShellWindow;
import io.harbormaster.views.shared.JdkCaches;
import io.harbormaster.views.shared.TableWarmUp;
import io.harbormaster.views.theme.HarbormasterStyles;
import io.harbormaster.views.theme.ThemeManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The JavaFX application. With no AWS configuration (or with --sandbox) it starts the embedded sandbox and talks to
 * it through generated profiles; otherwise it reads the operator's own ~/.aws files. One code path either way.
 */
public final class HarbormasterApp extends Application {

    private static final System.Logger LOG = System.getLogger(HarbormasterApp.class.getName());

    private AppOptions options;
    private Path dataHome;
    private AwsConfigFiles configFiles;
    /** The operator's own AWS files (they may not exist): where File → Back to your own AWS configuration goes. */
    private AwsConfigFiles ownFiles;
    /** When the AWS files were last read, to notice an edit when the window gets focus again. */
    private volatile AwsFilesStamp readStamp = AwsFilesStamp.NONE;
    private Optional<EmbeddedSandbox> sandbox = Optional.empty();
    private Path dbFile;
    private Ready ready;
    private StoreUnreadableException unreadable;
    private Optional<Problem> configurationProblem = Optional.empty();
    private volatile Harbormaster harbormaster;
    /** Where {@link #recover} moved a damaged store, until the next window says so. */
    private volatile Path movedAside;
    private ShellWindow window;
    /** Every thread of the app, the wirings' pools included; closed last on exit. */
    private ThreadFamily threads;
    private LogFile log;
    private AppInfo info;
    /** How long the UI thread keeps work waiting, when {@code -Dharbormaster.fx.probe=true} asks. */
    private Optional<FxStallProbe> stallProbe = Optional.empty();
    /** Reads the AWS files again when the window gets focus back; released on stop, as the stage may outlive us. */
    private Optional<FocusReturn> focusReturn = Optional.empty();

    /**
     * Runs on the launcher thread before any window: takes over the {@link Opening} (store opened, console wired,
     * AWS files checked) the launcher began beside JavaFX's start, or runs it here. The embedded sandbox starts
     * beside all this and the window: the environment bar offers its environments once it is up. A damaged store is
     * only noted: asking the operator about it needs the FX thread.
     */
    @Override
    public void init() {
        StartupTimes.reached("JVM and JavaFX started, init begins");
        ThemeManager.preloadDefault(); // while the FX thread waits for the opening below
        Opening opening = Opening.take(getParameters().getRaw(), browser());
        threads = opening.threads;
        threads.start("jdk-caches", JdkCaches::fill); // the UI thread's first sort and count find them ready
        stallProbe = FxStallProbe.startIfAsked(threads);
        options = opening.options;
        dataHome = opening.dataHome;
        log = opening.log;
        info = opening.info;
        ownFiles = opening.ownFiles;
        configFiles = opening.configFiles;
        sandbox = opening.sandbox;
        dbFile = opening.dbFile;
        ready = opening.ready;
        harbormaster = ready == null ? null : ready.harbormaster();
        unreadable = opening.unreadable;
        readStamp = opening.readStamp;
        configurationProblem = opening.configurationProblem;
    }

    private Ready wire(LocalStore store, Optional<EmbeddedSandbox> sandbox, AwsConfigFiles files, AppInfo info) {
        return Opening.wire(store, sandbox, files, info, threads, browser());
    }

    private static volatile BrowserOpener browserForTests;

    /** Journeys see the sign-in addresses the console would open instead of a browser opening. */
    public static void openBrowserWith(BrowserOpener opener) {
        browserForTests = opener;
    }

    private BrowserOpener browser() {
        BrowserOpener forTests = browserForTests;
        return forTests != null ? forTests : getHostServices()::showDocument;
    }

    /** Only the window (and, for a damaged store, the question what to do) happens here, on the FX thread. */
    @Override
    public void start(Stage stage) {
        if (ready != null) {
            open(stage, ready);
            return;
        }
        Optional<EmbeddedSandbox> embedded = sandbox;
        AwsConfigFiles files = configFiles;
        recover(dbFile, unreadable, store -> wire(store, embedded, files, info), wired -> {
            harbormaster = wired.harbormaster();
            open(stage, wired);
        }, Platform::exit);
    }

    private void open(Stage stage, Ready wired) {
        window = ShellWindow.show(stage, wired.window());
        tellMovedAside();
        StartupTimes.reached("window shown");
        // while the operator signs in, and no longer once a fleet is in; then the MFA prompt, before it is first needed
        TableWarmUp.start(List.of(HarbormasterStyles.stylesheet())).until(window.viewModel().fleet().dataProperty())
                .whenEnded(MfaDialogWarmUp::start);
        if (options.smoke() != AppOptions.Smoke.NONE) {
            SmokeCheck.watch(window.scene(), sandbox.<CompletableFuture<?>>map(EmbeddedSandbox::whenStarted)
                    .orElseGet(() -> CompletableFuture.completedFuture(null)), this::afterSmoke);
        }
        offer(stage);
        sandbox.ifPresent(this::checkFilesOnceStarted);
        // An edit made in another window (the operator fixing ~/.aws/config) is noticed on coming back.
        focusReturn = Optional.of(FocusReturn.watch(stage.focusedProperty(), this::reloadIfChanged));
        configurationProblem.ifPresent(window.dialogs()::showProblem);
    }

    /** What a smoke run does once the window has painted: nothing, or the tour of every page. */
    private CompletionStage<?> afterSmoke() {
        if (options.smoke() != AppOptions.Smoke.TOUR) {
            return CompletableFuture.completedFuture(null);
        }
        PageTour tour = new PageTour(window.viewModel(), window.scene(), List.of());
        return tour.start(threads::start)
                .whenComplete((visits, failed) -> stallProbe.ifPresent(probe -> TourStalls.log(probe, tour.visits())));
    }

    /**
     * The sandbox's profiles are written once it is up: then they are read for the focus watch and checked, off the
     * FX thread (the environment bar fills meanwhile; one that could not start is said there, by its load).
     */
    private void checkFilesOnceStarted(EmbeddedSandbox starting) {
        ShellWindow shown = window;
        starting.whenStarted().thenAcceptAsync(started -> {
            readStamp = AwsFilesStamp.of(started.files());
            AwsConfigurationCheck.check(started.files()).ifPresent(problem ->
                    UiThread.later(() -> shown.dialogs().showProblem(problem)));
        }, work -> threads.start("sandbox-files", work));
    }

    /** What the File and Help menus offer in the window just shown. */
    private void offer(Stage stage) {
        if (sandbox.isEmpty()) {
            window.offerSandbox(() -> openSandbox(stage));
        } else if (!options.sandboxOffline()) {
            window.offerOwnAws(() -> openOwnAws(stage));
        }
        window.offerReload(this::reloadAwsConfiguration);
        window.offerReadme(() -> {
            BrowserOpener browser = browser();
            var dialogs = window.dialogs();
            threads.start("readme", () -> Readme.open(dataHome, browser, dialogs));
        });
    }

    /**
     * File → Reload AWS configuration: the files are read and checked again in the background, every problem said
     * (or that all is well), and the environment bar reloaded; the next entry reads the files as they are now.
     */
    private void reloadAwsConfiguration() {
        AwsConfigFiles files = configFiles;
        ShellWindow shown = window;
        var registry = harbormaster.shellDependencies().environments();
        threads.start("aws-config-reload", () -> {
            Optional<Problem> problem = AwsConfigurationCheck.check(files);
            readStamp = AwsFilesStamp.of(files);
            boolean noEnvironments = registry.environments().isEmpty();
            UiThread.later(() -> {
                if (shown != window) {
                    return; // the window was swapped meanwhile (sandbox opened or left): it read its own files
                }
                shown.viewModel().environmentBar().load();
                if (problem.isPresent()) {
                    shown.dialogs().showProblem(problem.get());
                } else if (noEnvironments) {
                    shown.offerDetectedEnvironments(); // the fixed files' profiles, ready to add
                } else {
                    shown.dialogs().showInfo("AWS configuration reloaded", "Read " + files.config() + " and "
                            + files.credentials() + ": no problems found.");
                }
            });
        });
    }

    /** Reloads, as File → Reload does, when the AWS files changed on disk since they were last read. */
    private void reloadIfChanged() {
        if (sandbox.isPresent() && !sandbox.get().isStarted()) {
            return; // its profiles are still being written; they are read once it is up
        }
        AwsConfigFiles files = configFiles;
        AwsFilesStamp known = readStamp;
        threads.start("aws-config-watch", () -> {
            AwsFilesStamp now = AwsFilesStamp.of(files);
            if (known == AwsFilesStamp.NONE) {
                readStamp = now; // files just switched to were read by the switch itself
            } else if (!now.equals(known)) {
                LOG.log(System.Logger.Level.INFO, "The AWS files changed on disk; reading them again");
                UiThread.later(this::reloadAwsConfiguration);
            }
        });
    }

    /**
     * Leaves the operator's own AWS for the embedded sandbox, in the same window: the sandbox and its fleet start,
     * its own sandbox.db opens and the console is rewired to it, all in the background; the window is swapped on
     * the FX thread and the old wiring closes behind.
     */
    private void openSandbox(Stage stage) {
        threads.start("sandbox-start", () -> {
            EmbeddedSandbox started = null;
            try {
                started = EmbeddedSandbox.start(SandboxOptions.defaults()
                        .withSpeed(options.sandboxSpeed()).withFleet(options.sandboxFleet())
                        .withServiceTime(options.sandboxLatency()).withBusinessDay(options.sandboxBusinessDay()),
                        options.sandboxUser(),
                        dataHome.resolve("sandbox"));
                EmbeddedSandbox sandboxed = started;
                Path sandboxDb = dataHome.resolve("sandbox.db");
                Function<LocalStore, Ready> wiring = store -> wire(store, Optional.of(sandboxed), sandboxed.files(),
                        info);
                try {
                    Ready wired = wiring.apply(LocalStore.open(sandboxDb));
                    UiThread.later(() -> switchTo(stage, sandboxed, wired));
                } catch (StoreUnreadableException damaged) {
                    LOG.log(System.Logger.Level.WARNING, damaged.getMessage(), damaged);
                    UiThread.later(() -> recover(sandboxDb, damaged, wiring,
                            wired -> switchTo(stage, sandboxed, wired),
                            () -> inBackground(sandboxed::close, "sandbox-stop")));
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "The sandbox could not start", e);
                if (started != null) {
                    started.close();
                }
                UiThread.later(() -> window.dialogs().showProblem(new Problem(Problem.Kind.UNEXPECTED,
                        "The sandbox could not start", String.valueOf(e.getMessage()),
                        "Try again; your own environments are unaffected.", StackTrace.of(e))));
            }
        });
    }

    private void switchTo(Stage stage, EmbeddedSandbox started, Ready wired) {
        switchTo(stage, Optional.of(started), started.files(), wired);
    }

    /** Swaps the window onto another wiring (the sandbox's, or the operator's own); the old one closes behind. */
    private void switchTo(Stage stage, Optional<EmbeddedSandbox> now, AwsConfigFiles files, Ready wired) {
        Harbormaster previous = harbormaster;
        sandbox = now;
        configFiles = files;
        readStamp = AwsFilesStamp.NONE; // checked anew on the next focus
        harbormaster = wired.harbormaster();
        if (window != null) {
            window.viewModel().close(); // its refreshes would only fail on the wiring closed below
        }
        window = ShellWindow.show(stage, wired.window());
        tellMovedAside();
        offer(stage);
        inBackground(previous::close, "close-previous");
    }

    /**
     * Leaves the sandbox for the operator's own AWS configuration, in the same window: harbormaster.db opens and the
     * console is rewired to the own files in the background; the sandbox stops with the wiring it belonged to.
     */
    private void openOwnAws(Stage stage) {
        AwsConfigFiles own = ownFiles;
        threads.start("own-aws-open", () -> {
            if (!own.anyExists()) {
                // Nothing to go back to: an empty console would be a dead end; say where the files are looked for.
                UiThread.later(() -> window.dialogs().showInfo("No AWS configuration of your own yet",
                        "Neither " + own.config() + " nor " + own.credentials() + " exists. Create them (for example"
                                + " with 'aws configure'), then choose File → Back to your own AWS configuration"
                                + " again; the sandbox stays open meanwhile."));
                return;
            }
            Path ownDb = dataHome.resolve("harbormaster.db");
            Function<LocalStore, Ready> wiring = store -> wire(store, Optional.empty(), own, info);
            try {
                Ready wired = wiring.apply(LocalStore.open(ownDb));
                Optional<Problem> problem = AwsConfigurationCheck.check(own);
                UiThread.later(() -> {
                    switchTo(stage, Optional.empty(), own, wired);
                    problem.ifPresent(window.dialogs()::showProblem);
                });
            } catch (StoreUnreadableException damaged) {
                LOG.log(System.Logger.Level.WARNING, damaged.getMessage(), damaged);
                UiThread.later(() -> recover(ownDb, damaged, wiring,
                        wired -> switchTo(stage, Optional.empty(), own, wired), () -> { }));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not open the own AWS configuration", e);
                UiThread.later(() -> window.dialogs().showProblem(new Problem(Problem.Kind.UNEXPECTED,
                        "Your AWS configuration could not be opened", String.valueOf(e.getMessage()),
                        "Try again; the sandbox stays open meanwhile.", StackTrace.of(e))));
            }
        });
    }

    private void inBackground(Runnable work, String role) {
        threads.start(role, work);
    }

    /** The window, for tests and screenshots. */
    public ShellWindow window() {
        return window;
    }

    public Optional<EmbeddedSandbox> sandbox() {
        return sandbox;
    }

    /** The UI thread's stall probe, when switched on ({@link FxStallProbe#PROPERTY}). */
    public Optional<FxStallProbe> stallProbe() {
        return stallProbe;
    }

    /** Version, data directory and log file, as Help → About shows them. */
    public AppInfo info() {
        return info;
    }

    @Override
    public void stop() {
        focusReturn.ifPresent(FocusReturn::close);
        if (window != null) {
            window.close(); // remembers the window's geometry while the store is still open
        }
        if (harbormaster != null) {
            harbormaster.close();
        } else {
            sandbox.ifPresent(EmbeddedSandbox::close);
        }
        stallProbe.ifPresent(FxStallProbe::close);
        if (threads != null) {
            threads.close();
        }
        if (log != null) {
            LOG.log(System.Logger.Level.INFO, "Harbormaster stopped");
            log.close();
        }
    }

    /** A store moved aside by {@link #recover} is said in the new window's start notice, where it stays. */
    private void tellMovedAside() {
        Path aside = movedAside;
        movedAside = null;
        if (aside != null) {
            window.viewModel().restartNotice().note("The local database could not be read: it was moved to " + aside
                    + " (nothing deleted) and Harbormaster started with a new, empty one. Add your environments"
                    + " again (Environments…, Ctrl+,).");
        }
    }

    /**
     * Asks the operator what to do with a store that cannot be read (FX thread). On "move it aside", the move, a
     * fresh store and the wiring happen in the background and {@code then} gets the result on the FX thread;
     * otherwise, or if that fails, {@code giveUp} runs. The application is kept from exiting in between, when no
     * window shows.
     */
    private void recover(Path damagedFile, StoreUnreadableException damaged, Function<LocalStore, Ready> wiring,
            Consumer<Ready> then, Runnable giveUp) {
        ButtonType moveAside = new ButtonType("Move it aside and start clean", ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, damaged.getMessage()
                + "\n\nHarbormaster can rename it (nothing is deleted) and start with a new, empty database."
                + " Your environments will need to be added again.", moveAside, quit);
        alert.setTitle("Harbormaster");
        alert.setHeaderText("The local database cannot be read");
        alert.getDialogPane().setId("store-unreadable");
        if (alert.showAndWait().orElse(quit) != moveAside) {
            giveUp.run();
            return;
        }
        boolean implicitExit = Platform.isImplicitExit();
        Platform.setImplicitExit(false);
        threads.start("store-recover", () -> {
            Ready wired;
            try {
                Path aside = LocalStore.moveAside(damagedFile, Clock.systemUTC());
                LOG.log(System.Logger.Level.WARNING, "Moved the unreadable database to " + aside);
                movedAside = aside;
                wired = wiring.apply(LocalStore.open(damagedFile));
            } catch (IOException | StoreUnreadableException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not start with a new database", e);
                UiThread.later(() -> {
                    Platform.setImplicitExit(implicitExit);
                    Alert failed = new Alert(Alert.AlertType.ERROR, "Could not move " + damagedFile + " aside: "
                            + e.getMessage() + "\nMove or rename it by hand, then start Harbormaster again.");
                    failed.setHeaderText("The local database cannot be replaced");
                    failed.showAndWait();
                    giveUp.run();
                });
                return;
            }
            UiThread.later(() -> {
                then.accept(wired);
                Platform.setImplicitExit(implicitExit);
            });
        });
    }
}
