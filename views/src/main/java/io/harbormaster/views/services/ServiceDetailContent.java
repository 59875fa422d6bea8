package io.harbormaster.views.services;

import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.model.fleet.TargetHealth;
import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.FittingTabPane;
import io.harbormaster.views.shared.LaterPart;
import io.harbormaster.views.text.DateText;
import io.harbormaster.views.theme.HarbormasterStyles;
import io.harbormaster.views.shared.WrappingBar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The selected service: deployments, events, containers, placement and targets, tasks and their hosts. Shows only
 * while a service is selected.
 */
final class ServiceDetailContent extends VBox {

    /** The first pulse styles the head; the next makes the tabs. */
    private static final int TABS_AFTER_PULSES = 2;
    /**
     * The least height of the detail's tables and lists: their headings and two rows (39 px each in the theme). Half
     * a window at 1280×800 in prod gave them their headings only ("Deployments", then no deployment); with this the
     * split gives the detail the room and the services above the rest.
     */
    static final double ROWS_MIN_HEIGHT = 120;

    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label reason = new Label();
    private final TableView<Deployment> deployments = new TableView<>();
    private final ListView<ServiceEvent> events = new ListView<>();
    private final VBox containers = new VBox(10);
    private final Label strategy = new Label();
    private final Label constraints = new Label();
    private final TableView<TargetHealth> targets = new TableView<>();
    private final TableView<ServiceDetail.TaskRow> tasks = new TableView<>();
    private final TabPane tabs = new FittingTabPane();
    private final HBox taskActions = new HBox(8);
    private WrappingBar head;

    /** A tab after the detail's own (Stopped tasks). */
    void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    /** An action for the task selected in the Tasks tab (Stop task…), above the tasks. */
    void addTaskAction(javafx.scene.Node action) {
        taskActions.getChildren().add(action);
    }

    /** The task selected in the Tasks tab; null for none. */
    javafx.beans.value.ObservableValue<ServiceDetail.TaskRow> selectedTask() {
        return tasks.getSelectionModel().selectedItemProperty();
    }

    /** The Tasks table's context menu, for a page's own items. */
    javafx.scene.control.ContextMenu taskMenu() {
        return tasks.getContextMenu();
    }

    /** An action for the service shown (Deploy…), after the detail's own. */
    void addAction(javafx.scene.Node action) {
        head.getChildren().add(action);
    }

