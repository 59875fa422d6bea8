package io.harbormaster.views.cutovers.live;

import io.harbormaster.model.cutover.CutoverEvent;
import io.harbormaster.model.cutover.GateEvidence;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One cutover live: the split over time, where it stands and why, the last gate decision's evidence on both sides,
 * everything that happened, and the controls (pause, resume, promote, roll back, abort, take over a stale lock).
 */
public final class CutoverLiveView extends BorderPane {

    public CutoverLiveView(CutoverLiveViewModel vm, Runnable back) {
        setId("cutover-live");
        setPadding(new Insets(12));
        Label title = new Label(vm.title());
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        Label phase = new Label();
        phase.setId("cutover-live-phase");
        phase.textProperty().bind(vm.phaseText());
        Button list = new Button("All cutovers");
        list.setId("cutover-live-back");
        list.setOnAction(e -> back.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, phase, grow, list);
        header.setAlignment(Pos.CENTER_LEFT);

        Button pause = button("cutover-pause", "Pause", vm::pause);
        pause.disableProperty().bind(vm.finishedProperty().or(vm.pausedProperty()).or(vm.rollingBackProperty()));
        Button resume = button("cutover-resume", "Resume", vm::resume);
        resume.disableProperty().bind(vm.pausedProperty().not());
        Button promote = button("cutover-promote", "Promote to 100 %", vm::promote);
        promote.disableProperty().bind(vm.finishedProperty().or(vm.rollingBackProperty()).or(vm.blockedProperty()));
        Button rollBack = button("cutover-rollback", "Roll back", vm::rollBack);
        rollBack.disableProperty().bind(vm.finishedProperty().or(vm.rollingBackProperty())
                .or(vm.blockedProperty()));
        Button abort = button("cutover-abort", "Abort (stay here)", vm::abort);
        abort.disableProperty().bind(vm.finishedProperty());
        HBox controls = new HBox(8, pause, resume, promote, rollBack, abort);

        Label lock = new Label();
        lock.setId("cutover-live-lock");
        lock.setWrapText(true);
        lock.textProperty().bind(vm.lockText());
        TextField typed = new TextField();
        typed.setId("cutover-takeover-name");
        typed.setPromptText("type " + vm.nameToType() + " to take over a stale lock");
        typed.setPrefColumnCount(24);
        typed.textProperty().bindBidirectional(vm.typedNameProperty());
        Button takeOver = button("cutover-takeover", "Take over the lock", vm::takeOverLock);
        takeOver.disableProperty().bind(vm.takeOverAllowedProperty().not());
        HBox takeOverRow = new HBox(8, typed, takeOver);
        takeOverRow.visibleProperty().bind(vm.blockedProperty());
        takeOverRow.managedProperty().bind(vm.blockedProperty());

        Label detail = new Label();
        detail.setId("cutover-live-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.detailText());
        Label problem = new Label();
        problem.setWrapText(true);
        problem.pseudoClassStateChanged(HarbormasterStyles.ERROR, true);
        problem.textProperty().bind(vm.commandProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        Label audit = new Label();
        audit.setId("cutover-live-audit");
        audit.setWrapText(true);
        audit.pseudoClassStateChanged(HarbormasterStyles.ERROR, true);
        audit.textProperty().bind(vm.auditTextProperty());
        audit.managedProperty().bind(audit.textProperty().isNotEmpty());
        audit.visibleProperty().bind(audit.managedProperty());
        VBox top = new VBox(8, header, new SplitChart(vm.stateProperty()), controls, detail, lock, takeOverRow,
                problem, audit);
        setTop(top);

        TableView<GateEvidence> evidence = new TableView<>(vm.evidence());
        evidence.setId("cutover-evidence");
        evidence.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        evidence.getColumns().add(column("Gate", 95, GateEvidence::subject));
        evidence.getColumns().add(column("Side", 55, e -> label(vm, e.sideId())));
        evidence.getColumns().add(column("Value", 60, e -> e.value().isPresent()
                ? String.format(Locale.ROOT, "%.1f", e.value().getAsDouble()) : "no data"));
        evidence.getColumns().add(column("Warn", 55, e -> Double.isNaN(e.warning()) ? "—" : num(e.warning())));
        evidence.getColumns().add(column("Crit", 50, e -> Double.isNaN(e.critical()) ? "—" : num(e.critical())));
        evidence.getColumns().add(column("Window", 100, e -> e.windowStart().toString().substring(11, 16) + "–"
                + e.windowEnd().toString().substring(11, 16)));
        evidence.getColumns().add(column("Pts", 45, e -> String.valueOf(e.dataPoints())));
        evidence.getColumns().add(column("Verdict", 70, e -> e.verdict().name()));
        evidence.getColumns().add(column("Why", 130, GateEvidence::reason));
        evidence.setPlaceholder(new Label("No gate judged yet"));

        ListView<CutoverEvent> events = new ListView<>(vm.events());
        events.setId("cutover-events");
        events.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CutoverEvent e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(e.at().toString().substring(11, 19) + "  " + (e.step() > 0 ? "step " + e.step() + " · " : "")
                        + e.by() + " · " + e.what());
                String facts = e.evidence().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(x -> x.getKey() + ": " + x.getValue()).collect(Collectors.joining("\n"));
                setTooltip(facts.isEmpty() ? null : new javafx.scene.control.Tooltip(facts));
            }
        });
        VBox evidenceBox = new VBox(4, new Label("Last gate decision: both sides against their levels"), evidence);
        VBox.setVgrow(evidence, Priority.ALWAYS);
        VBox eventsBox = new VBox(4, new Label("Every decision, newest first (hover for its evidence)"), events);
        VBox.setVgrow(events, Priority.ALWAYS);
        SplitPane split = new SplitPane(evidenceBox, eventsBox);
        split.setDividerPositions(0.64);
        setCenter(tabs(vm, split));
    }

    /** Metrics first (what the gates watch, as it moves), then the gates' evidence, then the hosts. */
    private static TabPane tabs(CutoverLiveViewModel vm, SplitPane gates) {
        Tab metrics = new Tab("Metrics of both sides", new CutoverMetricsPane(vm.metrics()));
        metrics.setId("cutover-tab-metrics");
        Tab evidence = new Tab("Gate evidence and decisions", gates);
        evidence.setId("cutover-tab-gates");
        Tab hosts = new Tab("Hosts of both sides", new CutoverHostsPane(vm.hosts()));
        hosts.setId("cutover-tab-hosts");
        TabPane tabs = new TabPane(metrics, evidence, hosts);
        tabs.setId("cutover-live-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        List<Tab> order = List.of(metrics, evidence, hosts);
        tabs.getSelectionModel().select(order.get(vm.tabProperty().get().ordinal()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, now) -> vm.tabProperty().set(
                CutoverLiveViewModel.Tab.values()[now.intValue()]));
        vm.tabProperty().addListener((o, a, now) -> tabs.getSelectionModel().select(now.ordinal()));
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));
        return tabs;
    }

    private static String label(CutoverLiveViewModel vm, String id) {
        return vm.plan().route().target(id).map(t -> t.label()).orElse(id);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
