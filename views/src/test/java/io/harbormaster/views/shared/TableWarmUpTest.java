package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The throwaway table run on the UI thread a step per pulse, then dropped whole. */
@ExtendWith(ApplicationExtension.class)
class TableWarmUpTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void runsOnTheUiThreadOverSeveralPulsesThenEndsKeepingNothing(FxRobot robot) throws Exception {
        AtomicReference<TableWarmUp> warmUp = new AtomicReference<>();
        Set<Long> pulses = ConcurrentHashMap.newKeySet();
        robot.interact(() -> {
            warmUp.set(TableWarmUp.start(List.of(HarbormasterStyles.stylesheet())));
            assertThat(warmUp.get().steps()).as("nothing done in the call itself").isZero();
            Window.getWindows().get(0).getScene().addPostLayoutPulseListener(() -> {
                if (!warmUp.get().isDone()) {
                    pulses.add(System.nanoTime());
                }
            });
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warmUp.get().steps()).isEqualTo(TableWarmUp.STEPS);
        assertThat(pulses).as("pulses it spanned").hasSizeGreaterThanOrEqualTo(TableWarmUp.STEPS - 1);
        for (Window window : robot.listWindows()) {
            Predicate<Node> isTable = node -> node instanceof TableView;
            assertThat(robot.from(window.getScene().getRoot()).lookup(isTable).queryAll())
                    .as("no table of it in a window's scene").isEmpty();
        }
        assertThat(Collected.eventually(warmUp.get().lastTable())).as("its table let go").isTrue();
    }

    @Test
    void stopEndsItAtOnce(FxRobot robot) throws Exception {
        AtomicReference<TableWarmUp> warmUp = new AtomicReference<>();
        robot.interact(() -> warmUp.set(TableWarmUp.start(List.of())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.get().steps() > 0);
        robot.interact(() -> warmUp.get().stop());
        int stoppedAt = warmUp.get().steps();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warmUp.get().isDone()).isTrue();
        assertThat(warmUp.get().steps()).as("no step after stop").isEqualTo(stoppedAt).isLessThan(TableWarmUp.STEPS);
    }

    @Test
    void aFleetArrivingEndsIt(FxRobot robot) throws Exception {
        AtomicReference<TableWarmUp> warmUp = new AtomicReference<>();
        javafx.beans.property.ObjectProperty<Object> fleet = new javafx.beans.property.SimpleObjectProperty<>();
        robot.interact(() -> warmUp.set(TableWarmUp.start(List.of()).until(fleet)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> warmUp.get().steps() > 0);
        robot.interact(() -> fleet.set("a fleet"));
        int stoppedAt = warmUp.get().steps();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warmUp.get().isDone()).isTrue();
        assertThat(warmUp.get().steps()).as("no step after the fleet came").isEqualTo(stoppedAt)
                .isLessThan(TableWarmUp.STEPS);

        AtomicReference<TableWarmUp> late = new AtomicReference<>();
        robot.interact(() -> late.set(TableWarmUp.start(List.of()).until(fleet)));
        assertThat(late.get().isDone()).as("a fleet already there: nothing to warm").isTrue();
    }
}
