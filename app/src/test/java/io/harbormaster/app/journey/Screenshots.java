package io.harbormaster.app.journey;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The journeys' one way to take a picture: the main window with everything showing over it (dialogs, tooltips,
 * menus) drawn where it is, as an operator sees it (a scene snapshot alone leaves the other windows out), saved as
 * a PNG under target/screenshots for a person to look at.
 */
final class Screenshots {

    private Screenshots() {
    }

    static Path directory() {
        return Path.of(System.getProperty("harbormaster.test.output", "target"), "screenshots");
    }

    static Path save(Scene main, String name) throws IOException {
        Path dir = directory();
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        WaitForAsyncUtils.waitForFxEvents(); // what was just asked of the UI is laid out before the picture
        Future<Void> taken = WaitForAsyncUtils.asyncFx(() -> {
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
        });
        try {
            taken.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while taking " + png, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not take " + png, e);
        }
        return png;
    }
}
