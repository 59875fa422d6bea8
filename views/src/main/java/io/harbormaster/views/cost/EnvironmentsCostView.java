package io.harbormaster.views.cost;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.shared.Headings;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Every environment's bill side by side, and each service's monthly cost in each environment. */
final class EnvironmentsCostView extends VBox {

    private final EnvironmentsCostViewModel viewModel;
    private final TableView<ServiceAcross> services = new TableView<>();
    private final TableColumn<ServiceAcross, String> cluster = CostColumns.text("Cluster", ServiceAcross::cluster);
    private final TableColumn<ServiceAcross, String> service = CostColumns.text("Service", ServiceAcross::service);

    EnvironmentsCostView(EnvironmentsCostViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        setId("cost-environments");

        Button load = new Button("Cost every environment");
        load.setId("cost-environments-load");
        load.setOnAction(e -> viewModel.load());
        Button export = new Button("Export CSV…");
        export.setId("cost-environments-export");
        export.disableProperty().bind(Bindings.isEmpty(viewModel.services()));
        export.setOnAction(e -> chooseExport());
        Label message = new Label();
        message.setId("cost-environments-message");
        message.textProperty().bind(viewModel.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // In half a window (side by side) the message and the export take a row of their own rather than be cut
        WrappingBar bar = new WrappingBar(10, load, message, spacer, export);
        bar.getStyleClass().add(FleetStyles.TOOLBAR);

        Label note = new Label("Each environment entered with its own role; the same prices as the Cost page"
                + " (the environment's effective rate, else the on-demand list price)");
        note.getStyleClass().add(HarbormasterStyles.MUTED);
        Sentences.wrapping(note);

        TableView<EnvironmentCost> bills = billsTable();
        services.setId("cost-environments-services");
        services.setPlaceholder(new Label("Cost every environment to see each service in each"));
        services.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<ServiceAcross> sorted = new SortedList<>(viewModel.services());
        sorted.comparatorProperty().bind(services.comparatorProperty());
        services.setItems(sorted);
        ColumnWidths.fitRows(services, cluster, ServiceAcross::cluster);
        ColumnWidths.fitRows(services, service, ServiceAcross::service);
        viewModel.columns().addListener((ListChangeListener<Environment>) c -> serviceColumns());
        services.getItems().addListener((ListChangeListener<ServiceAcross>) c -> fitAmounts());
        serviceColumns();
        VBox.setVgrow(services, Priority.ALWAYS);
        getChildren().addAll(bar, note, bills, services);
    }

    private TableView<EnvironmentCost> billsTable() {
        TableView<EnvironmentCost> bills = new TableView<>();
        bills.setId("cost-environments-bills");
        // a header and the three usual environments without a scroll bar
        bills.setPrefHeight(178);
        bills.setMinHeight(178);
        bills.setPlaceholder(new Label("No environment costed yet"));
        bills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<EnvironmentCost> sorted = new SortedList<>(viewModel.environments());
        sorted.comparatorProperty().bind(bills.comparatorProperty());
        bills.setItems(sorted);
        TableColumn<EnvironmentCost, Number> hosts = new TableColumn<>("Hosts");
        hosts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().hosts()));
        hosts.setMinWidth(Headings.tightWidth(hosts.getText())); // squeezed to "Ho…" as the last column flexes
        hosts.setMaxWidth(Headings.width(hosts.getText()));
        TableColumn<EnvironmentCost, String> environment = CostColumns.text("Environment",
                EnvironmentCost::environment);
        ColumnWidths.fitRows(bills, environment, EnvironmentCost::environment);
        TableColumn<EnvironmentCost, Double> share = CostColumns.number("Share", EnvironmentCost::share,
                CostView::share);
        TableColumn<EnvironmentCost, Double> services = CostColumns.number("Services",
                EnvironmentCost::servicesUsdPerMonth, CostView::money);
        TableColumn<EnvironmentCost, Double> standalone = CostColumns.number("Standalone",
                EnvironmentCost::standaloneUsdPerMonth, CostView::money);
        TableColumn<EnvironmentCost, Double> idle = CostColumns.number("Idle", EnvironmentCost::idleUsdPerMonth,
                CostView::money);
        TableColumn<EnvironmentCost, Double> stranded = CostColumns.number("Stranded",
                EnvironmentCost::strandedUsdPerMonth, CostView::money);
        TableColumn<EnvironmentCost, Double> monthly = CostColumns.number("Per month", EnvironmentCost::usdPerMonth,
                CostView::money);
        TableColumn<EnvironmentCost, String> asOf = CostColumns.text("As of", EnvironmentCost::status);
        bills.getColumns().setAll(List.of(environment, hosts, monthly, share, services, standalone, idle, stranded,
                asOf));
        // Each as wide as its widest value ("$52,810.54", "as of 14:02:11"): squeezed to its heading, Idle's
        // "$11,814.90" would be cut, and a half would not know how many columns it has room for.
        ColumnWidths.fitRows(bills, monthly, r -> CostView.money(r.usdPerMonth()));
        ColumnWidths.fitRows(bills, share, r -> CostView.share(r.share()));
        ColumnWidths.fitRows(bills, services, r -> CostView.money(r.servicesUsdPerMonth()));
        ColumnWidths.fitRows(bills, standalone, r -> CostView.money(r.standaloneUsdPerMonth()));
        ColumnWidths.fitRows(bills, idle, r -> CostView.money(r.idleUsdPerMonth()));
        ColumnWidths.fitRows(bills, stranded, r -> CostView.money(r.strandedUsdPerMonth()));
        ColumnWidths.fitRows(bills, asOf, EnvironmentCost::status);
        // In half a window (side by side) each environment's bill, its share and how fresh it is stay: the bill's
        // parts go first, standalone and services (the rest of the bill once idle and stranded are known), then
        // stranded, idle, the hosts and the share, rather than scroll the bill past the edge (a whole window shows them).
        ColumnPriority.dropToFit(bills, List.of(standalone, services, stranded, idle, hosts, share));
        return bills;
    }

    private void serviceColumns() {
        List<TableColumn<ServiceAcross, ?>> columns = new ArrayList<>();
        columns.add(cluster);
        columns.add(service);
        for (Environment e : viewModel.columns()) {
            TableColumn<ServiceAcross, Double> c = CostColumns.number(e.displayName(), s -> s.in(e.id()),
                    v -> Double.isNaN(v) ? "—" : CostView.money(v));
            c.setComparator(CostColumns.NAN_LAST);
            columns.add(c);
        }
        TableColumn<ServiceAcross, Double> all = CostColumns.number("All", ServiceAcross::total, CostView::money);
        columns.add(all);
        services.getColumns().setAll(columns);
        fitAmounts();
        // In half a window (side by side) each service's cost in each environment stays: the cluster goes first (the
        // service's name is the one it has everywhere), then the total across them, rather than scroll an
        // environment's cost past the edge. The CSV export writes them all.
        ColumnPriority.dropToFit(services, List.of(cluster, all));
    }

    /** Each environment's and the total's column as wide as its widest amount ("$12,345.67"): never cut to "$1…". */
    private void fitAmounts() {
        List<TableColumn<ServiceAcross, ?>> columns = services.getColumns();
        for (TableColumn<ServiceAcross, ?> column : columns.subList(Math.min(2, columns.size()), columns.size())) {
            String[] widest = services.getItems().stream()
                    .map(row -> column.getCellObservableValue(row).getValue() instanceof Double amount
                            && !amount.isNaN() ? CostView.money(amount) : "—")
                    .sorted(Comparator.comparingInt(String::length).reversed()).limit(8).toArray(String[]::new);
            ColumnWidths.fit(column, widest);
        }
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the cost by environment");
        chooser.setInitialFileName("harbormaster-cost-by-environment.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            viewModel.exportTo(file.toPath(), List.copyOf(services.getItems()));
        }
    }
}
