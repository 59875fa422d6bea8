package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.shared.Collected;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The MFA prompt built, styled and laid out once in idle pulses, never shown, then let go. */
@ExtendWith(ApplicationExtension.class)
class MfaDialogWarmUpTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void stylesAndLaysOutTheRealPromptOverSeveralPulsesShowingNothing(FxRobot robot) throws Exception {
        AtomicReference<MfaDialogWarmUp> warmUp = new AtomicReference<>();
        // held here from the pulse it is built in (after that pulse's animations, where the warm-up steps run), so the
        // checks below always see it, whenever the warm-up lets it go
        AtomicReference<MfaCodeDialog> held = new AtomicReference<>();
        int windowsBefore = windowCount(robot);
        robot.interact(() -> {
            warmUp.set(MfaDialogWarmUp.start());
            assertThat(warmUp.get().steps()).as("nothing done in the call itself").isZero();
            javafx.scene.Scene scene = Window.getWindows().get(0).getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                MfaCodeDialog built = warmUp.get().lastSpecimen().get();
                if (built != null) {
                    held.set(built);
                    scene.removePostLayoutPulseListener(once[0]);
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warmUp.get().steps()).isEqualTo(MfaDialogWarmUp.STEPS);
        assertThat(windowCount(robot)).as("no window shown").isEqualTo(windowsBefore);

        wentThroughAFirstShowing(held.getAndSet(null)); // nothing of it kept here after
        assertThat(Collected.eventually(warmUp.get().lastSpecimen())).as("its specimen let go").isTrue();
    }

    private static void wentThroughAFirstShowing(MfaCodeDialog specimen) {
        assertThat(specimen).as("a specimen was built").isNotNull();
        TextField code = (TextField) specimen.getDialogPane().lookup("#mfa-code");
        assertThat(code.getSkin()).as("styled: the code field has its skin").isNotNull();
        assertThat(specimen.getDialogPane().lookup("#mfa-practice")).as("the sandbox's practice box").isNotNull();
        assertThat(specimen.getDialogPane().getWidth()).as("laid out at its own size").isGreaterThan(100);
        assertThat(specimen.isShowing()).isFalse();
    }

    private static int windowCount(FxRobot robot) {
        AtomicReference<Integer> count = new AtomicReference<>();
        robot.interact(() -> count.set(Window.getWindows().size()));
        return count.get();
    }
}
