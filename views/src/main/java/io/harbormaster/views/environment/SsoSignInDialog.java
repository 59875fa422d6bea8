package io.harbormaster.views.environment;

import io.harbormaster.views.lifecycle.BusySpinner;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * An IAM Identity Center sign-in under way: the code to compare with the browser's, large; the address, to open
 * again or copy; a visible wait; Cancel gives up the sign-in.
 */
public final class SsoSignInDialog extends Dialog<Void> {

    /**
     * @param again why the operator signs in again (the previous sign-in ran out), or null for a first sign-in
     */
    public SsoSignInDialog(String session, String address, String userCode, String again, BrowserOpener browser) {
        setTitle("Harbormaster — sign in to " + session);
        getDialogPane().setId("sso-dialog");
        getDialogPane().getStyleClass().add(HarbormasterStyles.MFA_DIALOG);
        getDialogPane().getStylesheets().add(HarbormasterStyles.stylesheet());

        Label heading = new Label((again == null ? "Sign in" : "Sign in again") + " with IAM Identity Center ("
                + session + ")");
        heading.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        HBox title = new HBox(8, new FontIcon(Material2MZ.VPN_KEY), heading);
        title.setAlignment(Pos.CENTER_LEFT);

        Label explain = new Label("Your browser was opened to approve this sign-in. Allow access there only if it"
                + " shows this code:");
        explain.setWrapText(true);
        Label code = new Label(userCode);
        code.setId("sso-user-code");
        code.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        code.setStyle("-fx-font-size: 32px; -fx-font-weight: bold;");
        HBox codeRow = new HBox(code);
        codeRow.setAlignment(Pos.CENTER);

        TextField where = new TextField(address);
        where.setId("sso-address");
        where.setEditable(false);
        HBox.setHgrow(where, javafx.scene.layout.Priority.ALWAYS);
        Button reopen = new Button("Open browser again");
        reopen.setId("sso-open-browser");
        reopen.setOnAction(e -> browser.open(address));
        HBox addressRow = new HBox(8, where, reopen);
        addressRow.setAlignment(Pos.CENTER_LEFT);

        BusySpinner spinner = new BusySpinner(18);
        Label waiting = new Label("Waiting for the approval in the browser…");
        waiting.setId("sso-waiting");
        waiting.getStyleClass().add(HarbormasterStyles.MUTED);
        HBox waitRow = new HBox(8, spinner, waiting);
        waitRow.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(12, title);
        if (again != null) {
            Label why = new Label(again + " Sign in again to go on; what you were doing continues once you are in.");
            why.setId("sso-again");
            why.setWrapText(true);
            why.getStyleClass().add(HarbormasterStyles.CANDIDATE_PROBLEM);
            content.getChildren().add(why);
        }
        content.getChildren().addAll(explain, codeRow, addressRow, waitRow);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("sso-cancel");
        setResultConverter(button -> null);
    }
}
