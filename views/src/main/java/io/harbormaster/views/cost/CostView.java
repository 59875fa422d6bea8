package io.harbormaster.views.cost;

import io.harbormaster.model.cost.CostLine;
import io.harbormaster.model.cost.CostRules;
import io.harbormaster.model.cost.repack.PortMode;
import io.harbormaster.views.fleet.Destination;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.text.RepackText;
import io.harbormaster.views.fleet.FleetStyles;
import atlantafx.base.theme.Styles;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.shared.FirstRowsInParts;
import io.harbormaster.views.shared.Headings;
import io.harbormaster.views.shared.LaterPart;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.shared.WhenFirst;
import io.harbormaster.views.shared.WrappingToolbar;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Cost page: the cost table, the clusters' bills, the prices used, the rate editor and the repack what-if. */
public final class CostView extends VBox {

    /** The what-if's least: its cluster and type choices on a line each, its result in a few lines. */
    private static final double SIDE_MIN_WIDTH = 250;

    private final CostViewModel viewModel;
    private final FleetNavigator navigator;
    /** The pulse the clusters' table is built at: after the page's first frame (1) and its lines' rows (2). */
    private static final int CLUSTERS_AFTER_PULSES = 3;
    /** The what-if and the prices a pulse later; the clusters' rows come the pulse after (5). */
    private static final int SIDE_AFTER_PULSES = 4;

    private final TableView<CostRow> table = new TableView<>();

    /** @param tabs the page's other tabs beside this environment's (all environments, scaling) */
    /** @param navigator where "Show on Hosts" sends the what-if */
    public CostView(CostViewModel viewModel, List<Tab> tabs, FleetNavigator navigator) {
        this.navigator = navigator;
        this.viewModel = viewModel;
        setId("cost-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(FleetStyles.stylesheet());

        Label title = new Label("Cost");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label note = new Label("A task's share of its host: the larger of its CPU and memory shares");
        note.getStyleClass().add(HarbormasterStyles.PAGE_SUBTITLE);
        // Half a window wide (side by side) the title stays whole and the note takes two lines
        title.setMinWidth(Region.USE_PREF_SIZE);
        note.setWrapText(true);
        note.setMinWidth(0);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, title, note);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);

        Label message = new Label();
        message.setId("cost-message");
        message.getStyleClass().add(FleetStyles.NOTICE);
        message.textProperty().bind(viewModel.messageProperty());
        Sentences.wrapping(message);
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Label requestsNote = new Label();
        requestsNote.setId("cost-requests-note");
        requestsNote.getStyleClass().add(HarbormasterStyles.MUTED);
        requestsNote.textProperty().bind(viewModel.requestsNoteProperty());
        Sentences.wrapping(requestsNote);

