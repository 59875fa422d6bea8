package io.harbormaster.views.hosts;

import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Above the canvas while it draws a repacking what-if: hosts and monthly cost before and after, what stops a
 * tighter packing, a switch between today's packing and the repacked one, and the way back to the fleet.
 */
final class RepackBar extends VBox {

    RepackBar(HostsViewModel viewModel) {
        setId("hosts-whatif");
        getStyleClass().add(FleetStyles.NOTICE);
        setSpacing(4);
        Label summary = new Label();
        summary.setId("hosts-whatif-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> viewModel.repackProperty().get() == null ? ""
                : viewModel.repackProperty().get().summary(), viewModel.repackProperty()));
        Label blockers = new Label();
        blockers.setId("hosts-whatif-blockers");
        blockers.setWrapText(true);
        blockers.getStyleClass().add(HarbormasterStyles.MUTED);
        blockers.textProperty().bind(Bindings.createStringBinding(() -> viewModel.repackProperty().get() == null ? ""
                : viewModel.repackProperty().get().blockers(), viewModel.repackProperty()));

        ToggleGroup sides = new ToggleGroup();
        ToggleButton today = side(sides, "Today", "hosts-whatif-today", RepackShown.Side.TODAY, viewModel);
        ToggleButton repacked = side(sides, "Repacked", "hosts-whatif-repacked", RepackShown.Side.REPACKED,
                viewModel);
        Label note = new Label("Dashed, dimmed cards: today's hosts the packing would leave empty");
        note.getStyleClass().add(HarbormasterStyles.MUTED);
        note.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("Back to the fleet");
        close.setId("hosts-whatif-close");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> viewModel.closeRepack());
        HBox row = new HBox(8, today, repacked, note, spacer, close);
        row.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(summary, blockers, row);
        visibleProperty().bind(viewModel.repackProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** A toggle for one side, kept in step with the view-model (one side is always chosen). */
    private static ToggleButton side(ToggleGroup group, String text, String id, RepackShown.Side side,
            HostsViewModel viewModel) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setSelected(viewModel.sideProperty().get() == side);
        button.setOnAction(e -> {
            button.setSelected(true);
            viewModel.sideProperty().set(side);
        });
        viewModel.sideProperty().addListener((obs, old, now) -> button.setSelected(now == side));
        return button;
    }
}
