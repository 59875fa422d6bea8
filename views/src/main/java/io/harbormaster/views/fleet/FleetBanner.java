package io.harbormaster.views.fleet;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Above a fleet page: what the snapshot is missing, or why it could not load. Why the data may be old is the
 * page's {@code staleness()}, said by the shell's banner above every page.
 */
public final class FleetBanner extends VBox {

    public FleetBanner(FleetViewModel fleet, String idPrefix) {
        super(4);
        Label missing = line(idPrefix + "-missing", new FontIcon(Material2AL.ERROR_OUTLINE), FleetStyles.BANNER_MISSING);
        missing.textProperty().bind(fleet.missingProperty());
        Label failed = line(idPrefix + "-failed", new FontIcon(Material2MZ.WARNING), FleetStyles.BANNER_STALE);
        failed.textProperty().bind(Bindings.createStringBinding(() -> fleet.loadProblemProperty().get() == null ? ""
                : "Could not load the fleet: " + fleet.loadProblemProperty().get().title() + " — "
                        + fleet.loadProblemProperty().get().message() + " Press F5 to try again.",
                fleet.loadProblemProperty()));
        getChildren().addAll(failed, missing);
        managedProperty().bind(visibleProperty());
        visibleProperty().bind(missing.visibleProperty().or(failed.visibleProperty()));
    }

    private static Label line(String id, FontIcon icon, String style) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(icon);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().addAll(FleetStyles.BANNER, style);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
