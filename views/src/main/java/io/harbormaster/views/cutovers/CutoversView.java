package io.harbormaster.views.cutovers;

import io.harbormaster.model.cutover.Reconciliation;
import io.harbormaster.views.cutovers.live.CutoverLiveView;
import io.harbormaster.views.cutovers.live.CutoverLiveViewModel;
import io.harbormaster.views.cutovers.wizard.CutoverWizardView;
import io.harbormaster.views.cutovers.wizard.RouteText;
import io.harbormaster.views.theme.HarbormasterStyles;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Cutovers page: the list of weighted routes, or the wizard, or one cutover's live view. */
public final class CutoversView extends StackPane {

    private final CutoversViewModel viewModel;
    private final BorderPane list = new BorderPane();
    /** Narrower than this the lists go below the table: the table and its columns beside them need about 1,060 px. */
    private static final double NARROW = 900;
    /** Below the table, the lists' height: a list's heading and a recovered cutover's card. */
    private static final double BELOW_HEIGHT = 190;

    public CutoversView(CutoversViewModel viewModel) {
        this.viewModel = viewModel;
        setId("cutovers-page");
        getStyleClass().add(HarbormasterStyles.PAGE);
        buildList();
        viewModel.modeProperty().addListener((o, a, b) -> showMode());
        viewModel.wizardProperty().addListener((o, a, b) -> showMode());
        viewModel.liveProperty().addListener((o, a, b) -> showMode());
        showMode();
    }

    private void showMode() {
        Node content = switch (viewModel.modeProperty().get()) {
            case LIST -> list;
            case WIZARD -> viewModel.wizardProperty().get() == null ? list
                    : new CutoverWizardView(viewModel.wizardProperty().get(), viewModel::startWizardPlan,
                            viewModel::showList);
            case LIVE -> viewModel.liveProperty().get() == null ? list
                    : new CutoverLiveView(viewModel.liveProperty().get(), viewModel::showList);
        };
        getChildren().setAll(content);
    }

    private void buildList() {
        Label title = new Label("Cutovers");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label status = new Label();
        status.setId("cutovers-status");
        status.getStyleClass().add(HarbormasterStyles.MUTED);
        status.textProperty().bind(viewModel.statusProperty());
        Button start = new Button("Cut over…");
        start.setId("cutovers-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(viewModel.selectedProperty().isNull());
        start.setOnAction(e -> viewModel.openWizard());
        Button refresh = new Button("Refresh");
        refresh.setId("cutovers-refresh");
        refresh.setOnAction(e -> viewModel.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, status, grow, refresh, start);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<RouteRow> table = new TableView<>(viewModel.routes());
        table.setId("cutovers-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<TableColumn<RouteRow, String>> columns = List.of(column("Env.", 55, RouteRow::environmentName),
                column("Kind", 80, RouteRow::kind), column("Record or rule", 185, r -> r.route().displayName()),
                column("Effective split", 230, RouteRow::split), column("TTL", 50, RouteRow::ttl),
                column("In progress", 150, RouteRow::inProgress));
        table.getColumns().addAll(columns);
        // Every value whole: names, kinds, TTLs, and the split's weights however many targets it has (ALB: up to
        // five); who holds a cutover, the last column, may run long and is whole on hover.
        for (TableColumn<RouteRow, String> c : columns) {
            ColumnWidths.fitRows(table, c, c::getCellData, false,
                    c == columns.get(3) ? Integer.MAX_VALUE : ColumnWidths.WHOLE_CHARS);
            ColumnWidths.wholeInTooltip(c);
        }
        // In half a window (side by side, the lists below the table) the record and its split stay: the TTL goes
        // first, then the kind (the record's name says which), who holds a cutover in progress (blank but while one
        // runs) and the environment, rather than scroll the split past the edge. The CSV keeps them all.
        ColumnPriority.dropToFit(table, List.of(columns.get(4), columns.get(1), columns.get(5), columns.get(0)));
        table.setPlaceholder(new Label("No weighted Route 53 record or weighted ALB forward found yet"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.selectedProperty().set(b));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && viewModel.selectedProperty().get() != null) {
                viewModel.openWizard();
            }
        });

