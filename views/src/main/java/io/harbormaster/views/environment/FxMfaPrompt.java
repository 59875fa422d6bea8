package io.harbormaster.views.environment;

import io.harbormaster.model.concurrent.Blocking;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.views.concurrent.UiThread;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Asks for an MFA code on the UI thread while the background thread that needs it waits, lending its worker back
 * to the pool meanwhile ({@link Blocking}): eight environments waiting for a code cannot starve other work.
 * Cancelling, closing the dialog or interrupting the waiting thread all answer "no code". A code AWS refuses is
 * asked for again in the same dialog ({@link #askAndCheck}).
 */
public final class FxMfaPrompt implements MfaPrompt {

    private static final System.Logger LOG = System.getLogger(FxMfaPrompt.class.getName());

    private final Supplier<Window> owner;
    private final Function<String, Optional<String>> practiceCodes;

    public FxMfaPrompt(Supplier<Window> owner) {
        this(owner, serial -> Optional.empty());
    }

    /** @param practiceCodes the sandbox's practice device codes; empty for every real device */
    public FxMfaPrompt(Supplier<Window> owner, Function<String, Optional<String>> practiceCodes) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.practiceCodes = Objects.requireNonNull(practiceCodes, "practiceCodes");
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
        return await(answer, shown);
    }

    /**
     * One dialog for every attempt: each code is checked on this (background) thread while the dialog says so; a
     * refusal is shown in it and another code taken; acceptance, a cancel or any other failure closes it.
     */
    @Override
    public <T> Optional<T> askAndCheck(Environment environment, String mfaSerial, Function<String, T> check) {
        if (UiThread.isUiThread()) {
            return checkedInline(environment, mfaSerial, check);
        }
        AtomicReference<CompletableFuture<String>> attempt = new AtomicReference<>(new CompletableFuture<>());
        AtomicReference<MfaCodeDialog> shown = new AtomicReference<>();
        UiThread.runOnUi(() -> {
            MfaCodeDialog dialog = dialog(environment, mfaSerial);
            shown.set(dialog);
            dialog.onSubmit(code -> attempt.get().complete(code));
            dialog.setOnHidden(event -> attempt.get().complete(null));
            dialog.show();
        });
        while (true) {
            Optional<String> code = await(attempt.get(), shown);
            if (code.isEmpty()) {
                return Optional.empty();
            }
            try {
                T accepted = check.apply(code.get());
                UiThread.runOnUi(() -> shown.get().close());
                return Optional.of(accepted);
            } catch (OperatorException e) {
                if (e.problem().kind() != Problem.Kind.MFA_INVALID) {
                    UiThread.runOnUi(() -> shown.get().close());
                    throw e;
                }
                attempt.set(new CompletableFuture<>()); // before the dialog can send the next code
                UiThread.runOnUi(() -> shown.get().viewModel().refused(e.problem()));
            } catch (RuntimeException e) {
                UiThread.runOnUi(() -> shown.get().close());
                throw e;
            }
        }
    }

    /** Tests with an inline executor: each code is checked as it is sent, inside the dialog's nested event loop. */
    private <T> Optional<T> checkedInline(Environment environment, String mfaSerial, Function<String, T> check) {
        MfaCodeDialog dialog = dialog(environment, mfaSerial);
        AtomicReference<T> accepted = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        dialog.onSubmit(code -> {
            try {
                accepted.set(check.apply(code));
                dialog.close();
            } catch (OperatorException e) {
                if (e.problem().kind() == Problem.Kind.MFA_INVALID) {
                    dialog.viewModel().refused(e.problem());
                } else {
                    failed.set(e);
                    dialog.close();
                }
            } catch (RuntimeException e) {
                failed.set(e);
                dialog.close();
            }
        });
        dialog.showAndWait();
        if (failed.get() != null) {
            throw failed.get();
        }
        return Optional.ofNullable(accepted.get());
    }

    private static Optional<String> await(CompletableFuture<String> answer, AtomicReference<MfaCodeDialog> shown) {
        try {
            return Optional.ofNullable(Blocking.await(answer)); // the pool starts a spare while we wait
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
        MfaCodeDialog dialog = new MfaCodeDialog(new MfaCodeViewModel(environment, mfaSerial, practiceCodes));
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        return dialog;
    }
}
