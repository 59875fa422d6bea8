package io.harbormaster.views;

import io.harbormaster.views.concurrent.UiThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** PNG pictures of a scene, for the README and for test evidence. Works headless (Monocle) too. */
public final class Snapshots {

    private Snapshots() {
    }

    /** Saves the scene as it is now; from any thread (waits up to 30 s for the UI thread). */
    public static void save(Scene scene, Path png) {
        if (UiThread.isUiThread()) {
            write(scene, png);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        UiThread.runOnUi(() -> {
            try {
                write(scene, png);
                done.complete(null);
            } catch (RuntimeException failure) {
                done.completeExceptionally(failure);
            }
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving " + png, interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not save " + png, failed.getCause());
        } catch (TimeoutException slow) {
            throw new IllegalStateException("the UI thread did not take a snapshot within 30 s", slow);
        }
    }

    private static void write(Scene scene, Path png) {
        WritableImage image = scene.snapshot(null);
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        } catch (IOException failed) {
            throw new UncheckedIOException("could not write " + png, failed);
        }
    }
}
