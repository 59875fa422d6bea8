package io.harbormaster.views.palette;

import io.harbormaster.views.concurrent.UiThread;
import io.harbormaster.views.fleet.FleetStyles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The palette: a search field over the page, results below it; Enter goes, Escape or a click outside closes. */
public final class PaletteView extends StackPane {

    private final TextField search = new TextField();
    private final ListView<PaletteEntry> list = new ListView<>();

    public PaletteView(PaletteViewModel viewModel) {
        setId("palette");
        getStyleClass().add(FleetStyles.PALETTE_SCRIM);
        getStylesheets().add(FleetStyles.stylesheet());
        search.setId("palette-search");
        search.setPromptText("Go to a cluster, service, host or task, or run an action…");
        search.textProperty().bindBidirectional(viewModel.queryProperty());
        list.setId("palette-results");
        list.setItems(viewModel.results());
        list.setCellFactory(l -> new EntryCell());
        // As tall as the results (at most 360 px), so a single hit is not a box of empty rows.
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(360, Math.max(1, viewModel.results().size()) * 36.0 + 6), viewModel.results()));
        list.setPlaceholder(new Label("Type part of a name, or of an action (\"scale\", \"reload\")."));
        viewModel.results().addListener((javafx.collections.ListChangeListener<PaletteEntry>) c -> {
            if (!viewModel.results().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        search.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> list.getSelectionModel().selectNext();
                case UP -> list.getSelectionModel().selectPrevious();
                case ENTER -> viewModel.go(list.getSelectionModel().getSelectedItem());
                case ESCAPE -> viewModel.close();
                default -> {
                    return;
                }
            }
            list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex() - 3));
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.go(list.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = new Label("↑↓ to choose · Enter to go · Esc to close");
        hint.getStyleClass().add(FleetStyles.PALETTE_KIND);
        VBox box = new VBox(search, list, hint);
        box.getStyleClass().add(FleetStyles.PALETTE);
        box.setMaxWidth(640);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setOnMouseClicked(e -> e.consume());
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        StackPane.setMargin(box, new Insets(60, 0, 0, 0));
        getChildren().add(box);
        setOnMouseClicked(e -> viewModel.close());

        visibleProperty().bind(viewModel.showingProperty());
        viewModel.showingProperty().addListener((obs, was, now) -> {
            if (now) {
                UiThread.later(search::requestFocus);
            }
        });
        if (viewModel.showingProperty().get()) {
            UiThread.later(search::requestFocus); // built as it opens (the shell builds it on first use)
        }
    }

    private static final class EntryCell extends ListCell<PaletteEntry> {
        @Override
        protected void updateItem(PaletteEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label kind = new Label(item.kind().name().toLowerCase());
            kind.getStyleClass().add(FleetStyles.PALETTE_KIND);
            Label name = new Label(item.label());
            name.setStyle("-fx-font-weight: bold;");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add(FleetStyles.PALETTE_KIND);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(10, kind, name, gap, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            // an action that cannot run now stays listed, greyed, with its reason, so the operator learns why
            row.setOpacity(item.unavailable() ? 0.6 : 1);
            setGraphic(row);
            setText(null);
        }
    }
}
