package io.harbormaster.views.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.error.Problem;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ProblemDialogTest {

    private static final Path LOG = Path.of("/home/op/.local/share/harbormaster/logs/harbormaster-0.log");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void anUnexpectedFailureKeepsItsStackTraceAndNamesTheLogInWhatIsCopied() throws Exception {
        Problem problem = Problem.unexpected(new IllegalStateException("no fleet", new RuntimeException("socket")));
        String[] shown = WaitForAsyncUtils.asyncFx(() -> {
            ProblemDialog dialog = new ProblemDialog(problem, Optional.of(LOG));
            dialog.getDialogPane().applyCss(); // the details' titled pane has its content once it has its skin
            TextArea details = (TextArea) dialog.getDialogPane().lookup("#problem-details");
            Label log = (Label) dialog.getDialogPane().lookup("#problem-log");
            return new String[] {details.getText(), log.getText(), Boolean.toString(log.isVisible())};
        }).get(10, TimeUnit.SECONDS);

        assertThat(shown[0]).contains("java.lang.IllegalStateException: no fleet")
                .contains("    at io.harbormaster.views.dialog.ProblemDialogTest.")
                .contains("Caused by: java.lang.RuntimeException: socket")
                .endsWith("Log: " + LOG + "\n");
        assertThat(shown[1]).isEqualTo("The log is at " + LOG);
        assertThat(shown[2]).isEqualTo("true");
    }

    @Test
    void withoutALogNothingIsSaidOfOne() throws Exception {
        Problem problem = new Problem(Problem.Kind.ACCESS_DENIED, "Access denied", "bob may not", "Ask", "");
        String[] shown = WaitForAsyncUtils.asyncFx(() -> {
            ProblemDialog dialog = new ProblemDialog(problem, Optional.empty());
            dialog.getDialogPane().applyCss();
            TextArea details = (TextArea) dialog.getDialogPane().lookup("#problem-details");
            Label log = (Label) dialog.getDialogPane().lookup("#problem-log");
            return new String[] {details.getText(), Boolean.toString(log.isVisible())};
        }).get(10, TimeUnit.SECONDS);
        assertThat(shown[0]).doesNotContain("Log:");
        assertThat(shown[1]).isEqualTo("false");
    }
}
