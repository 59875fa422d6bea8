package io.harbormaster.app;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.StoreUnreadableException;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.sandbox.SandboxOptions;
import io.harbormaster.views.shell.ShellWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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
    private Optional<EmbeddedSandbox> sandbox = Optional.empty();
    private Harbormaster harbormaster;
    private ShellWindow window;

    /** Runs on the launcher thread before any window: the sandbox's fleet is generated here, not on the FX thread. */
    @Override
    public void init() {
        options = AppOptions.parse(getParameters().getRaw());
        dataHome = AppDirectories.dataHome();
        AwsConfigFiles own = configFilesFromProperties().orElseGet(AwsConfigFiles::fromSystem);
        if (options.sandboxOffline()) {
            // the profiles the sandbox generated last time, pointing at an endpoint nothing listens on now
            Path profiles = dataHome.resolve("sandbox");
            configFiles = new AwsConfigFiles(profiles.resolve("config"), profiles.resolve("credentials"));
        } else if (options.forceSandbox() || !own.anyExists()) {
            SandboxOptions sandboxOptions = SandboxOptions.defaults().withSpeed(options.sandboxSpeed())
                    .withFleet(options.sandboxFleet()).withServiceTime(options.sandboxLatency());
            EmbeddedSandbox started = EmbeddedSandbox.start(sandboxOptions, options.sandboxUser(),
                    dataHome.resolve("sandbox"));
            sandbox = Optional.of(started);
            configFiles = started.files();
            LOG.log(System.Logger.Level.INFO, "Sandbox on " + started.sandbox().endpoint() + ", profiles in "
                    + configFiles.config().getParent());
        } else {
            configFiles = own;
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

    @Override
    public void start(Stage stage) {
        // Practice on the sandbox never mixes with the real registry, audit log or journals.
        Path dbFile = dataHome.resolve(sandbox.isPresent() || options.sandboxOffline() ? "sandbox.db"
                : "harbormaster.db");
        Optional<LocalStore> store = openStore(dbFile);
        if (store.isEmpty()) {
            Platform.exit();
            return;
        }
        harbormaster = new Harbormaster(store.get(), sandbox, configFiles, Clock.systemDefaultZone());
        window = ShellWindow.show(stage, harbormaster.shellDependencies());
        if (sandbox.isEmpty()) {
            window.offerSandbox(() -> openSandbox(stage));
        }
        checkAwsConfiguration();
    }

    /**
     * Leaves the operator's own AWS for the embedded sandbox, in the same window: the sandbox and its fleet start
     * in the background, then the console is rewired to it (its own sandbox.db); the old wiring closes behind.
     */
    private void openSandbox(Stage stage) {
        Thread starter = new Thread(() -> {
            try {
                EmbeddedSandbox started = EmbeddedSandbox.start(SandboxOptions.defaults()
                        .withSpeed(options.sandboxSpeed()).withFleet(options.sandboxFleet())
                        .withServiceTime(options.sandboxLatency()), options.sandboxUser(),
                        dataHome.resolve("sandbox"));
                Path dbFile = dataHome.resolve("sandbox.db");
                Optional<Harbormaster> wired = wire(dbFile, started);
                Platform.runLater(() -> switchTo(stage, started, wired.or(() -> openStore(dbFile)
                        .map(store -> new Harbormaster(store, Optional.of(started), started.files(),
                                Clock.systemDefaultZone())))));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "The sandbox could not start", e);
                Platform.runLater(() -> window.dialogs().showProblem(new io.harbormaster.model.error.Problem(
                        io.harbormaster.model.error.Problem.Kind.UNEXPECTED, "The sandbox could not start",
                        String.valueOf(e.getMessage()), "Try again; your own environments are unaffected.",
                        e.toString())));
            }
        }, "harbormaster-sandbox-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Opens the sandbox's store and wires the console to the sandbox off the UI thread; empty when the store is
     * unreadable, which the UI thread then handles (it has to ask the operator).
     */
    private static Optional<Harbormaster> wire(Path dbFile, EmbeddedSandbox started) {
        try {
            return Optional.of(new Harbormaster(LocalStore.open(dbFile), Optional.of(started), started.files(),
                    Clock.systemDefaultZone()));
        } catch (StoreUnreadableException unreadable) {
            return Optional.empty();
        }
    }

    private void switchTo(Stage stage, EmbeddedSandbox started, Optional<Harbormaster> wired) {
        if (wired.isEmpty()) {
            started.close();
            return;
        }
        Harbormaster previous = harbormaster;
        sandbox = Optional.of(started);
        configFiles = started.files();
        harbormaster = wired.get();
        window = ShellWindow.show(stage, harbormaster.shellDependencies());
        Thread closer = new Thread(previous::close, "harbormaster-close-previous");
        closer.setDaemon(true);
        closer.start();
    }

    /** The window, for tests and screenshots. */
    public ShellWindow window() {
        return window;
    }

    public Optional<EmbeddedSandbox> sandbox() {
        return sandbox;
    }

    @Override
    public void stop() {
        if (harbormaster != null) {
            harbormaster.close();
        } else {
            sandbox.ifPresent(EmbeddedSandbox::close);
        }
    }

    private Optional<LocalStore> openStore(Path dbFile) {
        try {
            return Optional.of(LocalStore.open(dbFile));
        } catch (StoreUnreadableException unreadable) {
            LOG.log(System.Logger.Level.WARNING, unreadable.getMessage(), unreadable);
            ButtonType moveAside = new ButtonType("Move it aside and start clean", ButtonBar.ButtonData.OK_DONE);
            ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.WARNING, unreadable.getMessage()
                    + "\n\nHarbormaster can rename it (nothing is deleted) and start with a new, empty database."
                    + " Your environments will need to be added again.", moveAside, quit);
            alert.setTitle("Harbormaster");
            alert.setHeaderText("The local database cannot be read");
            alert.getDialogPane().setId("store-unreadable");
            if (alert.showAndWait().orElse(quit) != moveAside) {
                return Optional.empty();
            }
            try {
                Path aside = LocalStore.moveAside(dbFile, Clock.systemUTC());
                LOG.log(System.Logger.Level.WARNING, "Moved the unreadable database to " + aside);
                return Optional.of(LocalStore.open(dbFile));
            } catch (IOException | StoreUnreadableException e) {
                Alert failed = new Alert(Alert.AlertType.ERROR, "Could not move " + dbFile + " aside: "
                        + e.getMessage() + "\nMove or rename it by hand, then start Harbormaster again.");
                failed.setHeaderText("The local database cannot be replaced");
                failed.showAndWait();
                return Optional.empty();
            }
        }
    }

    /** A malformed config or credentials file is reported with its file and line; the console still opens. */
    private void checkAwsConfiguration() {
        try {
            AwsProfiles profiles = AwsProfiles.load(configFiles);
            // A role profile that cannot be followed back to a login (no source, a loop) is said now, not on entry.
            for (String name : profiles.profiles().keySet()) {
                if (profiles.property(name, "role_arn").isPresent()) {
                    profiles.checkChain(name);
                }
            }
        } catch (OperatorException e) {
            window.dialogs().showProblem(e.problem());
        }
    }
}
