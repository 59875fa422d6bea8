package io.harbormaster.views.clusters;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.shared.AwsCliCommand;
import io.harbormaster.views.lifecycle.BusySpinner;
import io.harbormaster.views.shared.CliCommandMenu;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.shared.CsvSaving;
import io.harbormaster.views.shared.FirstRowsInParts;
import io.harbormaster.views.shared.StatusCell;
import io.harbormaster.views.shared.TableCsv;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.List;
import java.util.function.Function;
import io.harbormaster.views.fleet.TableSelection;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The clusters table with its filter, refresh button and an empty state that always says what is going on. */
public final class ClustersView extends VBox {

    private final TextField filter = new TextField();
    private final TableView<Cluster> table;
    private boolean syncing;
    private boolean fromTable;

    public ClustersView(ClustersViewModel viewModel, Runnable refresh) {
        setId("clusters-view");
        getStyleClass().add(HarbormasterStyles.PAGE);

        Label title = new Label("Clusters");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label where = new Label();
        where.setId("clusters-where");
        where.getStyleClass().add(HarbormasterStyles.PAGE_SUBTITLE);
        where.textProperty().bind(Bindings.createStringBinding(() -> describe(viewModel.sessionProperty().get()),
                viewModel.sessionProperty()));

        filter.setId("clusters-filter");
        // Short enough to read whole in a half of side by side; the tooltip says it in full.
        filter.setPromptText("Filter: name or status");
        filter.setTooltip(new javafx.scene.control.Tooltip("Filter by name or status (Ctrl+F); Esc clears it"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                event.consume();
            }
        });
        filter.disableProperty().bind(viewModel.sessionProperty().isNull());

        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("clusters-refresh");
        reload.setTooltip(ActionFactory.tooltip(StandardAction.REFRESH.tooltip()));
        reload.disableProperty().bind(viewModel.sessionProperty().isNull());
        reload.setOnAction(event -> refresh.run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Only the filter gives way in a narrow half of side by side: the title and where keep their whole text.
        filter.setMinWidth(120);
        for (Region whole : List.of(title, where, reload)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(10, title, where, spacer, filter, reload);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);

        table = table(viewModel);
        StackPane tableArea = FirstRowsInParts.area(table);
        VBox.setVgrow(tableArea, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing && row != null) {
                fromTable = true;
                try {
                    viewModel.selectedProperty().set(row.arn());
                } finally {
                    fromTable = false;
                }
            }
        });
        viewModel.selectedProperty().addListener((obs, old, arn) -> {
            selectInTable(table, arn);
            if (arn != null && !fromTable && getScene() != null) {
                table.requestFocus(); // asked for from elsewhere (Ctrl+K): shown as the focused row, arrows go on from it
            }
        });
        table.getItems().addListener((javafx.collections.ListChangeListener<Cluster>) c ->
                selectInTable(table, viewModel.selectedProperty().get()));

        Label summary = new Label();
        summary.setId("clusters-summary");
        summary.getStyleClass().add(HarbormasterStyles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        // While a large fleet's tasks load it says how far they are: two lines in a narrow window, never cut
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(header, tableArea, summary);
    }

    /**
     * Ctrl+C, "Save as CSV…" (the outcome said under the summary) and "Copy as aws CLI command" (describe-clusters)
     * on the clusters.
     */
    public void offerExport(TaskExecutor executor, ObservableValue<EnvironmentSession> session) {
        Label saved = new Label();
        saved.setId("clusters-saved");
        TableCsv.offerCopy(table, CsvSaving.withDialog(executor, saved), "clusters");
        CliCommandMenu.add("clusters-copy-cli", table, session::getValue, (cluster, in) -> AwsCliCommand.describeCluster(
                cluster.name(), in.region(), in.environment().profileName()));
        getChildren().add(saved);
    }

    /** Ctrl+F lands here. */
    public void focusFilter() {
        if (!filter.isDisabled()) {
            filter.requestFocus();
            filter.selectAll();
        }
    }

    /** Selects the view-model's cluster in the table and scrolls it into view; the filter is the view-model's. */
    private void selectInTable(TableView<Cluster> table, String arn) {
        syncing = true;
        try {
            TableSelection.selectAndReveal(table, Cluster::arn, arn);
        } finally {
            syncing = false;
        }
    }

    private static TableView<Cluster> table(ClustersViewModel viewModel) {
        TableView<Cluster> table = new TableView<>();
        table.setId("clusters-table");
        SortedList<Cluster> sorted = new SortedList<>(viewModel.clusters());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        TableSelection.keepSelectedAcrossChanges(table, sorted, Cluster::arn);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);

        TableColumn<Cluster, String> name = new TableColumn<>("Name");
        name.setId("clusters-col-name");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        name.setPrefWidth(200);
        name.setMinWidth(140);
        TableColumn<Cluster, String> status = new TableColumn<>("Status");
        status.setId("clusters-col-status");
        status.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().status()));
        status.setCellFactory(column -> new StatusCell<>());
        status.setPrefWidth(110);
        table.getColumns().add(name);
        table.getColumns().add(status);
        table.getColumns().add(count("Instances", "Registered container instances", "instances",
                Cluster::registeredInstances));
        table.getColumns().add(count("Services", "Active services", "services", Cluster::activeServices));
        table.getColumns().add(count("Running", "Running tasks", "running", Cluster::runningTasks));
        table.getColumns().add(count("Pending", "Pending tasks", "pending", Cluster::pendingTasks));
        PackingColumns.addTo(table, viewModel.packingProperty());
        table.getSortOrder().add(name);
        ColumnWidths.fitRows(table, name, Cluster::name);
        ColumnWidths.fitRows(table, status, Cluster::status);
        // In half a window (side by side) the name, its instances and running tasks stay; the rest go, packing first.
        List<TableColumn<Cluster, ?>> columns = table.getColumns();
        ColumnPriority.dropToFit(table, List.of(columns.get(8), columns.get(7), columns.get(6), columns.get(5),
                columns.get(3), columns.get(1)));

        Label message = new Label();
        message.setId("clusters-placeholder");
        message.setWrapText(true);
        message.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TEXT);
        message.textProperty().bind(viewModel.placeholderProperty());
        message.pseudoClassStateChanged(HarbormasterStyles.ERROR, false);
        viewModel.stateProperty().addListener((obs, old, now) ->
                message.pseudoClassStateChanged(HarbormasterStyles.ERROR, now == ClustersViewModel.State.FAILED));
        BusySpinner spinner = new BusySpinner(28);
        spinner.visibleProperty().bind(viewModel.stateProperty().isEqualTo(ClustersViewModel.State.LOADING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox placeholder = new VBox(10, spinner, message);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setMaxWidth(480);
        table.setPlaceholder(placeholder);
        return table;
    }

    private static TableColumn<Cluster, Integer> count(String title, String meaning, String id,
            Function<Cluster, Integer> value) {
        TableColumn<Cluster, Integer> column = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new javafx.scene.control.Tooltip(meaning));
        column.setGraphic(header);
        column.setId("clusters-col-" + id);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.getStyleClass().add(HarbormasterStyles.NUMERIC);
        // Short headers (the full meaning is the tooltip) so nine columns fit a laptop screen untruncated.
        // Measured in the body font; headers are bold, hence the generous padding.
        column.setMinWidth(new javafx.scene.text.Text(title).getLayoutBounds().getWidth() + 56);
        column.setPrefWidth(110);
        return column;
    }

    private static String describe(EnvironmentSession session) {
        return session == null ? "no environment" : session.environment().displayName() + " · " + session.region();
    }
}
