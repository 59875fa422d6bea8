package io.harbormaster.app;

import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.StackTrace;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.dialog.DialogService;
import io.harbormaster.views.environment.BrowserOpener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Help → README: the README built into this copy is written to the data directory and opened there, so the
 * installed console (no checkout beside it) and the developer run show the same text, the one of their version.
 */
final class Readme {

    static final String RESOURCE = "/io/harbormaster/app/README.md";

    private Readme() {
    }

    /** Writes the README under {@code dataHome} and has {@code browser} open it; disk work, off the UI thread. */
    static void open(Path dataHome, BrowserOpener browser, DialogService dialogs) {
        try {
            Path file = write(dataHome);
            UiThread.later(() -> browser.open(file.toUri().toString()));
        } catch (IOException | RuntimeException e) {
            System.getLogger(Readme.class.getName()).log(System.Logger.Level.WARNING, "No README to open", e);
            UiThread.later(() -> dialogs.showProblem(new Problem(Problem.Kind.UNEXPECTED, "The README cannot be shown",
                    String.valueOf(e.getMessage()), "Read README.md in Harbormaster's source repository instead.",
                    StackTrace.of(e))));
        }
    }

    static Path write(Path dataHome) throws IOException {
        try (InputStream in = Readme.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("this build carries no README (" + RESOURCE + ")");
            }
            Files.createDirectories(dataHome);
            Path file = dataHome.resolve("README.md");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
