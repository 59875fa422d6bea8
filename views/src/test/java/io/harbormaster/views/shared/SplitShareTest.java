package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A list beside a page keeps its share of the width, not its pixels, when the window halves; a drag sets the share. */
@ExtendWith(ApplicationExtension.class)
class SplitShareTest {

    /** The divider's own few pixels come off one side or the other. */
    private static final org.assertj.core.data.Offset<Double> NEAR = org.assertj.core.data.Offset.offset(5.0);

    private SplitPane split;
    private ListView<String> list;
    private StackPane root;

    @Start
    void start(Stage stage) {
        list = new ListView<>();
        list.setMinWidth(170);
        list.setMaxWidth(360);
        split = new SplitPane(list, new TabPane());
        SplitShare.keep(split, list, 0.22);
        root = new StackPane(split);
        stage.setScene(new Scene(root, 1100, 600));
        stage.show();
    }

    private double listWidthAt(FxRobot robot, double width) {
        robot.interact(() -> {
            root.resize(width, 600);
            root.layout();
        });
        return list.getWidth();
    }

    @Test
    void theListFollowsTheWindowWithinItsLeastAndMostWidth(FxRobot robot) {
        assertThat(listWidthAt(robot, 1100)).isCloseTo(242, NEAR);
        assertThat(listWidthAt(robot, 530)).as("JavaFX alone keeps 242 px here").isCloseTo(170, NEAR);
        assertThat(listWidthAt(robot, 2000)).as("no wider than its most").isCloseTo(360, NEAR);
        assertThat(listWidthAt(robot, 1100)).isCloseTo(242, NEAR);
    }

    @Test
    void aDragOfTheDividerSetsTheShare(FxRobot robot) {
        listWidthAt(robot, 1000);
        robot.interact(() -> {
            split.setDividerPosition(0, 0.3); // where a drag leaves it
            split.fireEvent(new MouseEvent(MouseEvent.MOUSE_RELEASED, 300, 300, 300, 300, MouseButton.PRIMARY, 1, false,
                    false, false, false, false, false, false, false, false, false, null));
        });
        assertThat(listWidthAt(robot, 800)).isCloseTo(240, NEAR);
    }

    @Test
    void theFirstPartIsTheOneKept() {
        assertThatThrownBy(() -> SplitShare.keep(new SplitPane(), new StackPane(), 0.2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
