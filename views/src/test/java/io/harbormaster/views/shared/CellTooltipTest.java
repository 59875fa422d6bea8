package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A cell's tooltip made on the first hover, its text following the item shown. */
@ExtendWith(ApplicationExtension.class)
class CellTooltipTest {

    private Label cell;
    private Label elsewhere;
    private CellTooltip tooltip;
    private final AtomicInteger worked = new AtomicInteger();

    @Start
    void start(Stage stage) {
        cell = new Label("3 min ago");
        elsewhere = new Label("elsewhere");
        tooltip = new CellTooltip(cell);
        stage.setScene(new Scene(new VBox(40, elsewhere, cell), 300, 200));
        stage.show();
    }

    @Test
    void madeOnTheFirstHoverThenFollowingTheItem(FxRobot robot) throws Exception {
        robot.interact(() -> tooltip.show(() -> "2026-12-06 20:41 (" + worked.incrementAndGet() + ")"));
        assertThat(cell.getTooltip()).as("none before the pointer comes").isNull();
        assertThat(worked).as("its text not worked out either").hasValue(0);
        assertThat(CellTooltip.textOf(cell)).as("what it will say, for a check").isEqualTo("2026-12-06 20:41 (1)");
        worked.set(0);

        robot.moveTo(cell);
        until(() -> cell.getTooltip() != null);
        assertThat(cell.getTooltip().getText()).isEqualTo("2026-12-06 20:41 (1)");

        robot.interact(() -> tooltip.show(() -> "2026-12-05 09:00"));
        assertThat(cell.getTooltip().getText()).as("the next item's, on the same tooltip").isEqualTo("2026-12-05 09:00");
        assertThat(cell.getTooltip()).isSameAs(tooltip.tooltip());

        robot.interact(() -> tooltip.show(null));
        assertThat(cell.getTooltip()).as("an empty cell has none").isNull();
        robot.interact(() -> tooltip.show(() -> "again"));
        assertThat(cell.getTooltip()).isSameAs(tooltip.tooltip());
        assertThat(cell.getTooltip().getText()).isEqualTo("again");
    }

    @Test
    void anEmptyCellHoveredMakesNone(FxRobot robot) throws Exception {
        robot.interact(() -> tooltip.show(null));
        robot.moveTo(cell);
        robot.moveTo(elsewhere);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tooltip.tooltip()).isNull();
        assertThat(cell.getTooltip()).isNull();
        assertThat(CellTooltip.textOf(cell)).isNull();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
    }
}
