package io.harbormaster.views.page;

import io.harbormaster.views.fleet.FleetStyles;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The one stale marking every page gets: a warning line above the page saying why what it shows is old, shown
 * while its {@linkplain Page#staleness() staleness} is not empty. The shell frames each page's view with it
 * ({@link #frame}), the side-by-side half too.
 */
public final class StaleBanner extends Label {

    /** The banner's id; the side-by-side half prefixes it like every id of its views. */
    public static final String ID = "page-stale";

    public StaleBanner(ObservableValue<String> staleness) {
        setId(ID);
        setGraphic(new FontIcon(Material2MZ.SYNC_PROBLEM));
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        getStyleClass().addAll(FleetStyles.BANNER, FleetStyles.BANNER_STALE);
        getStylesheets().add(FleetStyles.stylesheet());
        textProperty().bind(Bindings.createStringBinding(() -> Objects.requireNonNullElse(staleness.getValue(), ""),
                staleness));
        visibleProperty().bind(textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    /** {@code view} under the banner of {@code page}'s staleness; the view takes the height left. */
    public static Node frame(Page page, Node view) {
        StaleBanner banner = new StaleBanner(page.staleness());
        VBox.setMargin(banner, new Insets(8, 16, 0, 16)); // in line with the page's own padding (.hm-page)
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox framed = new VBox(banner, view);
        framed.getStyleClass().add("hm-page-frame");
        return framed;
    }
}