    ServiceDetailContent(ServicesViewModel viewModel, FleetNavigator navigator) {
        super(8);
        title.setId("service-detail-name");
        title.getStyleClass().add(FleetStyles.DETAIL_TITLE);
        subtitle.setId("service-detail-where");
        subtitle.getStyleClass().add(HarbormasterStyles.MUTED);
        reason.setId("service-detail-reason");
        reason.setWrapText(true);
        // why a service needs the operator, whole: the tabs below give up the room (it was one line cut to "…")
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.getStyleClass().add(FleetStyles.ATTENTION_REASON);
        reason.managedProperty().bind(reason.visibleProperty());

        Button onHosts = new Button("Show on hosts", new FontIcon(Material2AL.DNS));
        onHosts.setId("service-detail-show-hosts");
        onHosts.setOnAction(e -> navigator.showServiceOnHosts(viewModel.selectedProperty().get()));
        Button compare = new Button("Compare environments", new FontIcon(Material2AL.COMPARE_ARROWS));
        compare.setId("service-detail-compare");
        compare.setOnAction(e -> {
            if (viewModel.detailProperty().get() != null) {
                navigator.compareService(viewModel.detailProperty().get().service().name());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the service's name, where it runs and its actions: in two rows where half a window is too narrow for one
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        head = new WrappingBar(10, new VBox(2, title, subtitle), spacer, onHosts, compare);

        buildDeployments();
        buildTargets();
        buildTasks();
        Label tasksSaved = new Label();
        tasksSaved.setId("service-detail-tasks-saved");
        io.harbormaster.views.shared.TableCsv.offerCopy(tasks,
                io.harbormaster.views.shared.CsvSaving.withDialog(viewModel.executor(), tasksSaved), "tasks");
        io.harbormaster.views.shared.CliCommandMenu.add("service-detail-tasks-copy-cli", tasks,
                viewModel.fleet().sessionProperty()::get, (task, session) -> viewModel.detailProperty().get() == null
                        ? null : CopyCliCommand.commandFor(viewModel.detailProperty().get().service().clusterName(),
                        task.arn(), session));
        taskActions.setAlignment(Pos.CENTER_LEFT);
        VBox tasksPane = new VBox(6, taskActions, tasks, tasksSaved);
        VBox.setVgrow(tasks, Priority.ALWAYS);
        tasksPane.setStyle("-fx-padding: 6 0 0 0;");
        events.setId("service-detail-events");
        events.setMinHeight(ROWS_MIN_HEIGHT);
        events.setCellFactory(list -> new EventCell());
        containers.setId("service-detail-containers");
        ScrollPane containerScroll = new ScrollPane(containers);
        containerScroll.setFitToWidth(true);
        strategy.setId("service-detail-strategy");
        constraints.setId("service-detail-constraints");
        // Strategy and constraints side by side, the targets below in a pane that scrolls: at 1280×800 the three
        // stacked left the target-groups table no height at all.
        VBox strategyBox = new VBox(4, section("Placement strategy"), strategy);
        VBox constraintsBox = new VBox(4, section("Placement constraints"), constraints);
        HBox.setHgrow(strategyBox, Priority.ALWAYS);
        HBox.setHgrow(constraintsBox, Priority.ALWAYS);
        strategyBox.setMaxWidth(Double.MAX_VALUE);
        constraintsBox.setMaxWidth(Double.MAX_VALUE);
        targets.setMinHeight(110);
        targets.setPrefHeight(170);
        // side by side where they fit, one under the other in half a window; the strategy's words wrap
        strategy.setWrapText(true);
        constraints.setWrapText(true);
        VBox placementBox = new VBox(6, new WrappingBar(24, strategyBox, constraintsBox),
                section("Target groups and target health"), targets);
        VBox.setVgrow(targets, Priority.ALWAYS);
        placementBox.setStyle("-fx-padding: 8 0 0 0;");
        ScrollPane placement = new ScrollPane(placementBox);
        placement.setFitToWidth(true);
        placement.setId("service-detail-placement");

        tabs.setId("service-detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("Deployments", deployments), tab("Events", events),
                tab("Containers", containerScroll), tab("Placement & targets", placement), tab("Tasks", tasksPane));
        io.harbormaster.views.shared.TabContents.whenFirstSelected(tabs);
        // The tabs in a pulse of their own after the rest: the tab pane's skin, its headers and the first tab's table
        // were most of the frame that first styles the detail (46–73 ms of UI-thread work on a cold JVM).
        StackPane tabsSlot = LaterPart.afterPulses("service-detail-tabs-slot", TABS_AFTER_PULSES, () -> tabs);
        VBox.setVgrow(tabsSlot, Priority.ALWAYS);

        getChildren().addAll(head, reason, tabsSlot);
        VBox.setVgrow(this, Priority.ALWAYS);
        visibleProperty().bind(viewModel.detailProperty().isNotNull());
        managedProperty().bind(visibleProperty());

        viewModel.detailProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.detailProperty().get());
    }

    private void show(ServiceDetail d) {
        if (d == null) {
            return;
        }
        var s = d.service();
        title.setText(s.name());
        subtitle.setText(s.clusterName() + " · " + s.status() + " · " + (s.launchType().isEmpty() ? "capacity provider"
                : s.launchType()) + " · task definition " + d.taskDefinition() + " · " + s.runningCount() + "/"
                + s.desiredCount() + " running" + (s.pendingCount() > 0 ? ", " + s.pendingCount() + " pending" : ""));
        reason.setText(d.attention().reason());
        reason.setVisible(d.attention().needsAttention() && !d.attention().reason().isEmpty());
        deployments.getItems().setAll(d.deployments());
        events.getItems().setAll(d.events());
        containers.getChildren().setAll(d.containers().stream().map(ServiceDetailContent::container).toList());
        strategy.setText(d.placementStrategy());
        constraints.setText(d.placementConstraints());
        targets.getItems().setAll(d.targets());
        tasks.getItems().setAll(d.tasks());
        tabs.getTabs().get(4).setText("Tasks (" + d.tasks().size() + ")");
    }

    private static Node container(ServiceDetail.ContainerRow c) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        int row = 0;
        grid.addRow(row++, key("Image"), value(c.image()));
        grid.addRow(row++, key("CPU units"), value(Integer.toString(c.cpu())));
        grid.addRow(row++, key("Memory (MiB)"), value(c.memory() + (c.memoryReservation() > 0
                ? " hard, " + c.memoryReservation() + " reserved" : "")));
        grid.addRow(row++, key("Ports"), value(c.ports()));
        grid.addRow(row, key("Environment"), value(String.join("\n", c.environment())));
        Label name = new Label(c.name());
        name.getStyleClass().add(FleetStyles.SECTION_TITLE);
        VBox box = new VBox(4, name, grid);
        box.setId("container-" + c.name());
        return box;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(HarbormasterStyles.MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        label.setWrapText(true);
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(FleetStyles.SECTION_TITLE);
        return label;
    }

    private static Tab tab(String text, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId("service-tab-" + text.toLowerCase().replaceAll("[^a-z]+", "-"));
        return tab;
    }

    private void buildDeployments() {
        deployments.setId("service-detail-deployments");
        deployments.setMinHeight(ROWS_MIN_HEIGHT);
        deployments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        deployments.getColumns().addAll(List.of(col("Status", 80, Deployment::status),
                col("Rollout", 100, Deployment::rolloutState),
                col("Revision", 70, d -> Integer.toString(d.taskDefinitionRevision())),
                col("Desired", 60, d -> Integer.toString(d.desiredCount())),
                col("Running", 60, d -> Integer.toString(d.runningCount())),
                col("Pending", 60, d -> Integer.toString(d.pendingCount())),
                col("Failed", 55, d -> Integer.toString(d.failedTasks())),
                col("Updated", 120, d -> when(d.updatedAt())),
                col("Reason", 240, Deployment::rolloutStateReason)));
        io.harbormaster.views.shared.ColumnWidths.fitTextColumns(deployments);
        // In half a window (side by side) the deployment's status, rollout, revision and reason stay: the counts
        // (the service's row has running of desired) and the time go first, then the reason is cut (whole on hover)
        var columns = deployments.getColumns();
        ColumnPriority.giveWay(deployments, List.of(ColumnPriority.drop(columns.get(5)),
                ColumnPriority.drop(columns.get(6)), ColumnPriority.drop(columns.get(3)),
                ColumnPriority.drop(columns.get(7)), ColumnPriority.narrow(columns.get(8)),
                ColumnPriority.drop(columns.get(4))));
        deployments.setPlaceholder(new Label("No deployments."));
    }

    private void buildTargets() {
        targets.setId("service-detail-targets");
        targets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        targets.getColumns().addAll(List.of(col("Target group", 180, t -> io.harbormaster.model.fleet.Arns.name(
                        t.targetGroupArn().replaceFirst("/[0-9a-f]+$", ""))),
                col("Target", 150, t -> t.targetId() + ":" + t.port()),
                col("Health", 90, TargetHealth::state),
                col("Reason", 200, t -> t.reason() + (t.description().isEmpty() ? "" : " — " + t.description()))));
        io.harbormaster.views.shared.ColumnWidths.fitTextColumns(targets);
        // In half a window the target, its health and why stay; the target group (most services have one) goes first
        var columns = targets.getColumns();
        ColumnPriority.giveWay(targets, List.of(ColumnPriority.drop(columns.get(0)),
                ColumnPriority.narrow(columns.get(3))));
        targets.setPlaceholder(new Label("Not behind a target group."));
    }

    private void buildTasks() {
        tasks.setId("service-detail-tasks");
        tasks.setMinHeight(ROWS_MIN_HEIGHT);
        tasks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tasks.getColumns().addAll(List.of(col("Task", 150, ServiceDetail.TaskRow::taskId),
                col("Status", 80, ServiceDetail.TaskRow::status),
                col("Host", 150, ServiceDetail.TaskRow::host),
                col("Zone", 90, ServiceDetail.TaskRow::zone),
                col("Type", 90, ServiceDetail.TaskRow::instanceType),
                col("CPU", 55, t -> Integer.toString(t.cpu())),
                col("MiB", 60, t -> Integer.toString(t.memory())),
                col("Host ports", 80, ServiceDetail.TaskRow::ports),
                col("Started", 120, t -> when(t.startedAt()))));
        io.harbormaster.views.shared.ColumnWidths.fitTextColumns(tasks);
        // At 1280 px the whole ids and hosts left the start time past the edge: the task, its state, host and age
        // stay; zone, instance type, host ports, memory and CPU give way first (the host's row on Hosts has them).
        // In half a window (side by side) the task's id is cut next (whole on hover), then the host goes, then the age.
        var columns = tasks.getColumns();
        ColumnPriority.giveWay(tasks, List.of(ColumnPriority.drop(columns.get(3)), ColumnPriority.drop(columns.get(4)),
                ColumnPriority.drop(columns.get(7)), ColumnPriority.drop(columns.get(6)),
                ColumnPriority.drop(columns.get(5)), ColumnPriority.narrow(columns.get(0)),
                ColumnPriority.drop(columns.get(2)), ColumnPriority.drop(columns.get(8))));
        tasks.setPlaceholder(new Label("No tasks."));
    }

    static <T> TableColumn<T, String> col(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        io.harbormaster.views.shared.Headings.keepWhole(column, width);
        return column;
    }

    /** "3 days ago": narrow columns say how recent; the events list gives full dates. */
    private static String when(Instant instant) {
        return instant == null ? "" : DateText.age(instant, Instant.now());
    }

    private static final class EventCell extends ListCell<ServiceEvent> {
        @Override
        protected void updateItem(ServiceEvent item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(HarbormasterStyles.ATTENTION, !empty && item != null && item.unableToPlace());
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(DateText.date(item.createdAt(), ZoneId.systemDefault()) + "  " + item.message());
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
