package io.harbormaster.views.guard;

import static io.harbormaster.views.fakes.Fixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.Snapshots;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The typed-name guard with a real dialog: confirm stays disabled until the name is typed exactly. */
@ExtendWith(ApplicationExtension.class)
class ConfirmByTypingDialogTest {

    private final AtomicReference<Boolean> result = new AtomicReference<>();
    private ConfirmByTypingDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("main window")), 700, 500));
        stage.show();
        ConfirmByTypingViewModel vm = new ConfirmByTypingViewModel(PROD,
                new WriteRequest("Scale service", "payments-api",
                        "Desired count of payments-api (cluster main): 4 → 6\n2 tasks will be started."));
        dialog = new ConfirmByTypingDialog(vm);
        dialog.initOwner(stage);
        dialog.setOnHidden(event -> result.set(dialog.getResult()));
        dialog.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aWrongNameKeepsConfirmDisabledAndTheExactNameEnablesIt(FxRobot robot) {
        Node confirm = robot.lookup("#confirm-typing-submit").query();
        assertThat(confirm.isDisabled()).isTrue();
        assertThat(robot.lookup("#confirm-typing-production").queryAs(Label.class).getText()).isEqualTo("PRODUCTION");
        assertThat(robot.lookup("#confirm-typing-preview").queryAs(Label.class).getText()).contains("4 → 6");

        robot.clickOn("#confirm-typing-field").write("payments-API");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isDisabled()).isTrue();
        assertThat(robot.lookup("#confirm-typing-hint").queryAs(Label.class).getText()).startsWith("Letter case");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.get()).as("Enter on a wrong name must not confirm").isNotEqualTo(Boolean.TRUE);

        if (!dialog.isShowing()) {
            return; // Enter cancelled the dialog: also safe
        }
        robot.doubleClickOn("#confirm-typing-field").eraseText(20).write("payments-api");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isDisabled()).isFalse();
        Snapshots.save(confirm.getScene(), Path.of("target", "screenshots", "guard-typed-name-prod.png"));
        robot.clickOn("#confirm-typing-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.get()).isTrue();
    }

    @Test
    void cancelAnswersNo(FxRobot robot) {
        robot.clickOn("#confirm-typing-field").write("payments-api");
        robot.clickOn("#confirm-typing-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.get()).isFalse();
    }
}
