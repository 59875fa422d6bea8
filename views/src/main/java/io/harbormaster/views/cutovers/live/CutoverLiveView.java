package io.harbormaster.views.cutovers.live;

import atlantafx.base.theme.Styles;
import io.harbormaster.model.cutover.CutoverEvent;
import io.harbormaster.model.cutover.GateEvidence;
import io.harbormaster.views.text.DateText;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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

    /** Times in the operator's zone, as on the Deploys page and the status bar (they were UTC here alone). */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

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
        // Dense rows: at 1280×800 the evidence (two rows a gate) and the decisions share ~250 px.
        evidence.getStyleClass().add(Styles.DENSE);
        evidence.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Widths fit their content at 1280×800 (headings and values like "p99 latency", "10000" were cut); the
        // reason takes what is left and shows whole in its tooltip.
        evidence.getColumns().add(column("Gate", 120, GateEvidence::subject));
        evidence.getColumns().add(column("Side", 70, e -> label(vm, e.sideId())));
        evidence.getColumns().add(column("Value", 75, e -> e.value().isPresent()
                ? value(e.value().getAsDouble()) : "no data"));
        evidence.getColumns().add(column("Warn", 70, e -> Double.isNaN(e.warning()) ? "—" : num(e.warning())));
        evidence.getColumns().add(column("Crit", 70, e -> Double.isNaN(e.critical()) ? "—" : num(e.critical())));
        evidence.getColumns().add(column("Window", 115, e -> MINUTE.format(e.windowStart()) + "–"
                + MINUTE.format(e.windowEnd())));
        evidence.getColumns().add(column("Points", 65, e -> String.valueOf(e.dataPoints())));
        evidence.getColumns().add(column("Verdict", 85, e -> e.verdict().name()));
        TableColumn<GateEvidence, String> why = column("Why", 260, GateEvidence::reason);
        why.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                setText(empty ? null : reason);
                setTooltip(empty || reason == null ? null : new Tooltip(reason));
            }
        });
        evidence.getColumns().add(why);
        evidence.setPlaceholder(new Label("No gate judged yet"));

        ListView<CutoverEvent> events = new ListView<>(vm.events());
        events.setId("cutover-events");
        events.getStyleClass().add(Styles.DENSE);
        events.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CutoverEvent e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                // a cutover baking for days: an event of an earlier day than the newest carries its date
                Instant newest = getListView().getItems().stream().map(CutoverEvent::at).max(Instant::compareTo)
                        .orElse(null);
                setText(DateText.timeOnDay(e.at(), newest, ZoneId.systemDefault(), SECOND) + "  "
                        + (e.step() > 0 ? "step " + e.step() + " · " : "") + e.by() + " · " + e.what());
                String facts = e.evidence().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(x -> x.getKey() + ": " + x.getValue()).collect(Collectors.joining("\n"));
                setTooltip(facts.isEmpty() ? null : new Tooltip(facts));
            }
        });
        VBox evidenceBox = new VBox(4, new Label("Last gate decision: both sides against their levels"), evidence);
        VBox.setVgrow(evidence, Priority.ALWAYS);
        VBox eventsBox = new VBox(4, new Label("Every decision, newest first (hover for its evidence)"), events);
        VBox.setVgrow(events, Priority.ALWAYS);
        // One above the other: side by side, the nine evidence columns had ~700 px at 1280 and cut every heading.
        SplitPane split = new SplitPane(evidenceBox, eventsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
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

    /** Small rates keep two decimals: "0.0" beside a reason saying "0.03%" read as a disagreement. */
    static String value(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
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
