package io.harbormaster.views.guard;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Shows {@link ConfirmByTypingDialog} over the owner window and waits for the answer. */
public final class FxTypedConfirmation implements TypedConfirmation {

    private final Supplier<Window> owner;

    public FxTypedConfirmation(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public boolean confirm(ConfirmByTypingViewModel request) {
        ConfirmByTypingDialog dialog = new ConfirmByTypingDialog(request);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        return dialog.showAndWait().orElse(false);
    }
}
