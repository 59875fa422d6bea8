package io.harbormaster.views.services;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.actions.ActionFactory;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.fleet.FleetBanner;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.fleet.TableSelection;
import io.harbormaster.views.lifecycle.BusySpinner;
import io.harbormaster.views.shared.FirstRowsInParts;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.shared.services.ServiceRow;
import io.harbormaster.views.shared.services.ServicesTable;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Services page: every service of the environment, problems first, and the selected one's detail below. */
public final class ServicesView extends VBox {

    private final ServiceDetailView detail;
    /** Where the divider sits while a service's detail is shown, and while none is selected. */
    private static final double SELECTED_DIVIDER = 0.52;
    private static final double EMPTY_DIVIDER = 0.9;

    private final TextField filter = new TextField();
    private final TableView<ServiceRow> table;
    private final ServicesHeader header;
    private boolean syncing;

    public ServicesView(ServicesViewModel viewModel, FleetNavigator navigator, Runnable refresh) {
        setId("services-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(FleetStyles.stylesheet());
        FleetViewModel fleet = viewModel.fleet();

        Label title = new Label("Services");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label where = new Label();
        where.setId("services-where");
        where.getStyleClass().add(HarbormasterStyles.PAGE_SUBTITLE);
        where.textProperty().bind(Bindings.createStringBinding(() -> describe(fleet.sessionProperty().get()),
                fleet.sessionProperty()));

        filter.setId("services-filter");
        // Short enough to read whole at 1280 px beside the page's buttons; the tooltip says it in full.
        filter.setPromptText("Filter: name, cluster, image, reason");
        filter.setTooltip(new javafx.scene.control.Tooltip(
                "Filter by name, cluster, image or reason (Ctrl+F); Esc clears it"));
        filter.setPrefColumnCount(26);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                event.consume();
            }
        });
        filter.disableProperty().bind(fleet.sessionProperty().isNull());
        ToggleButton problems = new ToggleButton("Needs attention", new FontIcon(Material2MZ.WARNING));
        problems.setId("services-problems-only");
        problems.selectedProperty().bindBidirectional(viewModel.problemsOnlyProperty());
        Button reload = new Button(null, new FontIcon(Material2MZ.REFRESH));
        reload.setId("services-refresh");
        reload.setTooltip(ActionFactory.tooltip(StandardAction.REFRESH.tooltip()));
        reload.disableProperty().bind(fleet.sessionProperty().isNull());
        reload.setOnAction(event -> refresh.run());
        // Only the filter gives way when the page is narrow: titles and buttons keep their whole text.
        filter.setMinWidth(140);
        for (Region whole : List.of(title, where, problems, reload)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        header = new ServicesHeader(title, where, filter, problems, reload);

        Label saved = new Label();
        saved.setId("services-saved");
        table = ServicesTable.create("services-table", viewModel.rows(), false,
                io.harbormaster.views.shared.CsvSaving.withDialog(viewModel.executor(), saved));
        io.harbormaster.views.shared.CliCommandMenu.add("services-copy-cli", table, fleet.sessionProperty()::get,
                CopyCliCommand::commandFor);
        table.setPlaceholder(placeholder(viewModel));
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncing && row != null) {
                viewModel.selectedProperty().set(row.arn());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, arn) -> selectInTable(arn));
        table.getItems().addListener((javafx.collections.ListChangeListener<ServiceRow>) c ->
                selectInTable(viewModel.selectedProperty().get()));

        detail = new ServiceDetailView(viewModel, navigator);
        SplitPane split = new SplitPane(FirstRowsInParts.area(table), detail);
        split.setId("services-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(SELECTED_DIVIDER);
        keepDetailSmallWhileEmpty(split, viewModel);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("services-summary");
        summary.getStyleClass().add(HarbormasterStyles.MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        Sentences.wrapping(summary);

        getChildren().addAll(header, new FleetBanner(fleet, "services-banner"), split, summary, saved);
    }

    /**
     * Runs {@code decorate} once the detail is built (it is built after the page first shows): a page's own tabs and
     * actions for it, added through the {@link DetailDecorations} given.
     */
    public void whenDetailBuilt(Consumer<DetailDecorations> decorate) {
        detail.whenBuilt(content -> decorate.accept(new DetailDecorations(content)));
    }

    /** What a page may add to the built detail. */
    public static final class DetailDecorations {

        private final ServiceDetailContent content;

        private DetailDecorations(ServiceDetailContent content) {
            this.content = content;
        }

        /** A tab after the detail's own (Stopped tasks). */
        public void addTab(javafx.scene.control.Tab tab) {
            content.addTab(tab);
        }

        /** An action for the task selected in the Tasks tab (Stop task…), with its item for the context menu. */
        public void addTaskAction(javafx.scene.Node action, javafx.scene.control.MenuItem item) {
            content.addTaskAction(action);
            content.taskMenu().getItems().add(item);
        }

        /** The task selected in the Tasks tab; null for none. */
        public javafx.beans.value.ObservableValue<ServiceDetail.TaskRow> selectedTask() {
            return content.selectedTask();
        }

        /** An action for the service the detail shows (Deploy…), beside its own. */
        public void addAction(javafx.scene.Node action) {
            content.addAction(action);
        }
    }

    /** An action for the selected service (Scale service…), placed before the refresh button, never cut. */
    public void addHeaderAction(Region action) {
        header.addAction(action);
    }

    /**
     * With no service selected the detail pane holds one line: the table takes the height. Selecting one gives
     * the detail back the share it had (the operator's own, if they dragged the divider).
     */
    private static void keepDetailSmallWhileEmpty(SplitPane split, ServicesViewModel viewModel) {
        double[] shared = {SELECTED_DIVIDER};
        Runnable place = () -> {
            if (viewModel.detailProperty().get() == null) {
                split.setDividerPositions(EMPTY_DIVIDER);
            } else {
                split.setDividerPositions(shared[0]);
            }
        };
        viewModel.detailProperty().addListener((obs, old, now) -> {
            if (old != null && now == null) {
                shared[0] = split.getDividerPositions()[0];
            }
            if ((old == null) != (now == null)) {
                place.run();
            }
        });
        place.run();
    }

    /** The rows selected (several with Ctrl/Shift+click): "Deploy…" deploys them one after the other. */
    public javafx.collections.ObservableList<ServiceRow> selectedRows() {
        return table.getSelectionModel().getSelectedItems();
    }

    /** Ctrl+F lands here. */
    public void focusFilter() {
        if (!filter.isDisabled()) {
            filter.requestFocus();
            filter.selectAll();
        }
    }

    private void selectInTable(String arn) {
        syncing = true;
        try {
            TableSelection.selectAndReveal(table, ServiceRow::arn, arn);
        } finally {
            syncing = false;
        }
    }

    private static VBox placeholder(ServicesViewModel viewModel) {
        Label message = new Label();
        message.setId("services-placeholder");
        message.setWrapText(true);
        message.getStyleClass().add(HarbormasterStyles.PLACEHOLDER_TEXT);
        message.textProperty().bind(viewModel.placeholderProperty());
        BusySpinner spinner = new BusySpinner(28);
        spinner.visibleProperty().bind(viewModel.fleet().stateProperty().isEqualTo(FleetViewModel.State.LOADING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        VBox box = new VBox(10, spinner, message);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(480);
        return box;
    }

    private static String describe(EnvironmentSession session) {
        return session == null ? "no environment" : session.environment().displayName() + " · " + session.region();
    }
}
