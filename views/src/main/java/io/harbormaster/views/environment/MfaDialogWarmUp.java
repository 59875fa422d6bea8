package io.harbormaster.views.environment;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.lifecycle.IdleSteps;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * The MFA prompt's code run once, in idle pulses on the UI thread, before an operator first needs it: a specimen
 * {@link MfaCodeDialog} built (never shown), styled and laid out a step a pulse, then dropped. Its first showing was
 * the one stall over 50 ms of the UI thread's own work that came back in every soak (Cutovers' prompt for prod: 53–58
 * ms in sessions 14–16; 20–35 ms warm). In a bare JVM with a window up (views' test JVM) a first prompt took 114–131
 * ms of UI-thread CPU cold and 40–45 ms after these steps, whose own work was 74–87 ms there (JavaFX's dialog, its
 * window and the prompt's nodes met for the first time), hence the bare dialog first, in a step of its own. In the
 * console, after its window and first pages, the steps are 9–14 ms each, and two soaks had no prompt among their
 * stalls (session 17).
 */
public final class MfaDialogWarmUp {

    static final int STEPS = 4;
    /** Production, so the specimen carries the badge the real prod prompt does; its account is no one's. */
    private static final Environment SPECIMEN = new Environment("warm-up", "Warm-up", "warm-up", "", "000000000000",
            "", List.of("us-east-1"), "#c62828", true, false, 0);

    private final IdleSteps steps;
    private Dialog<Void> bare;
    private MfaCodeDialog specimen;
    private WeakReference<MfaCodeDialog> lastSpecimen = new WeakReference<>(null);

    private MfaDialogWarmUp() {
        steps = IdleSteps.start("MFA prompt warm-up", STEPS, this::step, this::dropAll);
    }

    /** Begins on the UI thread's next idle pulse; call on the UI thread once the window shows. */
    public static MfaDialogWarmUp start() {
        return new MfaDialogWarmUp();
    }

    public boolean isDone() {
        return steps.isDone();
    }

    int steps() {
        return steps.steps();
    }

    /** The specimen it built, for a test to see it styled and then let go. */
    WeakReference<MfaCodeDialog> lastSpecimen() {
        return lastSpecimen;
    }

    private void step(int step) {
        switch (step) {
            case 0 -> {
                bare = new Dialog<>();
                bare.getDialogPane().getButtonTypes().add(ButtonType.OK);
            }
            case 1 -> {
                // As the sandbox's prompt: the practice device's box included.
                specimen = new MfaCodeDialog(new MfaCodeViewModel(SPECIMEN, "arn:aws:iam::000000000000:mfa/warm-up",
                        serial -> Optional.of("000000")));
                lastSpecimen = new WeakReference<>(specimen);
            }
            case 2 -> specimen.getDialogPane().applyCss();
            default -> {
                // Sized as a window sizes itself to its scene when shown.
                var pane = specimen.getDialogPane();
                double width = pane.prefWidth(-1);
                pane.resize(width, pane.prefHeight(width));
                pane.layout();
            }
        }
    }

    private void dropAll() {
        bare = null;
        specimen = null;
    }
}
