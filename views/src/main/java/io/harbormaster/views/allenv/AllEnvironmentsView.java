package io.harbormaster.views.allenv;

import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.services.ServiceRow;
import io.harbormaster.views.services.ServicesTable;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The All environments page: which environments, then one Services table across them, problems first. */
public final class AllEnvironmentsView extends VBox {

    private final FlowPane environments = new FlowPane(14, 6);

    public AllEnvironmentsView(AllEnvironmentsViewModel viewModel) {
        setId("allenv-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(FleetStyles.stylesheet());

        Label title = new Label("All environments");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Button load = new Button("Load", new FontIcon(Material2MZ.REFRESH));
        load.setId("allenv-load");
        load.setDefaultButton(true);
        load.setOnAction(e -> viewModel.load());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, environments, spacer, load);
        HBox.setHgrow(environments, Priority.SOMETIMES);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);
        environments.setAlignment(Pos.CENTER_LEFT);
        viewModel.choices().addListener((ListChangeListener<EnvironmentChoice>) c -> fill(viewModel));
        fill(viewModel);

        TableView<ServiceRow> table = ServicesTable.create("allenv-table", viewModel.rows(), true);
        table.setPlaceholder(new Label("Tick the environments to show and press Load."));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("allenv-summary");
        summary.getStyleClass().add(HarbormasterStyles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        getChildren().addAll(header, table, summary);
    }

    private void fill(AllEnvironmentsViewModel viewModel) {
        environments.getChildren().clear();
        for (EnvironmentChoice choice : viewModel.choices()) {
            CheckBox box = new CheckBox(choice.environment().displayName());
            box.setId("allenv-env-" + choice.environment().id());
            box.selectedProperty().bindBidirectional(choice.chosenProperty());
            Label status = new Label();
            status.getStyleClass().add(HarbormasterStyles.MUTED);
            status.textProperty().bind(choice.statusProperty());
            HBox item = new HBox(4, box, status);
            item.setAlignment(Pos.CENTER_LEFT);
            environments.getChildren().add(item);
        }
    }
}
