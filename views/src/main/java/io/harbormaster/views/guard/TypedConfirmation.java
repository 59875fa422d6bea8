package io.harbormaster.views.guard;

/**
 * Asks the operator to type a resource's name before a production write. Called on the UI thread; blocks (nested
 * event loop) until answered. {@link FxTypedConfirmation} shows {@link ConfirmByTypingDialog}; tests answer directly.
 */
@FunctionalInterface
public interface TypedConfirmation {

    /** @return true only if the operator typed the name exactly and confirmed */
    boolean confirm(ConfirmByTypingViewModel request);
}
