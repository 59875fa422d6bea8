package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tab pane below something in a short split pane: JavaFX's own is squeezed to its headings, the fitting one keeps
 * room for its chosen tab's least content and the split gives the other side what is left.
 */
@ExtendWith(ApplicationExtension.class)
class FittingTabPaneTest {

    private static final double CONTENT_MIN = 120;
    private static final double CHOSEN_LATER_MIN = 200;

    private Region plainContent;
    private Region fittingContent;
    private Region tallerContent;
    private TabPane fitting;
    private SplitPane fittingSplit;

    @Start
    void start(Stage stage) {
        plainContent = content(CONTENT_MIN);
        fittingContent = content(CONTENT_MIN);
        tallerContent = content(CHOSEN_LATER_MIN);
        TabPane plain = new TabPane(new Tab("Deployments", plainContent));
        fitting = new FittingTabPane();
        fitting.getTabs().addAll(new Tab("Deployments", fittingContent), new Tab("Tasks", tallerContent));
        SplitPane plainSplit = split(plain);
        fittingSplit = split(fitting);
        SplitPane both = new SplitPane(plainSplit, fittingSplit);
        stage.setScene(new Scene(both, 600, 260));
        stage.show();
    }

    @Test
    void theChosenTabsContentKeepsItsLeastHeight(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutOff(plainContent)).as("JavaFX's tab pane, squeezed by the split above it: its content's least "
                + "height cut off").isGreaterThan(CONTENT_MIN / 2);
        assertThat(cutOff(fittingContent)).as("the fitting tab pane's content cut off").isZero();

        robot.interact(() -> fitting.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutOff(tallerContent)).as("a taller tab chosen later, cut off").isZero();
    }

    private static double cutOff(Region content) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> cut(content)).get();
    }

    /** How much of a tab's content lies below its tab pane, where the operator cannot see it. */
    private static double cut(Region content) {
        TabPane tabs = (TabPane) content.getParent().getParent();
        double bottom = content.localToScene(content.getLayoutBounds()).getMaxY();
        return Math.max(0, Math.round(bottom - tabs.localToScene(tabs.getLayoutBounds()).getMaxY()));
    }

    /** A split pane, 260 px tall, that puts the tab pane below a pane wanting 80% of it. */
    private static SplitPane split(TabPane tabs) {
        Region above = new Region();
        above.setMinHeight(20);
        SplitPane split = new SplitPane(above, tabs);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.8);
        return split;
    }

    private static Region content(double min) {
        Region content = new Region();
        content.setMinHeight(min);
        content.setPrefHeight(min + 40);
        return content;
    }
}
