package io.harbormaster.views.page;

import io.harbormaster.views.actions.ActionSpec;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** An honest stand-in for a page not built yet: what it will show, and no pretend data. */
final class PlaceholderView extends VBox {

    PlaceholderView(String id, ActionSpec action, String comingSoon) {
        super(12);
        setId("placeholder-" + id);
        getStyleClass().addAll(HarbormasterStyles.PAGE, HarbormasterStyles.PLACEHOLDER);
        setAlignment(Pos.CENTER);

        FontIcon icon = new FontIcon(action.icon());
        icon.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_ICON);
        Label title = new Label(action.text() + " — not built yet");
        title.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TITLE);
        Label text = new Label(comingSoon);
        text.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TEXT);
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label hint = new Label("The other pages in the sidebar work today.");
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        getChildren().addAll(icon, title, text, hint);
    }
}
