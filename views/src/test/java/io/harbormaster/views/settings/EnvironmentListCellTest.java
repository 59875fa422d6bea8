package io.harbormaster.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.testdata.EnvironmentBuilder;
import io.harbormaster.views.fakes.Fixtures;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.collections.FXCollections;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The environments list of the settings dialog, as wide as the dialog gives it at 1280×800: an environment entered
 * through a long SSO profile name shows its account id whole, wrapped, with no sideways scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class EnvironmentListCellTest {

    private static final String PROFILE = "sandbox-sso-prod-readonly";
    private static final Environment SSO = EnvironmentBuilder.from(Fixtures.PROD).id("sso-prod")
            .displayName("prod (SSO read-only)").login("").profile(PROFILE).build();

    private ListView<Environment> list;
    private Stage own;

    @Start
    void start(Stage stage) {
        list = new ListView<>(FXCollections.observableArrayList(List.of(Fixtures.DEV, SSO)));
        list.setCellFactory(view -> new EnvironmentListCell());
        // a stage of its own: TestFX hands every test class the same one
        own = new Stage();
        own.setScene(new Scene(list, 360, 300));
        own.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> own.close());
    }

    @Test
    void aLongProfileWrapsInsideTheListAndKeepsTheAccountInView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label detail = onFx(() -> (Label) list.lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getText().contains(PROFILE)).findFirst().orElseThrow());
        assertThat(detail.getText()).endsWith("account 444444444444");
        Bounds text = onFx(() -> detail.localToScene(detail.getLayoutBounds()));
        assertThat(text.getMaxX()).as("the detail ends inside the list").isLessThanOrEqualTo(360);
        Node cell = onFx(() -> detail.getParent().getParent());
        Bounds row = onFx(() -> cell.localToScene(cell.getLayoutBounds()));
        assertThat(text.getMaxY()).as("the wrapped line fits in its row").isLessThanOrEqualTo(row.getMaxY() + 0.5);
        assertThat(onFx(() -> detail.getHeight())).as("on two lines").isGreaterThan(onFx(() -> detail.getFont()
                .getSize() * 2));
        assertThat(onFx(() -> list.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible())))
                .as("no sideways scrolling").isFalse();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
