package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two groups on one line while they fit, the second at the right edge; under the first when the window narrows, each
 * control at its preferred width (none squeezed until its text is cut).
 */
@ExtendWith(ApplicationExtension.class)
class WrappingToolbarTest {

    private Stage stage;
    private WrappingBar bar;
    private Button first;
    private Button last;
    private ChoiceBox<String> choice;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        first = new Button("Group by something long");
        choice = new ChoiceBox<>();
        choice.getItems().setAll("Short", "A much longer choice than the one shown");
        choice.setValue("Short");
        WrappingToolbar.fitToValue(choice);
        last = new Button("Zoom to fit every host");
        bar = WrappingToolbar.of(new Node[] {first, choice}, new Node[] {new Label("Light up"), last});
        stage.setScene(new Scene(new VBox(bar), 900, 200));
        stage.show();
    }

    @Test
    void theSecondGroupSitsAtTheRightWhileItFitsAndWrapsUnderTheFirstWhenNot(FxRobot robot) {
        robot.interact(() -> stage.getScene().getRoot().layout());
        Bounds left = sceneBounds(first);
        Bounds right = sceneBounds(last);
        assertThat(right.getMinY()).as("one line").isCloseTo(left.getMinY(), within(1.0));
        assertThat(right.getMaxX()).as("at the right edge").isCloseTo(bar.getWidth(), within(2.0));

        robot.interact(() -> {
            stage.setWidth(360);
            stage.getScene().getRoot().layout();
        });
        robot.interact(() -> stage.getScene().getRoot().layout()); // the right group's width follows the bar's
        Bounds narrowLeft = sceneBounds(first);
        Bounds narrowRight = sceneBounds(last);
        assertThat(narrowRight.getMinY()).as("on a line of its own").isGreaterThan(narrowLeft.getMaxY());
        assertThat(last.getWidth()).as("not squeezed").isCloseTo(last.prefWidth(-1), within(1.0));
    }

    @Test
    void aChoiceBoxIsAsWideAsTheValueItShows(FxRobot robot) {
        double shortWidth = choice.prefWidth(-1);
        robot.interact(() -> choice.setValue("A much longer choice than the one shown"));
        assertThat(choice.prefWidth(-1)).isGreaterThan(shortWidth + 100);
        assertThat(choice.getMinWidth()).as("its minimum is that width: never cut").isEqualTo(Region.USE_PREF_SIZE);
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
