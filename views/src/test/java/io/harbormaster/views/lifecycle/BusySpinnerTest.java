package io.harbormaster.views.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.harbormaster.views.Snapshots;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The busy sign turns in steps, a few a second, only while it is visible in a showing window: hidden, or out of
 * the window, it asks for no frames at all.
 */
@ExtendWith(ApplicationExtension.class)
class BusySpinnerTest {

    private final BusySpinner spinner = new BusySpinner(16);
    private VBox root;

    private final String before = Application.getUserAgentStylesheet();
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        root = new VBox(8, spinner, new BusySpinner(28));
        root.setPadding(new javafx.geometry.Insets(8));
        scene = new Scene(root, 120, 80);
        scene.getStylesheets().add(HarbormasterStyles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(before)).get();
    }

    @Test
    void turnsInStepsOnlyWhileVisibleInAShowingWindow(FxRobot robot) throws Exception {
        assertThat(spinner.isTurning()).isTrue();
        int before = steps(robot);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        int inASecond = steps(robot) - before;
        assertThat(inASecond).as("steps in a second").isBetween(1, BusySpinner.STEPS_PER_SECOND + 2);
        assertThat(spinner.getWidth()).isEqualTo(16);
        WaitForAsyncUtils.asyncFx(() -> {
            Snapshots.save(scene, Path.of("target", "screenshots", "busy-spinner.png"));
            return null;
        }).get();

        robot.interact(() -> spinner.setVisible(false));
        assertThat(spinner.isTurning()).as("hidden").isFalse();
        int hidden = steps(robot);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(steps(robot)).isEqualTo(hidden);

        robot.interact(() -> spinner.setVisible(true));
        assertThat(spinner.isTurning()).as("shown again").isTrue();

        robot.interact(() -> root.getChildren().clear());
        assertThat(spinner.isTurning()).as("out of the window").isFalse();
    }

    private int steps(FxRobot robot) {
        int[] steps = {0};
        robot.interact(() -> steps[0] = spinner.steps());
        return steps[0];
    }
}
