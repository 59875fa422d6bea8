package io.harbormaster.views.guard;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.environment.EnvironmentText;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.geometry.Pos;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The top of a write's dialog: where it goes, in the environment's colour, with the PRODUCTION badge, so nobody
 * scales or stops in prod thinking it is stage.
 */
public final class GuardBand {

    private GuardBand() {
    }

    /** Gives {@code pane} the guard dialog's look in the environment's colour. */
    public static void style(DialogPane pane, EnvironmentSession session) {
        String colour = session.environment().colour();
        pane.getStyleClass().add(HarbormasterStyles.GUARD_DIALOG);
        pane.getStylesheets().add(HarbormasterStyles.stylesheet());
        pane.setStyle("-hm-env: " + colour + "; -hm-env-tint: " + EnvironmentText.tint(colour, 0.14) + ";");
    }

    /** The environment's swatch, name, badge, account, role and region. */
    public static HBox of(EnvironmentSession session) {
        Region swatch = new Region();
        swatch.getStyleClass().add(HarbormasterStyles.ENV_SWATCH);
        Label where = new Label(session.environment().displayName());
        where.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        Label account = new Label(EnvironmentText.accountAndRole(session.environment()) + " · " + session.region());
        account.getStyleClass().add(HarbormasterStyles.ENV_DETAIL);
        HBox band = new HBox(8, swatch, where, account);
        band.setAlignment(Pos.CENTER_LEFT);
        band.getStyleClass().add(HarbormasterStyles.GUARD_BAND);
        if (session.environment().production()) {
            Label badge = new Label("PRODUCTION");
            badge.getStyleClass().add(HarbormasterStyles.PRODUCTION_BADGE);
            band.getChildren().add(1, badge);
        }
        return band;
    }

    /** Why the environment takes no writes, said in the dialog itself with a lock. */
    public static Label refusal(String id, String why) {
        Label refused = new Label(why, new FontIcon(Material2AL.LOCK));
        refused.setId(id);
        refused.setWrapText(true);
        refused.getStyleClass().add(HarbormasterStyles.GUARD_REFUSAL);
        return refused;
    }
}
