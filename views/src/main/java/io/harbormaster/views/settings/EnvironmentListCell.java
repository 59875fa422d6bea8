package io.harbormaster.views.settings;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.environment.EnvironmentText;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** An environment in the settings list: colour, name, PRODUCTION / read-only, and login → account. */
final class EnvironmentListCell extends ListCell<Environment> {

    @Override
    protected void updateItem(Environment environment, boolean empty) {
        super.updateItem(environment, empty);
        if (empty || environment == null) {
            setGraphic(null);
            setText(null);
            setStyle(null);
            return;
        }
        setText(null);
        setStyle("-hm-env: " + environment.colour() + ";");
        Region swatch = new Region();
        swatch.getStyleClass().add(HarbormasterStyles.ENV_SWATCH);
        Label name = new Label(environment.displayName());
        name.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        HBox top = new HBox(6, swatch, name);
        top.setAlignment(Pos.CENTER_LEFT);
        if (environment.production()) {
            Label badge = new Label("PRODUCTION");
            badge.getStyleClass().add(HarbormasterStyles.PRODUCTION_BADGE);
            top.getChildren().add(badge);
        }
        if (environment.readOnly()) {
            Label readOnly = new Label("read-only");
            readOnly.getStyleClass().add(HarbormasterStyles.ENV_DETAIL);
            top.getChildren().add(readOnly);
        }
        Label detail = new Label(EnvironmentText.loginAndAccount(environment));
        detail.getStyleClass().add(HarbormasterStyles.ENV_DETAIL);
        // a long profile name wraps inside the list rather than pushing the account id out sideways
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        setPrefWidth(0);
        setGraphic(new VBox(2, top, detail));
    }
}
