package io.harbormaster.views.shared;

import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * How a table's "Save as CSV…" asks where and writes there: the file is written off the UI thread through the
 * injected executor, and the outcome told in one line through {@code report}.
 *
 * @param destination asks the operator for a file; a {@link FileChooser} in the app, a fixed path in tests
 * @param report      where "Saved 42 rows to …" or the failure is told
 */
public record CsvSaving(TaskExecutor executor, Destination destination, Consumer<String> report) {

    /** Where to save; null when the operator cancels. */
    @FunctionalInterface
    public interface Destination {
        Path choose(Window owner, String suggestedName);
    }

    /** The operator's choice through the platform's save dialog. */
    public static final Destination FILE_CHOOSER = (owner, suggestedName) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as CSV");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    };

    /**
     * Saving through the platform's save dialog, the outcome shown in a muted line a page places under its table
     * (it starts empty and so takes no room until something was saved).
     */
    public static CsvSaving withDialog(TaskExecutor executor, javafx.scene.control.Label outcome) {
        outcome.getStyleClass().add(io.harbormaster.views.theme.HarbormasterStyles.MUTED);
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        return new CsvSaving(executor, FILE_CHOOSER, outcome::setText);
    }

    public CsvSaving {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(report, "report");
    }

    /** Writes {@code csv} (already taken from the table on the UI thread) to {@code file}, off the UI thread. */
    void save(Path file, String csv, int rows) {
        executor.submit(BackgroundTask.run("Saving " + file.getFileName(), () -> write(file, csv))
                .onSuccess(done -> report.accept("Saved " + rows + (rows == 1 ? " row" : " rows") + " to " + file))
                .onFailure(problem -> report.accept("Could not save " + file + ": " + problem.message())));
    }

    /** UTF-8, replacing what is there: the operator chose the name in a save dialog that asked about it. */
    static void write(Path file, String csv) throws IOException {
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
