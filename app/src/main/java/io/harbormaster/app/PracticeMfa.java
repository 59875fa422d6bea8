package io.harbormaster.app;

import io.harbormaster.app.PageTour.TourFailure;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * How {@link PageTour} answers what the console asks while nobody sits at it: an MFA prompt for one of the embedded
 * sandbox's practice devices is answered as an operator practising would, "Use this code" then "Enter"; a prompt for a
 * real device, or any other dialog (a problem said), stops the tour with what it says. UI thread only.
 */
final class PracticeMfa {

    private static final System.Logger LOG = System.getLogger(PracticeMfa.class.getName());

    private PracticeMfa() {
    }

    /** Answers every MFA prompt showing; one whose code only a person can read fails the tour. */
    static void answerShowing() {
        for (Window window : Window.getWindows()) {
            Scene scene = window.isShowing() ? window.getScene() : null;
            if (scene == null || scene.lookup("#mfa-code") == null) {
                continue;
            }
            Node use = scene.lookup("#mfa-use-practice");
            if (!(use instanceof ButtonBase practice)) {
                throw new TourFailure("an MFA prompt asks for " + text(scene, "#mfa-environment") + " a code only a"
                        + " person can give: the tour answers the embedded sandbox's practice devices only");
            }
            practice.fire();
            // disabled while a code sent is being checked, and until the field holds six digits
            if (scene.lookup("#mfa-submit") instanceof ButtonBase submit && !submit.isDisabled()) {
                LOG.log(System.Logger.Level.INFO, "Tour: answering the MFA prompt for "
                        + text(scene, "#mfa-environment") + " with the sandbox's practice code");
                submit.fire();
            }
        }
    }

    /** Fails the tour if a window other than {@code main} and an MFA prompt shows a dialog: a problem said. */
    static void failOnProblemShowing(Window main) {
        for (Window window : Window.getWindows()) {
            if (window == main || !(window instanceof Stage) || !window.isShowing() || window.getScene() == null
                    || window.getScene().lookup("#mfa-code") != null) {
                continue;
            }
            if (window.getScene().lookup(".dialog-pane") instanceof DialogPane pane) {
                throw new TourFailure("a dialog says: " + String.join(" ", nonNull(pane.getHeaderText()),
                        nonNull(pane.getContentText())).strip());
            }
        }
    }

    private static String text(Scene scene, String selector) {
        return scene.lookup(selector) instanceof Label label ? label.getText() : "an environment";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
