package io.harbormaster.views.hosts;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.harbormaster.views.Snapshots;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import io.harbormaster.views.metrics.FakeMetrics;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Show measured use" when CloudWatch cannot be read: the page says so in a line under the toolbar, not nothing. */
@ExtendWith(ApplicationExtension.class)
class HostsViewMeasuredNoteTest {

    private final String before = Application.getUserAgentStylesheet();
    private final FakeMetrics metrics = new FakeMetrics();
    private HostsViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(), Runnable::run,
                Fixtures.CLOCK);
        viewModel = new HostsViewModel(fleet, executor);
        viewModel.measureWith(metrics, Fixtures.CLOCK);
        fleet.sessionProperty().set(Fixtures.session(DEV));
        viewModel.activeProperty().set(true);
        scene = new Scene(new HostsView(viewModel), 1280, 800);
        scene.getStylesheets().add(HarbormasterStyles.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(before)).get();
    }

    @Test
    void aFailedReadIsSaidUnderTheToolbar(FxRobot robot) throws Exception {
        Label note = robot.lookup("#hosts-measured-note").queryAs(Label.class);
        assertThat(note.isVisible()).as("nothing to say yet").isFalse();
        assertThat(note.isManaged()).isFalse();

        metrics.offline = true;
        robot.clickOn(robot.lookup("#hosts-measured").queryAs(ToggleButton.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("Measured use not read: ").contains("CloudWatch is unreachable");
        assertThat(note.getHeight()).as("laid out, not squeezed away").isGreaterThan(10);
        Path png = Path.of("target", "screenshots", "hosts-measured-not-read-dark.png");
        WaitForAsyncUtils.asyncFx(() -> {
            Snapshots.save(scene, png);
            return null;
        }).get();

        robot.clickOn(robot.lookup("#hosts-measured").queryAs(ToggleButton.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).as("switched off: nothing to say").isFalse();
    }
}
