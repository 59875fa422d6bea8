package io.harbormaster.views.dialog;

import io.harbormaster.model.error.Problem;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A problem in the operator's words, with the technical details one click from a ticket. */
final class ProblemDialog extends Dialog<Void> {

    static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);

    ProblemDialog(Problem problem) {
        this(problem, Optional.empty());
    }

    /** With the log file named under the details (and in what Copy details copies), when there is one. */
    ProblemDialog(Problem problem, Optional<Path> logFile) {
        setTitle("Harbormaster — " + problem.title());
        getDialogPane().setId("problem-dialog");
        getDialogPane().getStyleClass().add(HarbormasterStyles.PROBLEM_DIALOG);
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());

        FontIcon icon = new FontIcon(isWarning(problem.kind()) ? Material2MZ.WARNING : Material2AL.ERROR_OUTLINE);
        icon.getStyleClass().add(HarbormasterStyles.PROBLEM_ICON);
        Label title = new Label(problem.title());
        title.setId("problem-title");
        title.getStyleClass().add(HarbormasterStyles.PROBLEM_TITLE);
        title.setWrapText(true);
        HBox header = new HBox(12, icon, title);
        header.getStyleClass().add(HarbormasterStyles.PROBLEM_HEADER);

        Label message = wrapped(problem.message(), "problem-message");
        Label nextStep = wrapped(problem.nextStep(), "problem-next-step");
        nextStep.getStyleClass().add(HarbormasterStyles.PROBLEM_NEXT_STEP);
        nextStep.setVisible(!problem.nextStep().isBlank());
        nextStep.setManaged(nextStep.isVisible());

        TextArea details = new TextArea(report(problem) + logFile.map(log -> "\nLog: " + log + "\n").orElse(""));
        details.setId("problem-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        details.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        Label log = wrapped(logFile.map(file -> "The log is at " + file).orElse(""), "problem-log");
        log.setVisible(logFile.isPresent());
        log.setManaged(log.isVisible());
        TitledPane detailsPane = new TitledPane("Technical details", new VBox(6, details, log));
        detailsPane.setId("problem-details-pane");
        detailsPane.setExpanded(false);
        detailsPane.setAnimated(false);
        // Grow the window with the details, so the buttons stay on screen.
        detailsPane.expandedProperty().addListener((obs, was, now) -> UiThread.later(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));

        VBox content = new VBox(12, header, message, nextStep, detailsPane);
        content.getStyleClass().add(HarbormasterStyles.PROBLEM_CONTENT);
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(600);

        getDialogPane().getButtonTypes().addAll(COPY, ButtonType.CLOSE);
        Button copy = (Button) getDialogPane().lookupButton(COPY);
        copy.setId("problem-copy");
        copy.setGraphic(new FontIcon(Material2AL.CONTENT_COPY));
        // Copying must not close the dialog: the operator usually copies, then reads on.
        copy.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            ClipboardContent clip = new ClipboardContent();
            clip.putString(details.getText());
            Clipboard.getSystemClipboard().setContent(clip);
            copy.setText("Copied");
            PauseTransition reset = new PauseTransition(Duration.seconds(2));
            reset.setOnFinished(done -> copy.setText(COPY.getText()));
            reset.play();
        });
        ((Button) getDialogPane().lookupButton(ButtonType.CLOSE)).setDefaultButton(true);
    }

    /** Everything a ticket needs, as plain text. */
    static String report(Problem problem) {
        StringBuilder text = new StringBuilder()
                .append(problem.title()).append(" (").append(problem.kind()).append(")\n")
                .append(problem.message()).append('\n');
        if (!problem.nextStep().isBlank()) {
            text.append("Next step: ").append(problem.nextStep()).append('\n');
        }
        if (!problem.details().isBlank()) {
            text.append('\n').append(problem.details()).append('\n');
        }
        return text.toString();
    }

    private static boolean isWarning(Problem.Kind kind) {
        return kind == Problem.Kind.THROTTLED || kind == Problem.Kind.MFA_REQUIRED || kind == Problem.Kind.NETWORK;
    }

    private static Label wrapped(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
