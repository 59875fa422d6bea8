package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.SsoSignInPrompt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxSsoSignInPromptTest {

    private static final String ADDRESS = "http://127.0.0.1:4566/_sandbox/sso/device?user_code=ABCD-EFGH";

    private final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWhatIsLeft() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shown().ifPresent(p -> p.getScene().getWindow().hide()))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void opensTheBrowserShowsTheCodeAndCancelGivesUp() throws Exception {
        SsoSignInPrompt.Waiting waiting = new FxSsoSignInPrompt(() -> null, opened::add)
                .show("corp", ADDRESS, "ABCD-EFGH");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(ADDRESS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Label) shown().orElseThrow().lookup("#sso-user-code"))
                .getText()).get(10, TimeUnit.SECONDS)).isEqualTo("ABCD-EFGH");
        assertThat(waiting.cancelled()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> ((Button) shown().orElseThrow().lookup("#sso-cancel")).fire())
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(waiting.cancelled()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(FxSsoSignInPromptTest::shown).get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void theEndOfTheSignInClosesThePromptWithoutCancelling() throws Exception {
        SsoSignInPrompt.Waiting waiting = new FxSsoSignInPrompt(() -> null, address -> {
            throw new UnsupportedOperationException("no browser here");
        }).show("corp", ADDRESS, "ABCD-EFGH");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(FxSsoSignInPromptTest::shown).get(10, TimeUnit.SECONDS))
                .as("shown though the browser could not be opened").isPresent();

        waiting.close();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(FxSsoSignInPromptTest::shown).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(waiting.cancelled()).isFalse();
    }

    @Test
    void aSignInAskedAgainSaysWhy() throws Exception {
        SsoSignInPrompt.Waiting waiting = new FxSsoSignInPrompt(() -> null, opened::add)
                .showAgain("corp", ADDRESS, "ABCD-EFGH", "Your sign-in expired.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Label) shown().orElseThrow().lookup("#sso-again")).getText())
                .get(10, TimeUnit.SECONDS)).startsWith("Your sign-in expired. Sign in again to go on");
        assertThat(opened).containsExactly(ADDRESS);
        waiting.close();
    }

    private static Optional<DialogPane> shown() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof DialogPane && "sso-dialog".equals(root.getId()))
                .map(DialogPane.class::cast).findFirst();
    }
}
