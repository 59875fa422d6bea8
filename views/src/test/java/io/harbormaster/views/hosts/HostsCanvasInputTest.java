package io.harbormaster.views.hosts;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hover tooltip after a scroll tells of the host under the pointer then, not of the one before the scroll. */
@ExtendWith(ApplicationExtension.class)
class HostsCanvasInputTest {

    private HostsViewModel viewModel;
    private HostsCanvas canvas;
    private Stage own;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> own.close());
    }

    @Start
    void start(Stage stage) {
        FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        FleetViewModel fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(), Runnable::run,
                Fixtures.CLOCK);
        viewModel = new HostsViewModel(fleet, executor);
        fleet.sessionProperty().set(Fixtures.session(DEV));
        HostsView view = new HostsView(viewModel);
        canvas = view.canvas();
        // narrow: one host a row, the two hosts one above the other
        // A stage of its own: TestFX hands every test class the same one, and what an earlier class left on it (its
        // size, its state) made this page wide enough for five hosts a row in a whole-suite run.
        Stage own = new Stage();
        own.setScene(new Scene(view, 320, 700));
        own.show();
        this.own = own;
    }

    @Test
    void aScrollUnderAStillPointerRetellsWhatIsUnderItNow(FxRobot robot) throws Exception {
        robot.interact(() -> canvas.zoomAt(8, 0, 0));
        // Hosts per row follow the width the canvas shows at this zoom: the layout is redone on a later pulse,
        // which a loaded machine may not have run yet when interact returns.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.layoutProperty().get() != null
                && viewModel.layoutProperty().get().columns() == 1);
        HostLayout layout = viewModel.layoutProperty().get();
        assertThat(layout.columns()).isEqualTo(1);
        double x = 100;
        double y = (layout.y(0) + 10) * canvas.scale();
        robot.interact(() -> canvas.getOnMouseMoved().handle(new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y,
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null)));
        Label tip = robot.lookup("#hosts-tooltip").queryAs(Label.class);
        assertThat(tip.isVisible()).isTrue();
        assertThat(tip.getText()).startsWith(layout.cell(0).name());

        double oneRow = HostLayout.PITCH_Y * canvas.scale();
        robot.interact(() -> canvas.getOnScroll().handle(new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false,
                false, false, false, false, false, 0, -oneRow, 0, -oneRow, ScrollEvent.HorizontalTextScrollUnits.NONE,
                0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));

        assertThat(canvas.hitAt(x, y).cell()).as("the next host is under the pointer now").isEqualTo(1);
        assertThat(tip.getText()).startsWith(layout.cell(1).name());
    }
}
