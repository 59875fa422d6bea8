package io.harbormaster.app;

import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.views.concurrent.UiThread;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * {@code --smoke}: proves an installed copy can open its window. The process exits 0 once the main window is
 * showing, laid out and paints real content (a snapshot of its scene has many colours, not one blank fill), and
 * exits 3 if that has not happened within the timeout (generous: a 2-core machine under a parallel build is slow).
 * The time from process start to that point is logged, which is what the start-up benchmark reads. A tour
 * ({@code --smoke=tour}) runs after that point and decides the exit: 0 once it has shown every page,
 * {@link #TOUR_FAILED} with the page named in the log if one did not open.
 */
final class SmokeCheck {

    private static final System.Logger LOG = System.getLogger(SmokeCheck.class.getName());
    /** A blank or half-built window has a handful of colours; the shell with its bars and tables has dozens. */
    private static final int MIN_COLOURS = 12;
    private static final int GRID = 64;
    static final int TIMED_OUT = 3;
    static final int TOUR_FAILED = 4;

    private SmokeCheck() {
    }

    /**
     * Starts the watchdog: halts the process with {@link #TIMED_OUT} after {@code timeout}. Its daemon thread comes
     * from a thread family of its own, since the app's family does not exist yet when the launcher calls this.
     */
    static void exitAfter(Duration timeout) {
        new ThreadFamily("harbormaster-smoke").start("watchdog", () -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "Smoke run: no painted window after " + timeout.toSeconds() + " s");
            Runtime.getRuntime().halt(TIMED_OUT);
        });
    }

    /**
     * Watches the main window's scene from its first layout pulse on (FX thread); once it has painted, logs when,
     * and once {@code alsoAwaited} (the embedded sandbox starting beside the window) is done too, runs {@code then}
     * (nothing for {@code --smoke}, the tour for {@code --smoke=tour}) and exits when that ends.
     */
    static void watch(Scene scene, CompletableFuture<?> alsoAwaited, Supplier<CompletionStage<?>> then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing() || scene.getWidth() <= 0
                    || scene.getRoot().getChildrenUnmodifiable().isEmpty()) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            // snapshot outside the pulse: it lays out and renders the scene itself
            UiThread.later(() -> {
                int colours = colours(scene.snapshot(null));
                if (colours >= MIN_COLOURS) {
                    long millis = StartupTimes.sinceProcessStart();
                    LOG.log(System.Logger.Level.INFO, "Smoke run: first window painted " + millis
                            + " ms after process start (CPU " + StartupTimes.cpuSoFar() + " ms, " + colours
                            + " colours)");
                    alsoAwaited.whenComplete((done, failed) -> {
                        if (failed != null) {
                            LOG.log(System.Logger.Level.ERROR, "Smoke run: the sandbox did not start", failed);
                            Runtime.getRuntime().halt(TIMED_OUT);
                        }
                        LOG.log(System.Logger.Level.INFO, "Smoke run: ready after " + StartupTimes.sinceProcessStart()
                                + " ms");
                        UiThread.runOnUi(() -> then.get().whenComplete((ended, failedThen) -> exit(failedThen)));
                    });
                    return;
                }
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void exit(Throwable failed) {
        if (failed != null) {
            Throwable why = failed instanceof CompletionException && failed.getCause() != null ? failed.getCause()
                    : failed;
            LOG.log(System.Logger.Level.ERROR, "Smoke run: the tour failed at " + why.getMessage(), why);
            System.exit(TOUR_FAILED);
        }
        LOG.log(System.Logger.Level.INFO, "Smoke run: done after " + StartupTimes.sinceProcessStart()
                + " ms; exiting");
        System.exit(0);
    }

    /** Distinct colours on a grid of samples across the image. */
    static int colours(WritableImage image) {
        PixelReader pixels = image.getPixelReader();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (pixels == null || width == 0 || height == 0) {
            return 0;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                seen.add(pixels.getArgb(i * (width - 1) / (GRID - 1), j * (height - 1) / (GRID - 1)));
            }
        }
        return seen.size();
    }
}
