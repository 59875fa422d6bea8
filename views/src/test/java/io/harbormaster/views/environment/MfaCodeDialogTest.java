package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.fakes.Fixtures;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The MFA dialog shown in parts: styled in an event of its own, shown in the next, and never once dismissed. */
@ExtendWith(ApplicationExtension.class)
class MfaCodeDialogTest {

    private MfaCodeDialog dialog;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.dismiss());
    }

    @Test
    void showsAfterTheEventThatAskedWithItsControlsAlreadyStyled(FxRobot robot) throws Exception {
        boolean[] atOnce = new boolean[2];
        robot.interact(() -> {
            dialog = new MfaCodeDialog(new MfaCodeViewModel(Fixtures.PROD, "serial"));
            dialog.showInParts();
            atOnce[0] = dialog.isShowing();
            atOnce[1] = dialog.getDialogPane().lookup("#mfa-code") instanceof javafx.scene.control.TextField code
                    && code.getSkin() != null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialog.isShowing());

        assertThat(atOnce[0]).as("shown in the event that asked").isFalse();
        assertThat(atOnce[1]).as("styled in the event that asked").isFalse();
    }

    @Test
    void dismissedBeforeItShowsItNeverShows(FxRobot robot) throws Exception {
        robot.interact(() -> {
            dialog = new MfaCodeDialog(new MfaCodeViewModel(Fixtures.PROD, "serial"));
            dialog.showInParts();
        });
        robot.interact(() -> dialog.dismiss());
        WaitForAsyncUtils.waitForFxEvents(10);

        assertThat(dialog.isShowing()).isFalse();
    }
}
