package io.harbormaster.views.environment;

import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
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

/** Asks for a one-time code, showing unmistakably which environment it unlocks. Result: the code, or null. */
public final class MfaCodeDialog extends Dialog<String> {

    public MfaCodeDialog(MfaCodeViewModel viewModel) {
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

        Label hint = new Label();
        hint.setId("mfa-hint");
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        hint.textProperty().bind(viewModel.validationMessageProperty());

        VBox content = new VBox(10, heading, where, device, code, hint);
        content.setPrefWidth(420);
        getDialogPane().setContent(content);

        ButtonType enter = new ButtonType("Enter " + environment.displayName(), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(enter, ButtonType.CANCEL);
        Node enterButton = getDialogPane().lookupButton(enter);
        enterButton.setId("mfa-submit");
        enterButton.disableProperty().bind(Bindings.not(viewModel.validProperty()));

        setResultConverter(button -> button == enter ? viewModel.acceptedCode().orElse(null) : null);
        setOnShown(event -> UiThread.later(code::requestFocus));
    }
}
