package io.harbormaster.views.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Views built in an event after the one that asked for them, attached in the next, and only if still wanted. */
@ExtendWith(ApplicationExtension.class)
class BuiltOnceTest {

    private final List<String> events = new ArrayList<>();
    private final BuiltOnce<String> views = new BuiltOnce<>(id -> {
        events.add("built " + id);
        return id;
    }, view -> events.add("attached " + view));

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aViewIsBuiltAfterTheEventThatAskedAndAttachedInTheOneAfter(FxRobot robot) {
        List<String> duringTheAsk = new ArrayList<>();
        robot.interact(() -> {
            views.show("services");
            duringTheAsk.addAll(events);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(duringTheAsk).isEmpty();
        assertThat(events).containsExactly("built services", "attached services");
    }

    @Test
    void aViewAskedForAndLeftInTheSameEventIsNeverBuilt(FxRobot robot) {
        robot.interact(() -> {
            views.show("clusters");
            views.show("services");
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(events).containsExactly("built services", "attached services");
    }

    @Test
    void aViewBuiltBeforeIsAttachedAtOnce(FxRobot robot) {
        robot.interact(() -> views.showAtOnce("clusters"));
        robot.interact(() -> views.show("services"));
        WaitForAsyncUtils.waitForFxEvents();
        events.clear();

        robot.interact(() -> {
            views.show("clusters");
            assertThat(events).containsExactly("attached clusters");
        });
    }
}
