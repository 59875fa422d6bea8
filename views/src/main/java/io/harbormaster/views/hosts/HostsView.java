package io.harbormaster.views.hosts;

import io.harbormaster.views.fleet.FleetBanner;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.LaterPart;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.shared.WrappingToolbar;
import io.harbormaster.views.theme.HarbormasterStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Hosts page: the bin-packing canvas with its grouping, order, service highlight and legend, and the picked
 * host's detail beside it.
 */
public final class HostsView extends VBox {

    private final HostsCanvas canvas;
    private final HostDetailViewModel detailModel;
    /** Built when a host is first picked; what can be done to a picked task waits for it. */
    private HostDetailView detail;
    private final java.util.List<Region> taskActions = new java.util.ArrayList<>();
    private final ComboBox<HostsViewModel.ServiceChoice> service = new ComboBox<>();
    private boolean syncing;

    public HostsView(HostsViewModel viewModel) {
        setId("hosts-view");
        getStyleClass().add(HarbormasterStyles.PAGE);
        getStylesheets().add(FleetStyles.stylesheet());

        Label title = new Label("Hosts");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label where = new Label();
        where.setId("hosts-where");
        where.getStyleClass().add(HarbormasterStyles.PAGE_SUBTITLE);
        where.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fleet().sessionProperty().get() == null
                ? "no environment" : viewModel.fleet().sessionProperty().get().environment().displayName() + " · "
                        + viewModel.fleet().sessionProperty().get().region(), viewModel.fleet().sessionProperty()));

        ChoiceBox<HostLayout.Grouping> grouping = new ChoiceBox<>();
        grouping.setId("hosts-group");
        grouping.getItems().setAll(HostLayout.Grouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        ChoiceBox<HostLayout.Order> order = new ChoiceBox<>();
        order.setId("hosts-order");
        order.getItems().setAll(HostLayout.Order.values());
        order.valueProperty().bindBidirectional(viewModel.orderProperty());

        service.setId("hosts-service");
        service.setPromptText("Light up a service…");
        service.setItems(viewModel.services());
        service.setVisibleRowCount(16);
        service.setPrefWidth(240);
        service.setMinWidth(120);
        service.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                viewModel.highlight(now == null ? null : now.arn());
            }
        });
        viewModel.highlightedProperty().addListener((obs, old, now) -> syncChoice(viewModel));
        viewModel.services().addListener((javafx.collections.ListChangeListener<HostsViewModel.ServiceChoice>) c ->
                syncChoice(viewModel));
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setId("hosts-clear-highlight");
        clear.setOnAction(e -> viewModel.highlight(null));
        clear.disableProperty().bind(viewModel.highlightedProperty().isNull());

        canvas = new HostsCanvas(viewModel);
        detailModel = viewModel.detail();
        HBox.setHgrow(canvas, Priority.ALWAYS);
        HBox body = new HBox(10, canvas, LaterPart.whenShown("hosts-detail-slot",
                viewModel.detail().detailProperty().isNotNull(), this::detail));
        body.setId("hosts-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        Button zoomIn = iconButton("hosts-zoom-in", Material2AL.ADD, "Zoom in (+)", () -> canvas.zoomBy(1.25));
        Button zoomOut = iconButton("hosts-zoom-out", Material2MZ.REMOVE, "Zoom out (-)", () -> canvas.zoomBy(0.8));
        Button fit = iconButton("hosts-zoom-fit", Material2MZ.ZOOM_OUT_MAP, "Fit every host in view (0)", canvas::fit);
        Button reset = iconButton("hosts-zoom-reset", Material2AL.FILTER_1, "Back to the top at 100% (Home)",
                canvas::reset);

        HBox header = new HBox(10, title, where);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(HarbormasterStyles.PAGE_HEADER);
        Label groupBy = new Label("Group by");
        groupBy.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton measured = new ToggleButton("Show measured use");
        measured.setId("hosts-measured");
        measured.setTooltip(new Tooltip("Each bar's dark band: measured CPU or memory; its outline: what is reserved"));
        measured.setMinWidth(Region.USE_PREF_SIZE);
        measured.selectedProperty().bindBidirectional(viewModel.showMeasuredProperty());
        // Narrower than 1280 px the service and zoom controls move under the choices rather than squeeze them.
        WrappingToolbar.fitToValue(grouping);
        WrappingToolbar.fitToValue(order);
        WrappingBar toolbar = WrappingToolbar.of(new Node[] {groupBy, grouping, order, measured},
                new Node[] {service, clear, zoomIn, zoomOut, fit, reset});
        toolbar.getStyleClass().add(FleetStyles.TOOLBAR);

        Label summary = new Label();
        summary.setId("hosts-summary");
        summary.getStyleClass().add(HarbormasterStyles.MUTED);
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        VBox footer = new VBox(4, summary, legend(viewModel));

        Label measuredNote = new Label();
        measuredNote.setId("hosts-measured-note");
        measuredNote.getStyleClass().add(FleetStyles.NOTICE);
        measuredNote.setWrapText(true);
        measuredNote.textProperty().bind(viewModel.measuredNoteProperty());
        measuredNote.visibleProperty().bind(viewModel.measuredNoteProperty().isNotEmpty());
        measuredNote.managedProperty().bind(measuredNote.visibleProperty());

        getChildren().addAll(header, toolbar, measuredNote, new FleetBanner(viewModel.fleet(), "hosts-banner"),
                LaterPart.whenShown("hosts-whatif-slot", viewModel.repackProperty().isNotNull(),
                        () -> new RepackBar(viewModel)), body, footer);
    }

    /**
     * What can be done to the task picked on a host: {@code button} in the host's detail, {@code item} in a task
     * block's context menu.
     */
    public void addTaskAction(Region button, MenuItem item) {
        taskActions.add(button);
        if (detail != null) {
            detail.addTaskAction(button);
        }
        canvas.taskMenu().getItems().add(item);
    }

    private HostDetailView detail() {
        detail = new HostDetailView(detailModel);
        taskActions.forEach(detail::addTaskAction);
        return detail;
    }

    public HostsCanvas canvas() {
        return canvas;
    }

    private void syncChoice(HostsViewModel viewModel) {
        syncing = true;
        try {
            service.setValue(viewModel.highlightedChoice());
        } finally {
            syncing = false;
        }
    }

    /** Wraps onto a second line rather than running past the window's edge. */
    private static Node legend(HostsViewModel viewModel) {
        Label unread = swatch(FleetStyles.SWATCH_UNREAD, "Reserved, tasks still loading");
        unread.visibleProperty().bind(viewModel.loadingTasksProperty().isNotNull());
        unread.managedProperty().bind(unread.visibleProperty());
        FlowPane legend = new FlowPane(14, 2,
                swatch(FleetStyles.SWATCH_TASK, "Task, by service: CPU bar over memory bar"), unread,
                swatch(FleetStyles.SWATCH_FREE, "Free"),
                swatch(FleetStyles.SWATCH_STRANDED, "Stranded"),
                swatch(FleetStyles.SWATCH_PORT_BLOCKED, "Port-blocked"),
                new Label("Drag or scroll to move · Ctrl+scroll or +/− to zoom · click a task for its service"));
        legend.setId("hosts-legend");
        legend.getStyleClass().add(FleetStyles.LEGEND);
        legend.setAlignment(Pos.CENTER_LEFT);
        return legend;
    }

    /** A sample of what the canvas draws; its colours come from fleet.css, the same theme variables as the canvas. */
    private static Label swatch(String styleClass, String text) {
        Rectangle box = new Rectangle(14, 10);
        box.getStyleClass().addAll(FleetStyles.SWATCH, styleClass);
        Label label = new Label(text, box);
        label.setGraphicTextGap(6);
        return label;
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(io.harbormaster.views.actions.ActionFactory.tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
