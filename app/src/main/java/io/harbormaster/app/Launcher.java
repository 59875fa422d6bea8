package io.harbormaster.app;

import java.io.PrintStream;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point, of the installed application and of the Maven run command alike. Not an {@link Application}
 * subclass, so a plain class-path launch starts JavaFX without the module-path checks of the launcher.
 * {@code --help}, {@code --version} and a mistyped option are answered here, before any display is needed.
 */
public final class Launcher {

    /** Exit status of a command line that could not be understood (as with most Unix tools). */
    static final int USAGE_ERROR = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        int status = answerWithoutWindow(List.of(args), System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
        AppOptions.Smoke smoke = AppOptions.parse(List.of(args)).smoke();
        if (smoke != AppOptions.Smoke.NONE) {
            SmokeCheck.exitAfter(smoke.timeout());
        }
        // store, wiring and sandbox beside JavaFX's own start rather than after it
        Opening.begin(List.of(args));
        Application.launch(HarbormasterApp.class, args);
    }

    /**
     * Answers {@code --help}, {@code --version} or a bad command line and returns the exit status; -1 when the
     * console should open.
     */
    static int answerWithoutWindow(List<String> args, PrintStream out, PrintStream err) {
        AppOptions options;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException bad) {
            err.println("harbormaster: " + bad.getMessage());
            err.println(AppOptions.USAGE);
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.println(AppOptions.USAGE);
            return 0;
        }
        if (options.version()) {
            out.println("Harbormaster " + Version.current());
            return 0;
        }
        return -1;
    }
}
