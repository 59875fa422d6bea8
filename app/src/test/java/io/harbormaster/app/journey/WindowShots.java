package io.harbormaster.app.journey;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A picture of the main window with everything showing over it (dialogs, tooltips, menus) drawn where it is, as an
 * operator sees it: a scene snapshot alone leaves the other windows out.
 */
final class WindowShots {

    private WindowShots() {
    }

    static Path save(Scene main, String name) throws Exception {
        Path dir = Path.of(System.getProperty("harbormaster.test.output", "target"), "screenshots");
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        WaitForAsyncUtils.asyncFx(() -> {
            Window mainWindow = main.getWindow();
            BufferedImage base = SwingFXUtils.fromFXImage(main.snapshot(null), null);
            double originX = mainWindow.getX() + main.getX();
            double originY = mainWindow.getY() + main.getY();
            BufferedImage out = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = out.createGraphics();
            g.drawImage(base, 0, 0, null);
            for (Window other : Window.getWindows()) {
                if (other == mainWindow || !other.isShowing() || other.getScene() == null) {
                    continue;
                }
                BufferedImage layer = SwingFXUtils.fromFXImage(other.getScene().snapshot(null), null);
                int x = (int) Math.round(other.getX() + other.getScene().getX() - originX);
                int y = (int) Math.round(other.getY() + other.getScene().getY() - originY);
                g.drawImage(layer, x, y, null);
            }
            g.dispose();
            ImageIO.write(out, "png", png.toFile());
            return null;
        }).get(20, TimeUnit.SECONDS);
        return png;
    }
}