        Label problems = new Label();
        problems.setId("cutovers-environment-problems");
        problems.setWrapText(true);
        problems.pseudoClassStateChanged(HarbormasterStyles.ERROR, true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                viewModel.environmentProblems().values()), viewModel.environmentProblems()));
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());

        VBox recovered = new VBox(8, section("Open after a restart"), recoveredList());
        VBox running = new VBox(8, section("This console's cutovers"), runningList());

        Label saved = new Label();
        saved.setId("cutovers-saved");
        io.harbormaster.views.shared.TableCsv.offerCopy(table,
                io.harbormaster.views.shared.CsvSaving.withDialog(viewModel.executor(), saved), "weighted-routes");
        VBox center = new VBox(8, problems, table, saved);
        VBox.setVgrow(table, Priority.ALWAYS);
        list.setTop(header);
        list.setCenter(center);
        list.setPadding(new Insets(12));
        list.widthProperty().addListener((o, was, now) -> placeLists(recovered, running, now.doubleValue()));
        placeLists(recovered, running, 0);
    }

    /**
     * The two lists of cutovers beside the table, or below it, side by side, when the page is narrow (half a window,
     * side by side): beside it they left the table 205 px, its split past the edge.
     */
    private void placeLists(VBox recovered, VBox running, double width) {
        boolean below = width > 0 && width < NARROW;
        if ((below ? list.getBottom() : list.getRight()) != null) {
            return;
        }
        // below, each list fills its half of the strip; beside, the recovered keep their height and ours grow
        VBox.setVgrow(recovered.getChildren().get(1), below ? Priority.ALWAYS : Priority.NEVER);
        if (below) {
            HBox.setHgrow(recovered, Priority.ALWAYS);
            HBox.setHgrow(running, Priority.ALWAYS);
            recovered.setPrefWidth(0);
            running.setPrefWidth(0);
            HBox lists = new HBox(12, recovered, running);
            lists.setPrefHeight(BELOW_HEIGHT);
            lists.setMinHeight(BELOW_HEIGHT);
            lists.setPadding(new Insets(12, 0, 0, 0));
            list.setRight(null);
            list.setBottom(lists);
        } else {
            VBox.setVgrow(running, Priority.ALWAYS);
            recovered.setPrefWidth(Region.USE_COMPUTED_SIZE);
            running.setPrefWidth(Region.USE_COMPUTED_SIZE);
            VBox side = new VBox(8, recovered, running);
            // 270 rather than 300: at 1280×800 the table's every column then fits beside the lists (the TTL went)
            side.setPrefWidth(270);
            side.setMinWidth(240);
            side.setPadding(new Insets(0, 0, 0, 12));
            list.setBottom(null);
            list.setRight(side);
        }
    }

    private ListView<Reconciliation> recoveredList() {
        ListView<Reconciliation> view = new ListView<>(viewModel.recovered());
        view.setId("cutovers-recovered");
        view.setPrefHeight(260);
        view.setPlaceholder(new Label("No cutover was left open"));
        view.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Reconciliation rec, boolean empty) {
                super.updateItem(rec, empty);
                if (empty || rec == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label what = new Label(rec.plan().route().displayName() + " — " + rec.situation().name()
                        .replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
                what.setStyle("-fx-font-weight: bold");
                Label journal = new Label("Journal: " + RouteText.weights(rec.plan(), rec.checkpoint().requested())
                        + "\nLive now: " + (rec.live() == null ? "unknown" : RouteText.weights(rec.plan(), rec.live()))
                        + "\n" + rec.explanation());
                journal.setWrapText(true);
                journal.maxWidthProperty().bind(view.widthProperty().subtract(40));
                what.setWrapText(true);
                what.maxWidthProperty().bind(view.widthProperty().subtract(40));
                Button open = new Button("Open to resume or roll back");
                open.setId("cutovers-restore");
                open.setOnAction(e -> viewModel.restore(rec));
                setGraphic(new VBox(4, what, journal, open));
                setText(null);
            }
        });
        return view;
    }

    private ListView<CutoverLiveViewModel> runningList() {
        ListView<CutoverLiveViewModel> view = new ListView<>(viewModel.cutovers());
        view.setId("cutovers-running");
        view.setPlaceholder(new Label("None started in this run"));
        view.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CutoverLiveViewModel vm, boolean empty) {
                super.updateItem(vm, empty);
                textProperty().unbind();
                if (empty || vm == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.concat(vm.title(), "\n", vm.phaseText()));
            }
        });
        view.setOnMouseClicked(e -> {
            CutoverLiveViewModel vm = view.getSelectionModel().getSelectedItem();
            if (vm != null) {
                viewModel.showLive(vm);
            }
        });
        VBox.setVgrow(view, Priority.ALWAYS);
        return view;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HarbormasterStyles.PAGE_SUBTITLE);
        return l;
    }

    private static TableColumn<RouteRow, String> column(String title, double width, Function<RouteRow, String> value) {
        TableColumn<RouteRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
