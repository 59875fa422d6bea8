package io.harbormaster.views.environment;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.concurrent.UiThread;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Asks for an MFA code on the UI thread while the background thread that needs it waits. Cancelling, closing
 * the dialog or interrupting the waiting thread all answer "no code".
 */
public final class FxMfaPrompt implements MfaPrompt {

    private static final System.Logger LOG = System.getLogger(FxMfaPrompt.class.getName());

    private final Supplier<Window> owner;

    public FxMfaPrompt(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public Optional<String> askCode(Environment environment, String mfaSerial) {
        if (UiThread.isUiThread()) {
            // Only in tests with an inline executor: a nested event loop keeps the window alive meanwhile.
            return Optional.ofNullable(dialog(environment, mfaSerial).showAndWait().orElse(null));
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        AtomicReference<MfaCodeDialog> shown = new AtomicReference<>();
        UiThread.runOnUi(() -> {
            MfaCodeDialog dialog = dialog(environment, mfaSerial);
            shown.set(dialog);
            dialog.setOnHidden(event -> answer.complete(dialog.getResult()));
            dialog.show();
        });
        try {
            return Optional.ofNullable(answer.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            UiThread.runOnUi(() -> {
                if (shown.get() != null) {
                    shown.get().close();
                }
            });
            return Optional.empty();
        } catch (ExecutionException unexpected) {
            LOG.log(System.Logger.Level.WARNING, "MFA prompt failed; treating it as cancelled", unexpected);
            return Optional.empty();
        }
    }

    private MfaCodeDialog dialog(Environment environment, String mfaSerial) {
        MfaCodeDialog dialog = new MfaCodeDialog(new MfaCodeViewModel(environment, mfaSerial));
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        return dialog;
    }
}
