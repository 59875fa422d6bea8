package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A page's header: one row while it fits, the room left to what grows; narrower, the next control starts a row of its
 * own at its full width instead of every control being cut to "…".
 */
@ExtendWith(ApplicationExtension.class)
class WrappingBarTest {

    private WrappingBar bar;
    private Label title;
    private TextField filter;
    private Button load;
    private Button hidden;

    @Start
    void start(Stage stage) {
        title = new Label("All environments");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        filter = new TextField();
        filter.setPrefColumnCount(18);
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(320);
        load = new Button("Load every environment");
        hidden = new Button("Not laid out");
        hidden.setManaged(false);
        bar = new WrappingBar(10, title, spacer, filter, load, hidden);
        // Sized by the test, not by the window: the extension's one stage is every test's, and keeps a size given it
        Group root = new Group(bar);
        root.setAutoSizeChildren(false);
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void oneRowWhileItFitsTheRoomLeftToWhatGrows(FxRobot robot) {
        size(robot, 900);
        assertThat(top(load)).as("one row").isCloseTo(top(title), within(8.0));
        assertThat(bounds(load).getMaxX()).as("the spacer pushes the rest to the right edge")
                .isCloseTo(bar.getWidth(), within(1.0));
        assertThat(filter.getWidth()).as("the filter grows up to its maximum").isCloseTo(320, within(1.0));
        assertThat(bar.getHeight()).isCloseTo(rowHeight(), within(1.0));
    }

    @Test
    void narrowerTheNextControlStartsARowAtItsFullWidth(FxRobot robot) {
        size(robot, 360);
        assertThat(top(filter)).as("the filter on a row under the title").isGreaterThan(bounds(title).getMaxY());
        assertThat(top(load)).as("and the button under it").isGreaterThan(bounds(filter).getMaxY());
        for (Node control : new Node[] {title, load}) {
            assertThat(((Region) control).getWidth()).as("not cut").isCloseTo(control.prefWidth(-1), within(1.0));
        }
        assertThat(bar.getHeight()).as("three rows tall: what is below moves down").isGreaterThan(2.5 * rowHeight());
        assertThat(bounds(load).getMaxY()).isLessThanOrEqualTo(bar.getHeight() + 1);
    }

    @Test
    void aControlWiderThanTheBarGetsTheWholeWidthAndAnUnmanagedOneIsLeftAlone(FxRobot robot) {
        size(robot, 150);
        assertThat(load.getWidth()).isCloseTo(bar.getWidth(), within(1.0));
        assertThat(hidden.getLayoutX()).isZero();
        assertThat(bar.minWidth(-1)).as("the widest control's own minimum").isLessThan(load.prefWidth(-1) + 1);
    }

    @Test
    void aSpacerAtTheEndOfAFullRowStartsNoBlankRow(FxRobot robot) {
        Region trailing = new Region();
        HBox.setHgrow(trailing, Priority.ALWAYS);
        robot.interact(() -> bar.getChildren().add(trailing));
        // exactly the row's width: title, the first spacer (nothing), the filter and the button, and their gaps
        double oneRow = title.prefWidth(-1) + 10 + 10 + filter.prefWidth(-1) + 10 + load.prefWidth(-1);
        size(robot, oneRow);
        assertThat(top(load)).as("title, filter and button on one row").isCloseTo(top(filter), within(8.0));
        assertThat(bar.getHeight()).as("and no blank row for the spacer after them").isCloseTo(rowHeight(),
                within(1.0));
    }

    @Test
    void aRegionSizedOnlyByItsMinimumGetsItsMinimum(FxRobot robot) {
        // an environment's colour swatch: -fx-min-width in CSS, no preferred width of its own (0 px)
        Region swatch = new Region();
        swatch.setMinWidth(10);
        robot.interact(() -> bar.getChildren().add(0, swatch));
        size(robot, 600);
        assertThat(swatch.getWidth()).as("as an HBox gives it").isEqualTo(10);
        assertThat(bounds(title).getMinX()).as("the title after it and the gap")
                .isCloseTo(bounds(swatch).getMaxX() + 10, within(1.0));
    }

    /** As a VBox would size it: the width given, the height it asks for at that width. */
    private void size(FxRobot robot, double width) {
        robot.interact(() -> {
            bar.resize(width, bar.prefHeight(width));
            bar.requestLayout();
            bar.layout();
        });
    }

    private double rowHeight() {
        return Math.max(Math.max(title.prefHeight(-1), filter.prefHeight(-1)), load.prefHeight(-1));
    }

    private static double top(Node node) {
        return bounds(node).getMinY();
    }

    private static Bounds bounds(Node node) {
        return node.getBoundsInParent(); // in the bar
    }
}
