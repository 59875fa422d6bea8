package io.harbormaster.views.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A canvas takes its colours from the theme's CSS and repaints, once, when the operator switches light and dark —
 * as the application does it, by swapping AtlantaFX's user-agent stylesheet.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasRegionThemeTest {

    /** Fills itself with the palette's background and draws a text-coloured square in the middle. */
    static final class Probe extends CanvasRegion {
        final AtomicInteger draws = new AtomicInteger();

        @Override
        protected void draw() {
            draws.incrementAndGet();
            CanvasPalette p = palette();
            canvas().getGraphicsContext2D().setFill(p.background());
            canvas().getGraphicsContext2D().fillRect(0, 0, getWidth(), getHeight());
            canvas().getGraphicsContext2D().setFill(p.text());
            canvas().getGraphicsContext2D().fillRect(40, 40, 20, 20);
        }
    }

    private final String before = Application.getUserAgentStylesheet();
    private Probe probe;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        probe = new Probe();
        stage.setScene(new Scene(new StackPane(probe), 100, 100));
        stage.show();
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(before)).get();
    }

    @Test
    void paletteFollowsTheThemeAndTheCanvasRepaints(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        CanvasPalette light = palette();
        assertThat(light.background()).isEqualTo(Color.web("#ffffff"));
        assertThat(light.text()).isEqualTo(Color.web("#24292f"));
        assertThat(light.danger()).isEqualTo(Color.web("#cf222e"));
        assertThat(light.dark()).isFalse();
        assertThat(pixel(robot, 5, 5)).isEqualTo(Color.web("#ffffff"));
        int drawsInLight = probe.draws.get();

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        CanvasPalette dark = palette();
        assertThat(dark.background()).isEqualTo(Color.web("#0d1117"));
        assertThat(dark.text()).isEqualTo(Color.web("#c9d1d9"));
        assertThat(dark.danger()).isEqualTo(Color.web("#f85149"));
        assertThat(dark.series(0)).isEqualTo(Color.web("#58a6ff"));
        assertThat(dark.dark()).isTrue();
        assertThat(probe.draws.get()).as("one repaint for the whole switch, not one per colour")
                .isEqualTo(drawsInLight + 1);
        assertThat(pixel(robot, 5, 5)).isEqualTo(Color.web("#0d1117"));
        assertThat(pixel(robot, 50, 50)).isEqualTo(Color.web("#c9d1d9"));

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(palette()).isEqualTo(light);
        assertThat(pixel(robot, 5, 5)).isEqualTo(Color.web("#ffffff"));
    }

    @Test
    void markersStandApartFromEverySeriesAndLevelInBothThemes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertMarkerApart(palette());
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        assertMarkerApart(palette());
        assertMarkerApart(CanvasPalette.FALLBACK);
    }

    private static void assertMarkerApart(CanvasPalette p) {
        List<Color> others = new ArrayList<>(p.series());
        others.addAll(List.of(p.warning(), p.danger(), p.background()));
        for (Color other : others) {
            assertThat(distance(p.marker(), other)).as("marker %s against %s", p.marker(), other).isGreaterThan(0.25);
        }
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    private CanvasPalette palette() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> probe.palette()).get();
    }

    private Color pixel(FxRobot robot, int x, int y) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = probe.snapshot(null, null));
        return shot[0].getPixelReader().getColor(x, y);
    }
}
