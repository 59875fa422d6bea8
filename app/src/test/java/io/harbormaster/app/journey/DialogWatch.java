package io.harbormaster.app.journey;

import java.util.Map;
import java.util.TreeMap;
import io.harbormaster.views.concurrent.UiThread;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Counts every dialog the console opens, by kind (the dialog's id and its title), and answers problem and info
 * dialogs as an operator would (Close), so a long run goes on. MFA prompts are left out: they are questions, not
 * failures, and the soak answers (and counts) them itself. Installed and read on the UI thread.
 */
final class DialogWatch {

    private final Map<String, Integer> byKind = new TreeMap<>();
    private final ListChangeListener<Window> listener = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::seen);
        }
    };

    void install() {
        Window.getWindows().addListener(listener);
    }

    void uninstall() {
        Window.getWindows().removeListener(listener);
    }

    /** Dialogs opened so far by kind ("problem-dialog: Refresh failed"); a copy, UI thread. */
    Map<String, Integer> byKind() {
        return new TreeMap<>(byKind);
    }

    private void seen(Window window) {
        if (window.getScene() == null || !(window.getScene().getRoot() instanceof DialogPane pane)) {
            return;
        }
        String id = pane.getId() == null ? "dialog" : pane.getId();
        if (id.equals("mfa-dialog")) {
            return; // a question the soak answers (and counts) itself
        }
        byKind.merge(id + ": " + title(pane), 1, Integer::sum);
        if (id.equals("problem-dialog") || id.equals("info-dialog")) {
            close(pane);
        }
    }

    private static String title(DialogPane pane) {
        if (pane.getHeaderText() != null && !pane.getHeaderText().isBlank()) {
            return pane.getHeaderText();
        }
        if (pane.lookup("#problem-title") instanceof Label label) {
            return label.getText();
        }
        return String.valueOf(pane.getContentText()).lines().findFirst().orElse("");
    }

    /** Presses the dialog's closing button once it has shown (pressed while it opens, JavaFX ignores it). */
    private static void close(DialogPane pane) {
        UiThread.later(() -> pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE || t == ButtonType.CLOSE
                        || t.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .findFirst()
                .map(pane::lookupButton)
                .filter(Button.class::isInstance)
                .ifPresent(button -> ((Button) button).fire()));
    }
}
