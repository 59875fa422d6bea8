package io.harbormaster.views.environment;

import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.lifecycle.FxRepeater;
import io.harbormaster.views.lifecycle.Showing;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Asks for a one-time code, showing unmistakably which environment it unlocks. Result: the code, or null. With
 * {@link #onSubmit} set it stays open while the code is checked, and takes another after a refusal. On the sandbox
 * it shows its practice device's current code, marked as such.
 */
public final class MfaCodeDialog extends Dialog<String> {

    private final MfaCodeViewModel viewModel;
    private Consumer<String> submit;

    public MfaCodeDialog(MfaCodeViewModel viewModel) {
        this.viewModel = viewModel;
        var environment = viewModel.environment();
        setTitle("Harbormaster — MFA for " + environment.displayName());
        getDialogPane().setId("mfa-dialog");
        getDialogPane().getStyleClass().add(HarbormasterStyles.MFA_DIALOG);
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());
        getDialogPane().setStyle("-hm-env: " + environment.colour() + ";");

        Region swatch = new Region();
        swatch.getStyleClass().add(HarbormasterStyles.ENV_SWATCH);
        Label name = new Label("Enter " + environment.displayName());
        name.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        HBox heading = new HBox(8, new FontIcon(Material2MZ.VPN_KEY), swatch, name);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (environment.production()) {
            Label badge = new Label("PRODUCTION");
            badge.getStyleClass().add(HarbormasterStyles.PRODUCTION_BADGE);
            heading.getChildren().add(badge);
        }

        Label where = new Label("Account " + EnvironmentText.accountAndRole(environment) + " · "
                + environment.defaultRegion());
        where.setId("mfa-environment");
        Label device = new Label("MFA device: " + viewModel.mfaSerial());
        device.setId("mfa-serial");
        device.getStyleClass().add(HarbormasterStyles.MUTED);
        device.setWrapText(true);

        TextField code = new TextField();
        code.setId("mfa-code");
        code.setPromptText("6-digit code");
        code.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        code.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().length() > 7 ? null : change));
        code.textProperty().bindBidirectional(viewModel.codeProperty());
        code.disableProperty().bind(viewModel.checkingProperty());

        Label hint = new Label();
        hint.setId("mfa-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        hint.setMinHeight(Region.USE_PREF_SIZE); // a refusal runs to two lines: the dialog grows, nothing is cut
        hint.textProperty().bind(viewModel.validationMessageProperty());
        viewModel.refusedProperty().addListener((obs, was, now) -> {
            hint.pseudoClassStateChanged(HarbormasterStyles.ERROR, now);
            UiThread.later(() -> {
                if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                    getDialogPane().getScene().getWindow().sizeToScene();
                }
            });
        });

        VBox content = new VBox(10, heading, where, device, code, hint);
        if (viewModel.offersPracticeCode()) {
            content.getChildren().add(practiceDevice(viewModel));
        }
        content.setPrefWidth(480);
        getDialogPane().setContent(content);

        ButtonType enter = new ButtonType("Enter " + environment.displayName(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(enter, ButtonType.CANCEL);
        Node enterButton = getDialogPane().lookupButton(enter);
        enterButton.setId("mfa-submit");
        enterButton.disableProperty().bind(Bindings.not(viewModel.validProperty()));
        enterButton.addEventFilter(ActionEvent.ACTION, event -> {
            if (submit != null) {
                event.consume(); // stays open: the code is checked, and may be refused
                viewModel.acceptedCode().ifPresent(typed -> {
                    viewModel.checking();
                    submit.accept(typed);
                });
            }
        });

        setResultConverter(button -> button == enter ? viewModel.acceptedCode().orElse(null) : null);
        setOnShown(event -> UiThread.later(code::requestFocus));
        viewModel.checkingProperty().addListener((obs, was, now) -> {
            if (!now) {
                UiThread.later(code::requestFocus);
            }
        });
    }

    /**
     * Sends each code to {@code submit} instead of closing; the caller then closes the dialog on acceptance or
     * calls {@link MfaCodeViewModel#refused} to take another.
     */
    public void onSubmit(Consumer<String> submit) {
        this.submit = Objects.requireNonNull(submit, "submit");
    }

    public MfaCodeViewModel viewModel() {
        return viewModel;
    }

    /** The sandbox's practice device, plainly marked as a practice aid that real AWS never offers. */
    private static Node practiceDevice(MfaCodeViewModel viewModel) {
        Label title = new Label("Sandbox practice device");
        title.getStyleClass().add(HarbormasterStyles.PRACTICE_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label current = new Label();
        current.setMinWidth(Region.USE_PREF_SIZE);
        current.setId("mfa-practice-code");
        current.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        current.textProperty().bind(viewModel.practiceCodeProperty());
        Button use = new Button("Use this code");
        use.setId("mfa-use-practice");
        use.setOnAction(event -> viewModel.usePracticeCode());
        use.disableProperty().bind(viewModel.checkingProperty());
        use.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, title, current, use);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label why = new Label("Shown only because this is the embedded sandbox: a practice aid. On real AWS the code"
                + " comes from your own MFA device, and Harbormaster never knows it.");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add(HarbormasterStyles.MUTED);
        VBox box = new VBox(4, row, why);
        box.setId("mfa-practice");
        box.getStyleClass().add(HarbormasterStyles.PRACTICE_BOX);
        // The code turns over every 30 s of sandbox time (far faster on a fast sandbox clock).
        Showing.repeat(box, new FxRepeater(), Duration.ofMillis(500), viewModel::refreshPracticeCode);
        return box;
    }
}
