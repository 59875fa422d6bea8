package io.harbormaster.views.shell;

import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** An honest stand-in for a page not built yet: what it will show, and no pretend data. */
final class PlaceholderView extends VBox {

    PlaceholderView(Page page) {
        super(12);
        setId("placeholder-" + page.id());
        getStyleClass().addAll(HarbormasterStyles.PAGE, HarbormasterStyles.PLACEHOLDER);
        setAlignment(Pos.CENTER);

        FontIcon icon = new FontIcon(page.action().icon());
        icon.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_ICON);
        Label title = new Label(page.title() + " — not built yet");
        title.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TITLE);
        Label text = new Label(page.comingSoon());
        text.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TEXT);
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label hint = new Label("Clusters (" + Page.CLUSTERS.action().key().getDisplayText() + ") works today.");
        hint.getStyleClass().add(HarbormasterStyles.MUTED);
        getChildren().addAll(icon, title, text, hint);
    }
}
