package io.harbormaster.views.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Steps in order, one a pulse, on the UI thread; the clean-up and what waits for the end run once, after them. */
@ExtendWith(ApplicationExtension.class)
class IdleStepsTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void runsEachStepInOrderThenCleansUpThenWhatWaits(FxRobot robot) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicReference<IdleSteps> steps = new AtomicReference<>();
        robot.interact(() -> {
            steps.set(IdleSteps.start("test", 3, step -> {
                assertThat(Platform.isFxApplicationThread()).isTrue();
                seen.add("step " + step);
            }, () -> seen.add("clean-up")));
            steps.get().whenEnded(() -> seen.add("after"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> steps.get().isDone());
        robot.interact(() -> steps.get().whenEnded(() -> seen.add("after, late")));
        robot.interact(() -> steps.get().stop());

        assertThat(seen).containsExactly("step 0", "step 1", "step 2", "clean-up", "after", "after, late");
        assertThat(steps.get().steps()).isEqualTo(3);
    }

    @Test
    void needsAStep() {
        assertThatThrownBy(() -> IdleSteps.start("none", 0, step -> { }, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
