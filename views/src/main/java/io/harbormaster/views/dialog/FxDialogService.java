package io.harbormaster.views.dialog;

import io.harbormaster.model.error.Problem;
import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Dialogs owned by the main window, styled like it. */
public final class FxDialogService implements DialogService {

    private static final System.Logger LOG = System.getLogger(FxDialogService.class.getName());

    private final Supplier<Window> owner;
    private final AppInfo info;

    public FxDialogService(Supplier<Window> owner) {
        this(owner, AppInfo.unknown());
    }

    /** Problems name the log file {@code info} has, so an operator knows what to attach to a report. */
    public FxDialogService(Supplier<Window> owner, AppInfo info) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.info = Objects.requireNonNull(info, "info");
    }

    @Override
    public void showProblem(Problem problem) {
        Objects.requireNonNull(problem, "problem");
        LOG.log(System.Logger.Level.INFO, "Showing problem: {0}: {1}", problem.title(), problem.message());
        UiThread.runOnUi(() -> show(new ProblemDialog(problem, info.log())));
    }

    @Override
    public void showInfo(String title, String message) {
        UiThread.runOnUi(() -> {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.CLOSE);
            alert.setTitle("Harbormaster");
            alert.setHeaderText(title);
            alert.getDialogPane().setId("info-dialog");
            alert.getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
            show(alert);
        });
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        if (UiThread.isUiThread()) {
            return askConfirm(title, message, confirmLabel);
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        UiThread.runOnUi(() -> answer.complete(askConfirm(title, message, confirmLabel)));
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException unexpected) {
            LOG.log(System.Logger.Level.WARNING, "Confirmation dialog failed; treating as 'no'", unexpected);
            return false;
        }
    }

    private boolean askConfirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.setTitle("Harbormaster");
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirm-dialog");
        alert.getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
        attach(alert);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private void show(Dialog<?> dialog) {
        attach(dialog);
        dialog.show();
    }

    private void attach(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        dialog.setResizable(true);
    }
}
