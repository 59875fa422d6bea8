package io.harbormaster.views.split;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.environment.EnvironmentText;
import io.harbormaster.views.environment.SandboxMarking;
import io.harbormaster.views.environment.SessionTimes;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The head of one half: a band in the environment's colour with its name, PRODUCTION badge, who in which account,
 * region and time left; in production a red banner below it, as under the environment bar.
 */
final class EnvironmentBand extends VBox {

    private final HBox extra = new HBox(8);

    EnvironmentBand(String idPrefix, ObservableValue<EnvironmentSession> session, SessionTimes times,
            ObservableValue<SandboxMarking> sandbox) {
        setId(idPrefix + "band");
        Region swatch = new Region();
        swatch.getStyleClass().add(HarbormasterStyles.ENV_SWATCH);
        Label name = new Label();
        name.setId(idPrefix + "env-name");
        name.getStyleClass().add(HarbormasterStyles.ENV_NAME);
        Label badge = new Label("PRODUCTION");
        badge.setId(idPrefix + "production-badge");
        badge.getStyleClass().add(HarbormasterStyles.PRODUCTION_BADGE);
        Label detail = new Label();
        detail.setId(idPrefix + "env-detail");
        detail.getStyleClass().add(HarbormasterStyles.SPLIT_BAND_DETAIL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        extra.setAlignment(Pos.CENTER_RIGHT);
        name.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        // Too narrow for the name and the choices (the empty half's "No environment" at 1280 px, 6 px over) the
        // choices take a row of their own rather than run past the edge
        WrappingBar top = new WrappingBar(8, swatch, name, badge, spacer, extra);
        // Who, where and time left on a line of their own: a half is too narrow to share one with the name.
        VBox row = new VBox(2, top, detail);
        row.getStyleClass().add(HarbormasterStyles.SPLIT_BAND);

        Label banner = new Label("", new FontIcon(Material2AL.LOCK));
        banner.textProperty().bind(Bindings.createStringBinding(() -> session.getValue() == null ? ""
                : SandboxMarking.productionBanner(sandbox.getValue(), session.getValue().environment().displayName()),
                session, sandbox));
        banner.setId(idPrefix + "production-banner");
        banner.getStyleClass().add(HarbormasterStyles.PRODUCTION_BANNER);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true); // a half is narrower than the sentence
        banner.setMinHeight(Region.USE_PREF_SIZE); // under a tall page too: the page gives way, not the banner
        getChildren().addAll(row, banner);

        Runnable show = () -> {
            EnvironmentSession current = session.getValue();
            Environment environment = current == null ? null : current.environment();
            boolean prod = environment != null && environment.production();
            row.setStyle(environment == null ? "-hm-env: -color-border-default; -hm-env-tint: transparent;"
                    : "-hm-env: " + environment.colour() + "; -hm-env-tint: "
                    + EnvironmentText.tint(environment.colour(), 0.16) + ";");
            name.setText(environment == null ? "No environment" : environment.displayName());
            badge.setVisible(prod);
            badge.setManaged(prod);
            banner.setVisible(prod);
            banner.setManaged(prod);
        };
        session.addListener((obs, old, now) -> show.run());
        show.run();
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            EnvironmentSession current = session.getValue();
            if (current == null) {
                return "choose one";
            }
            String left = times.left(current.environment().id()).map(EnvironmentText::timeLeft)
                    .map(t -> " · session " + t + " left").orElse("");
            return EnvironmentText.identity(current) + " · " + current.region() + left;
        }, session, times.nowProperty()));
    }

    /** Controls at the right end of the band (the environment choice, close). */
    HBox extra() {
        return extra;
    }
}