        buildTable();
        // At 1280×800 the lines and the clusters' bills no longer share the width (each cut or scrolled sideways)
        // and the prices no longer push the clusters down to a row and a half: the lines above, the clusters below
        // beside what repacking one would save, the prices folded away. The page's first frame, its lines' rows,
        // the clusters' table, the what-if and the clusters' rows each have a frame of their own: together they
        // were two frames of 40–100 ms of UI-thread work on a cold JVM.
        StackPane side = LaterPart.afterPulses("cost-side-slot", SIDE_AFTER_PULSES, this::side);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMinWidth(SIDE_MIN_WIDTH);
        HBox bottom = new HBox(12, LaterPart.afterPulses("cost-clusters-slot", CLUSTERS_AFTER_PULSES,
                this::clustersTable), side);
        SplitPane body = new SplitPane(FirstRowsInParts.area(table), bottom);
        body.setId("cost-split");
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.5);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox here = new VBox(8, toolbar(), message, requestsNote, body);
        Tab current = new Tab("This environment", here);
        current.setId("cost-tab-current");
        TabPane pages = new TabPane(current);
        pages.setId("cost-tabs");
        pages.getTabs().addAll(tabs);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        io.harbormaster.views.shared.TabContents.whenFirstSelected(pages);
        VBox.setVgrow(pages, Priority.ALWAYS);
        getChildren().addAll(header, pages);
        setSpacing(8);
        setPadding(new Insets(0, 12, 12, 12));
    }

    /** What repacking a cluster would save, and the prices folded away. */
    private ScrollPane side() {
        TitledPane prices = new TitledPane("Prices used and effective rates", null);
        prices.setId("cost-prices-pane");
        prices.setExpanded(false);
        prices.setAnimated(false);
        fillWhenFirstUnfolded(prices);
        VBox sideContent = new VBox(8, repackPanel(), prices);
        ScrollPane side = new ScrollPane(sideContent);
        side.setId("cost-side");
        side.setFitToWidth(true);
        side.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        // unfolded, the rates are scrolled into view once laid out: the rate editor is the pane's last line
        sideContent.heightProperty().addListener((o, was, now) -> side.setVvalue(prices.isExpanded()
                ? side.getVmax() : side.getVmin()));
        return side;
    }

    private HBox toolbar() {
        Label totals = new Label();
        totals.setId("cost-totals");
        totals.textProperty().bind(Bindings.createStringBinding(() -> {
            var b = viewModel.breakdownProperty().get();
            if (b == null) {
                String waiting = viewModel.waitingProperty().get();
                return viewModel.busyProperty().get() ? "Costing the fleet…" : waiting.isEmpty()
                        ? "No fleet to cost yet"
                        : "Waiting for every task (" + waiting + ")";
            }
            return "Hosts " + monthly(b.bill()) + "/month · services " + monthly(b.totalOf(CostLine.Kind.SERVICE))
                    + " · idle " + monthly(b.totalOf(CostLine.Kind.IDLE)) + " · stranded "
                    + monthly(b.totalOf(CostLine.Kind.STRANDED));
        }, viewModel.breakdownProperty(), viewModel.busyProperty(), viewModel.waitingProperty()));
        // A half of side by side is narrow: the totals, or how far a large fleet's tasks are, wrap before the button
        totals.setWrapText(true);
        totals.setMinWidth(0);
        totals.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button("Export CSV…");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setId("cost-export");
        export.disableProperty().bind(Bindings.isEmpty(viewModel.rows()));
        export.setOnAction(e -> chooseExport());
        HBox bar = new HBox(10, totals, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(FleetStyles.TOOLBAR);
        return bar;
    }

    private void buildTable() {
        table.setId("cost-table");
        table.setItems(new javafx.collections.transformation.SortedList<>(
                io.harbormaster.views.shared.RowsAfterFirstFrame.of(table, viewModel.rows())));
        ((javafx.collections.transformation.SortedList<CostRow>) table.getItems()).comparatorProperty()
                .bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(notCostedYet());
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<CostRow, Double> monthly = CostColumns.number("Per month", CostRow::usdPerMonth, CostView::money);
        monthly.setSortType(TableColumn.SortType.DESCENDING);
        monthly.setMinWidth(Headings.width(monthly.getText())); // sorted on: its arrow shows
        TableColumn<CostRow, Number> tasks = new TableColumn<>("Tasks");
        tasks.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tasks()));
        TableColumn<CostRow, String> kind = CostColumns.text("Kind", r -> r.kind().name().toLowerCase(Locale.ROOT));
        TableColumn<CostRow, Double> share = CostColumns.number("Share", CostRow::share, CostView::share);
        tasks.setMinWidth(Headings.tightWidth(tasks.getText()));
        TableColumn<CostRow, Double> perThousand = CostColumns.number("Per 1k req", CostRow::usdPerThousandRequests,
                CostView::perThousand);
        perThousand.setComparator(CostColumns.NAN_LAST);
        TableColumn<CostRow, String> cluster = CostColumns.text("Cluster", CostRow::cluster);
        TableColumn<CostRow, String> line = CostColumns.text("Line", CostRow::name);
        table.getColumns().setAll(List.of(cluster, line, kind, tasks, monthly, share, perThousand));
        // Each column as wide as its widest value ("warehouse-loader", "stranded", "$6,249.87"): none is cut.
        ColumnWidths.fitRows(table, cluster, CostRow::cluster);
        ColumnWidths.fitRows(table, line, CostRow::name);
        ColumnWidths.fitRows(table, kind, r -> r.kind().name().toLowerCase(Locale.ROOT));
        ColumnWidths.fitRows(table, tasks, r -> Integer.toString(r.tasks()));
        ColumnWidths.fitRows(table, monthly, r -> money(r.usdPerMonth()));
        ColumnWidths.fitRows(table, share, r -> share(r.share()));
        ColumnWidths.fitRows(table, perThousand, r -> perThousand(r.usdPerThousandRequests()));
        table.getSortOrder().add(monthly);
        // In half a window (side by side) which line, of which cluster, its tasks and what it costs a month stay; the
        // cost per 1,000 requests goes first, then the share, then the kind (an idle or stranded line says so in its
        // name), and the tasks last, rather than scroll the cost past the edge. "Export CSV…" writes them all.
        ColumnPriority.dropToFit(table, List.of(perThousand, share, kind, tasks));
        // Ctrl+C copies rows as shown; "Export CSV…" above writes the whole table in machine units.
        io.harbormaster.views.shared.TableCsv.offerCopy(table);
    }

    /** What an empty table of costs says: nothing to cost, or a large fleet's tasks still loading. */
    private Label notCostedYet() {
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.when(viewModel.waitingProperty().isEmpty())
                .then("No fleet costed yet").otherwise("Costed once every task is in"));
        return placeholder;
    }

    private TableView<ClusterCost> clustersTable() {
        TableView<ClusterCost> clusters = new TableView<>();
        clusters.setId("cost-clusters");
        var sorted = new javafx.collections.transformation.SortedList<>(
                io.harbormaster.views.shared.RowsAfterFirstFrame.of(clusters, viewModel.clusters()));
        sorted.comparatorProperty().bind(clusters.comparatorProperty());
        clusters.setItems(sorted);
        clusters.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        clusters.setPlaceholder(notCostedYet()); // JavaFX's own "No content in table" said nothing of why
        TableColumn<ClusterCost, Number> hosts = new TableColumn<>("Hosts");
        hosts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().hosts()));
        hosts.setMinWidth(Headings.tightWidth(hosts.getText()));
        hosts.setMaxWidth(Headings.width(hosts.getText()));
        // A cluster's month runs to five figures: in whole dollars each amount fits its column at 1280×800 (with
        // cents Idle read "$3,48…"); the services table and the totals above keep the cents.
        List<TableColumn<ClusterCost, Double>> money = List.of(
                CostColumns.number("Per month", ClusterCost::usdPerMonth, CostView::dollars),
                CostColumns.number("Idle", ClusterCost::idleUsdPerMonth, CostView::dollars),
                CostColumns.number("Stranded", ClusterCost::strandedUsdPerMonth, CostView::dollars));
        TableColumn<ClusterCost, String> name = CostColumns.text("Cluster", ClusterCost::name);
        clusters.getColumns().setAll(List.of(name, hosts, money.get(0), money.get(1), money.get(2)));
        clusters.getStyleClass().add(Styles.DENSE);
        ColumnWidths.fitRows(clusters, name, ClusterCost::name);
        ColumnWidths.fitRows(clusters, money.get(0), c -> dollars(c.usdPerMonth()));
        ColumnWidths.fitRows(clusters, money.get(1), c -> dollars(c.idleUsdPerMonth()));
        ColumnWidths.fitRows(clusters, money.get(2), c -> dollars(c.strandedUsdPerMonth()));
        io.harbormaster.views.shared.TableCsv.offerCopy(clusters);
        // Beside the what-if it keeps its columns' width while there is room; narrower (half a window, side by side)
        // it gives way rather than squeeze the what-if to "Repack c…": the stranded and idle lines go first (the
        // lines above have them), then the hosts, the bill stays
        ColumnPriority.dropToFit(clusters, List.of(money.get(2), money.get(1), hosts));
        // as wide as all its columns where there is room (hidden for room, a column would not widen it again), never
        // narrower than the cluster and its bill (and the scroll bar): the what-if takes the rest
        clusters.prefWidthProperty().bind(name.minWidthProperty().add(hosts.minWidthProperty())
                .add(money.get(0).minWidthProperty()).add(money.get(1).minWidthProperty())
                .add(money.get(2).minWidthProperty()).add(20));
        clusters.minWidthProperty().bind(name.minWidthProperty().add(money.get(0).minWidthProperty()).add(20));
        return clusters;
    }

    /**
     * The prices and the rate editor made the first time they are unfolded: folded, they were still styled with the
     * page's first frame.
     */
    private void fillWhenFirstUnfolded(TitledPane prices) {
        WhenFirst.isTrue(prices.expandedProperty(), () -> {
            VBox content = new VBox(8, pricesBox(), rateEditor());
            io.harbormaster.views.shared.IdPrefix.follow(prices, content);
            prices.setContent(content);
        });
    }

    private VBox pricesBox() {
        Label heading = new Label("Prices used (list: on-demand Linux, shared tenancy, AWS Price List API)");
        heading.getStyleClass().add(HarbormasterStyles.MUTED);
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        VBox lines = new VBox(2);
        lines.setId("cost-prices");
        Runnable fill = () -> lines.getChildren().setAll(viewModel.prices().stream().map(p -> {
            String fetched = "on-demand list price from the Price List API, fetched ";
            return new Label(String.format(Locale.ROOT, "%s  $%.4f/h · %s", p.instanceType(), p.usdPerHour(),
                    p.source().startsWith(fetched) ? "list price of " + p.source().substring(fetched.length())
                            : p.source()));
        }).toList());
        viewModel.prices().addListener((javafx.collections.ListChangeListener<PriceUsed>) c -> fill.run());
        return new VBox(4, heading, lines);
    }

    private FlowPane rateEditor() {
        ChoiceBox<String> type = new ChoiceBox<>(viewModel.instanceTypes());
        type.setId("cost-rate-type");
        // sized to the type it shows: sized once while the list was empty, the arrow covered "c5.4xlarg…"'s last letter
        WrappingToolbar.fitToValue(type);
        TextField rate = new TextField();
        rate.setId("cost-rate-value");
        rate.setPromptText("$ an hour");
        rate.setPrefColumnCount(7);
        Button set = new Button("Set rate");
        set.setId("cost-rate-set");
        set.disableProperty().bind(type.valueProperty().isNull().or(rate.textProperty().isEmpty()));
        set.setOnAction(e -> {
            try {
                viewModel.setRate(type.getValue(), Double.parseDouble(rate.getText().trim().replace("$", "")));
            } catch (IllegalArgumentException ex) {
                rate.setText("");
                rate.setPromptText("a non-negative amount");
            }
        });
        Button clear = new Button("List price");
        clear.setId("cost-rate-clear");
        clear.disableProperty().bind(type.valueProperty().isNull());
        clear.setOnAction(e -> viewModel.clearRate(type.getValue()));
        Label label = new Label("Effective rate");
        // Never cut ("Effective…", "Set…" once an instance type widened the choice at 1280×800): the row wraps.
        for (javafx.scene.control.Control c : List.of(label, type, set, clear)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane box = new FlowPane(6, 6, label, type, rate, set, clear);
        box.setPrefWrapLength(460);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox repackPanel() {
        ChoiceBox<String> cluster = new ChoiceBox<>(viewModel.clusterNames());
        cluster.setId("cost-repack-cluster");
        ChoiceBox<String> target = new ChoiceBox<>(viewModel.instanceTypes());
        target.setId("cost-repack-type");
        // Each sized to the value it shows, whether its choices came before it was built or after (a choice box
        // sizes itself to its widest choice only if they were there first), and without styling its unopened list.
        WrappingToolbar.fitToValue(cluster);
        WrappingToolbar.fitToValue(target);
        CheckBox dynamic = new CheckBox("Dynamic host ports");
        dynamic.setId("cost-repack-dynamic");
        dynamic.setSelected(viewModel.portModeProperty().get() == PortMode.DYNAMIC);
        dynamic.selectedProperty().addListener((o, was, now) -> viewModel.portModeProperty()
                .set(now ? PortMode.DYNAMIC : PortMode.STATIC));
        Button run = new Button("What if");
        run.setId("cost-repack-run");
        run.disableProperty().bind(cluster.valueProperty().isNull().or(target.valueProperty().isNull()));
        run.setOnAction(e -> viewModel.repack(cluster.getValue(), target.getValue()));
        Button show = new Button("Show on Hosts");
        show.setId("cost-repack-show");
        show.setTooltip(new javafx.scene.control.Tooltip("Today's packing and the repacked one on the Hosts canvas"));
        show.disableProperty().bind(viewModel.repackProperty().isNull());
        show.setOnAction(e -> navigator.go(new Destination.RepackOnHosts(viewModel.repackProperty().get())));
        FlowPane controls = new FlowPane(8, 6, new Label("Repack cluster"), cluster, new Label("onto"), target, dynamic,
                run, show);
        controls.setAlignment(Pos.CENTER_LEFT);
        // it wraps at the width it is given (FlowPane prefers 400 px, and the side scrolled sideways in a half)
        controls.setPrefWrapLength(SIDE_MIN_WIDTH - 20);
        Label result = new Label("Nothing changes in AWS: the tasks running now, packed again the way binpack would");
        result.setId("cost-repack-result");
        result.setWrapText(true);
        Label blockers = new Label();
        blockers.setId("cost-repack-blockers");
        blockers.setWrapText(true);
        blockers.getStyleClass().add(HarbormasterStyles.MUTED);
        viewModel.repackProperty().addListener((o, was, r) -> {
            if (r != null) {
                result.setText(RepackText.summary(r));
                blockers.setText(RepackText.blockers(r));
            }
        });
        VBox panel = new VBox(6, controls, result, blockers);
        panel.setId("cost-repack");
        panel.getStyleClass().add(FleetStyles.TOOLBAR);
        return panel;
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the cost table");
        chooser.setInitialFileName("harbormaster-cost.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            viewModel.exportTo(file.toPath(), List.copyOf(table.getItems()));
        }
    }

    private static String monthly(double usdPerHour) {
        return money(usdPerHour * CostRules.HOURS_PER_MONTH);
    }

    static String money(double usd) {
        return RepackText.money(usd);
    }

    static String share(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String perThousand(double usd) {
        return Double.isNaN(usd) ? "" : String.format(Locale.ROOT, "$%.5f", usd);
    }

    static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,.0f", usd);
    }
}
