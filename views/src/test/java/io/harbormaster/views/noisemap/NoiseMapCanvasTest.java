package io.harbormaster.views.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.metrics.FakeMetrics;
import io.harbormaster.views.shared.FirstFrames;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The noise map is drawn once a pulse however many of its inputs a result changes, and not while out of sight. */
@ExtendWith(ApplicationExtension.class)
class NoiseMapCanvasTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final SimpleObjectProperty<FleetData> fleet = new SimpleObjectProperty<>(
            FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW)));
    private NoiseMapViewModel viewModel;
    private NoiseMapCanvas canvas;

    @Start
    void start(Stage stage) {
        viewModel = new NoiseMapViewModel(metrics.deps(), new CurrentThreadTaskExecutor(), new ManualRepeater(),
                new MovableClock());
        viewModel.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)), fleet);
        canvas = new NoiseMapCanvas(viewModel);
        stage.setScene(new Scene(canvas, 600, 400));
        stage.show();
    }

    @BeforeEach
    void shown(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.activeProperty().set(true));
        pulses(3);
    }

    @Test
    void aResultThatChangesSeveralOfItsInputsIsDrawnOnceAtTheNextPulse(FxRobot robot) throws Exception {
        long before = onFx(canvas::redraws);
        long[] duringTheEvent = new long[1];
        robot.interact(() -> {
            viewModel.select(0);
            fleet.set(FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW.plusSeconds(60))));
            viewModel.metricProperty().set(MetricKind.MEMORY_UTILIZATION);
            duringTheEvent[0] = canvas.redraws();
        });
        pulses(3);

        assertThat(duringTheEvent[0]).as("drawn meanwhile").isEqualTo(before);
        assertThat(onFx(canvas::redraws)).as("drawn after the pulses that followed").isEqualTo(before + 1);
    }

    @Test
    void outOfSightNothingIsDrawnUntilItShowsAgainThenOnce(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.activeProperty().set(false));
        long hidden = onFx(canvas::redraws);
        robot.interact(() -> {
            fleet.set(FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW.plusSeconds(120))));
            viewModel.select(1);
        });
        pulses(3);
        assertThat(onFx(canvas::redraws)).as("drawn while out of sight").isEqualTo(hidden);

        robot.interact(() -> viewModel.activeProperty().set(true));
        pulses(3);
        assertThat(onFx(canvas::redraws)).as("drawn once it shows").isEqualTo(hidden + 1);
    }

    /** Waits for {@code count} pulses of the UI thread. */
    private static void pulses(int count) throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        javafx.application.Platform.runLater(() -> FirstFrames.afterPulses(count, seen::countDown));
        assertThat(seen.await(5, TimeUnit.SECONDS)).as("%d pulses", count).isTrue();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
