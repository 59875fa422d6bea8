package io.harbormaster.views.environment;

import io.harbormaster.model.environment.SsoSignInPrompt;
import io.harbormaster.views.concurrent.UiThread;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Shows an Identity Center sign-in while a background thread polls AWS for its outcome: opens the browser at the
 * approval address and shows the code. Cancel, or closing the dialog, cancels the sign-in; the poller closes the
 * dialog when the sign-in ends either way.
 */
public final class FxSsoSignInPrompt implements SsoSignInPrompt {

    private static final System.Logger LOG = System.getLogger(FxSsoSignInPrompt.class.getName());

    private final Supplier<Window> owner;
    private final BrowserOpener browser;

    public FxSsoSignInPrompt(Supplier<Window> owner, BrowserOpener browser) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    @Override
    public Waiting show(String session, String verificationUri, String userCode) {
        return prompt(session, verificationUri, userCode, null);
    }

    @Override
    public Waiting showAgain(String session, String verificationUri, String userCode, String why) {
        return prompt(session, verificationUri, userCode, why);
    }

    private Waiting prompt(String session, String verificationUri, String userCode, String again) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        AtomicReference<SsoSignInDialog> shown = new AtomicReference<>();
        UiThread.runOnUi(() -> {
            if (ended.get()) {
                return;
            }
            SsoSignInDialog dialog = new SsoSignInDialog(session, verificationUri, userCode, again, this::open);
            Window window = owner.get();
            if (window != null && window.isShowing()) {
                dialog.initOwner(window);
                dialog.initModality(Modality.WINDOW_MODAL);
            }
            dialog.setOnHidden(event -> cancelled.set(!ended.get()));
            shown.set(dialog);
            dialog.show();
            open(verificationUri);
        });
        return new Waiting() {
            @Override
            public boolean cancelled() {
                return cancelled.get();
            }

            @Override
            public void close() {
                ended.set(true);
                UiThread.runOnUi(() -> {
                    if (shown.get() != null) {
                        shown.get().close();
                    }
                });
            }
        };
    }

    private void open(String address) {
        try {
            browser.open(address);
        } catch (RuntimeException e) {
            // The address stays in the dialog to open by hand.
            LOG.log(System.Logger.Level.WARNING, "Could not open the browser at the sign-in address", e);
        }
    }
}
