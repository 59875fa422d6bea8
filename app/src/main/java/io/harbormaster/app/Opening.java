package io.harbormaster.app;

import io.harbormaster.app.log.LogFile;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.StoreUnreadableException;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.error.Problem;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.dialog.AppInfo;
import io.harbormaster.views.environment.BrowserOpener;
import io.harbormaster.views.shell.ShellWindow;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's start up to its window, none of it on the FX thread: options, data directory and log file, the
 * embedded sandbox started beside the rest, the local store opened (SQLite's native library, the migrations) and
 * the console wired, with the UI state its window restores (geometry, theme) read from that store.
 *
 * <p>The launcher {@linkplain #begin begins} it on a thread of its own before it starts JavaFX, so on a machine with
 * a second core the store and the wiring are ready by the time the toolkit is (the window's geometry still comes
 * from the store: the window is never shown at a default place and then moved). {@link HarbormasterApp#init} takes
 * it over, waiting for it if it is not done; an app started some other way (the journeys, by TestFX) runs it there.
 */
final class Opening {

    private static final System.Logger LOG = System.getLogger(Opening.class.getName());
    /** The one begun by the launcher, for the arguments it was begun with. */
    private static final AtomicReference<Begun> BEGUN = new AtomicReference<>();

    /** What the window needs, made ready before it: the wiring (its store open) and what the window restores. */
    record Ready(Harbormaster harbormaster, ShellWindow.Prepared window) {
    }

    /** An opening under way for these arguments; its sign-ins open the browser {@link #take} is given. */
    private record Begun(List<String> args, AtomicReference<BrowserOpener> browser,
                         CompletableFuture<Opening> opening) {
    }

    final ThreadFamily threads;
    final AppOptions options;
    final Path dataHome;
    final LogFile log;
    final AppInfo info;
    /** The operator's own AWS files (they may not exist): where File → Back to your own AWS configuration goes. */
    final AwsConfigFiles ownFiles;
    final AwsConfigFiles configFiles;
    final Optional<EmbeddedSandbox> sandbox;
    final Path dbFile;
    /** Null when the store could not be read: asking the operator about it needs the FX thread. */
    final Ready ready;
    final StoreUnreadableException unreadable;
    /** The operator's own AWS files checked (only when they are what the console runs on). */
    final Optional<Problem> configurationProblem;
    final AwsFilesStamp readStamp;
    /** Where a sign-in's address is opened: the application's host services, known only once it exists. */
    private final AtomicReference<BrowserOpener> browser;

    private Opening(List<String> args, ThreadFamily threads, AtomicReference<BrowserOpener> browser) {
        this.threads = threads;
        this.browser = browser;
        options = AppOptions.parse(args);
        dataHome = AppDirectories.dataHome();
        log = openLog(dataHome);
        info = new AppInfo(Version.current(), dataHome, log == null ? null : log.file());
        LOG.log(System.Logger.Level.INFO, "Harbormaster " + info.version() + " starting; data in " + dataHome
                + ", Java " + Runtime.version() + " on " + System.getProperty("os.name"));
        ownFiles = configFilesFromProperties().orElseGet(AwsConfigFiles::fromSystem);
        if (options.sandboxOffline()) {
            // the profiles the sandbox generated last time, pointing at an endpoint nothing listens on now
            Path profiles = dataHome.resolve("sandbox");
            sandbox = Optional.empty();
            configFiles = new AwsConfigFiles(profiles.resolve("config"), profiles.resolve("credentials"));
        } else if (options.forceSandbox() || !ownFiles.anyExists()) {
            EmbeddedSandbox starting = startSandbox();
            sandbox = Optional.of(starting);
            configFiles = starting.files();
        } else {
            sandbox = Optional.empty();
            configFiles = ownFiles;
        }
        // Practice on the sandbox never mixes with the real registry, audit log or journals.
        dbFile = dataHome.resolve(sandbox.isPresent() || options.sandboxOffline() ? "sandbox.db" : "harbormaster.db");
        Ready opened = null;
        StoreUnreadableException damaged = null;
        try {
            LocalStore store = LocalStore.open(dbFile);
            StartupTimes.reached("local store open");
            opened = wire(store, sandbox, configFiles, info, threads, this::openInBrowser);
            StartupTimes.reached("console wired");
        } catch (StoreUnreadableException unreadableStore) {
            LOG.log(System.Logger.Level.WARNING, unreadableStore.getMessage(), unreadableStore);
            damaged = unreadableStore;
        }
        ready = opened;
        unreadable = damaged;
        if (sandbox.isEmpty()) {
            readStamp = AwsFilesStamp.of(configFiles);
            configurationProblem = AwsConfigurationCheck.check(configFiles);
        } else {
            readStamp = AwsFilesStamp.NONE;
            configurationProblem = Optional.empty();
        }
    }

    /**
     * Begins the opening for these arguments on a thread of its own (the launcher, before JavaFX starts). Its
     * failure is the application's {@code init}'s to report.
     */
    static void begin(List<String> args) {
        ThreadFamily threads = family();
        Begun begun = new Begun(List.copyOf(args), new AtomicReference<>(), new CompletableFuture<>());
        BEGUN.set(begun);
        threads.start("opening", () -> {
            try {
                begun.opening().complete(new Opening(begun.args(), threads, begun.browser()));
            } catch (RuntimeException | Error failed) {
                begun.opening().completeExceptionally(failed);
            }
        });
    }

    /**
     * The opening for these arguments: the one the launcher began (waited for), or one run here and now.
     *
     * @param browser opens a sign-in's address: the application's host services, which exist only now
     */
    static Opening take(List<String> args, BrowserOpener browser) {
        Begun begun = BEGUN.getAndSet(null);
        if (begun == null || !begun.args().equals(args)) {
            return new Opening(args, family(), new AtomicReference<>(browser));
        }
        begun.browser().set(browser);
        try {
            return begun.opening().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the console was opening", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failed.getCause();
        }
    }

    /** Every thread of the app, the wirings' pools included; the application closes it last on exit. */
    private static ThreadFamily family() {
        return new ThreadFamily("harbormaster");
    }

    private void openInBrowser(String address) {
        BrowserOpener opener = browser.get();
        if (opener == null) {
            LOG.log(System.Logger.Level.INFO, "No browser to open yet; sign in at " + address);
        } else {
            opener.open(address);
        }
    }

    /** Wires the console to an open store and reads what its window restores; disk work, off the FX thread. */
    static Ready wire(LocalStore store, Optional<EmbeddedSandbox> sandbox, AwsConfigFiles files, AppInfo info,
            ThreadFamily threads, BrowserOpener browser) {
        Harbormaster wired = new Harbormaster(store, sandbox, files, Clock.systemDefaultZone(), threads, browser);
        return new Ready(wired, ShellWindow.prepare(wired.shellDependencies(),
                info.withAwsFiles(List.of(files.config(), files.credentials())),
                sandbox.map(EmbeddedSandbox::practice)));
    }

    private EmbeddedSandbox startSandbox() {
        SandboxOptions sandboxOptions = SandboxOptions.defaults().withSpeed(options.sandboxSpeed())
                .withFleet(options.sandboxFleet()).withServiceTime(options.sandboxLatency())
                .withBusinessDay(options.sandboxBusinessDay());
        EmbeddedSandbox starting = EmbeddedSandbox.startBeside(sandboxOptions, options.sandboxUser(),
                dataHome.resolve("sandbox"), threads);
        starting.whenStarted().whenComplete((started, failed) -> {
            if (failed == null) {
                StartupTimes.reached("sandbox up");
                LOG.log(System.Logger.Level.INFO, "Sandbox on " + started.sandbox().endpoint()
                        + ", profiles in " + started.files().config().getParent());
            } else {
                LOG.log(System.Logger.Level.ERROR, "The sandbox could not start", failed);
            }
        });
        return starting;
    }

    private static LogFile openLog(Path dataHome) {
        try {
            return LogFile.open(dataHome);
        } catch (UncheckedIOException unwritable) {
            LOG.log(System.Logger.Level.WARNING, "No log file: " + unwritable.getMessage(), unwritable);
            return null;
        }
    }

    /**
     * {@code -Dharbormaster.aws.config=…} / {@code -Dharbormaster.aws.credentials=…} point at other AWS files than
     * the environment says (tests cannot set AWS_CONFIG_FILE for the JVM they run in); either alone is enough.
     */
    private static Optional<AwsConfigFiles> configFilesFromProperties() {
        String config = System.getProperty("harbormaster.aws.config");
        String credentials = System.getProperty("harbormaster.aws.credentials");
        if ((config == null || config.isBlank()) && (credentials == null || credentials.isBlank())) {
            return Optional.empty();
        }
        AwsConfigFiles system = AwsConfigFiles.fromSystem();
        return Optional.of(new AwsConfigFiles(
                config == null || config.isBlank() ? system.config() : Path.of(config),
                credentials == null || credentials.isBlank() ? system.credentials() : Path.of(credentials)));
    }
}
