package io.harbormaster.views.deploys.live;

import io.harbormaster.model.deploy.AlarmReading;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeploymentProgress;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.deploy.RevisionSummary;
import io.harbormaster.model.deploy.RollbackMonitor;
import io.harbormaster.model.deploy.ServiceDeploymentDetail;
import io.harbormaster.model.deploy.StageMarks;
import io.harbormaster.model.deploy.TargetGroupHealth;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.ServiceEvent;
import io.harbormaster.views.shared.WrappingBar;
import io.harbormaster.views.text.DateText;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One deploy, live: ECS's status (what "done" means here), the lifecycle stages passed, tasks of the new and old
 * revisions, healthy targets per target group, traffic weights, the circuit breaker against its threshold, alarms,
 * the evidence when it failed, the service's events; and the actions the view-model allows.
 */
public final class LiveDeploymentView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(
            ZoneId.systemDefault());
    private static final List<LifecycleStage> STAGES = List.of(LifecycleStage.RECONCILE_SERVICE,
            LifecycleStage.PRE_SCALE_UP, LifecycleStage.SCALE_UP, LifecycleStage.POST_SCALE_UP,
            LifecycleStage.TEST_TRAFFIC_SHIFT, LifecycleStage.POST_TEST_TRAFFIC_SHIFT,
            LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT,
            LifecycleStage.BAKE_TIME, LifecycleStage.CLEAN_UP);

    private final VBox body = new VBox(10);
    private final LiveDeploymentViewModel viewModel;

    public LiveDeploymentView(LiveDeploymentViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        setId("deploy-live");
        Button proceed = action("deploy-continue", "Continue past the pause", viewModel.continueBlockedProperty(),
                viewModel::continueDeployment);
        Button rollback = action("deploy-rollback-now", "Roll back now", viewModel.rollbackBlockedProperty(),
                viewModel::rollbackNow);
        Button previous = action("deploy-rollback-to", "Roll back to the previous revision…",
                viewModel.rollBackToBlockedProperty(), viewModel::rollBackToPrevious);
        Label status = new Label();
        status.setId("deploy-action-status");
        status.textProperty().bind(viewModel.actionStatusProperty());
        status.setWrapText(true); // the buttons keep their words; the status line takes as many lines as it needs
        // in half a window (side by side) the buttons go onto rows of their own rather than past the tab's edge
        WrappingBar actions = new WrappingBar(8, holder(proceed, viewModel.continueBlockedProperty()),
                holder(rollback, viewModel.rollbackBlockedProperty()),
                holder(previous, viewModel.rollBackToBlockedProperty()), status);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        body.setPadding(new Insets(4));
        getChildren().addAll(actions, scroll);
        viewModel.rowProperty().addListener((o, a, r) -> show(r));
        show(viewModel.rowProperty().get());
    }

    private static Button action(String id, String text, StringBinding blocked, Runnable run) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.disableProperty().bind(blocked.isNotEmpty());
        b.setOnAction(e -> run.run());
        return b;
    }

    /** JavaFX shows no tooltip on a disabled button: the holder carries why it is disabled. */
    private static StackPane holder(Button b, StringBinding blocked) {
        StackPane holder = new StackPane(b);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> blocked.get().isEmpty()
                ? b.getText() : b.getText() + " is not available: " + blocked.get(), blocked));
        Tooltip.install(holder, tip);
        return holder;
    }

    private void show(DeployRow row) {
        body.getChildren().clear();
        if (row == null) {
            Label none = new Label("Choose a deploy on the left, or start one with Deploy…");
            none.setWrapText(true);
            body.getChildren().add(none);
            return;
        }
        Label title = new Label(row.service().serviceName() + " in " + viewModel.environmentName(row.environmentId())
                + (row.startedBy().isBlank() ? "" : " · started by " + Arns.name(row.startedBy())));
        title.setId("deploy-live-title");
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        title.setWrapText(true);
        body.getChildren().add(title);
        DeploymentProgress p = row.progress();
        if (p == null) {
            body.getChildren().add(new Label(row.following() ? "Taking the deploy up again: waiting for ECS's"
                    + " first answer…" : "This deploy is not followed."));
            return;
        }
        ServiceDeploymentDetail d = p.deployment();
        Label status = new Label(statusText(d));
        status.setId("deploy-live-status");
        status.setWrapText(true);
        status.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        body.getChildren().add(status);
        body.getChildren().add(stages(p));
        if (!p.failureEvidence().isEmpty()) {
            VBox evidence = new VBox(2);
            evidence.setId("deploy-live-evidence");
            evidence.getChildren().add(section(d.status().rollingBack() ? "Why it rolled back" : "Why it failed"));
            p.failureEvidence().forEach(line -> {
                Label l = new Label(line);
                l.setWrapText(true);
                l.getStyleClass().add(HarbormasterStyles.GUARD_REFUSAL);
                evidence.getChildren().add(l);
            });
            body.getChildren().add(evidence);
        }
        GridPane facts = new GridPane();
        facts.setId("deploy-live-facts");
        facts.setHgap(14);
        facts.setVgap(3);
        int r = 0;
        if (!row.taskDefinitionArn().isBlank()) {
            facts.addRow(r++, muted("Rolls out"), new Label(Arns.name(row.taskDefinitionArn())));
        }
        if (d.target() != null) {
            facts.addRow(r++, muted("New service revision"), new Label(revision(d.target())));
        }
        for (RevisionSummary s : d.sources()) {
            facts.addRow(r++, muted("Replacing revision"), new Label(revision(s)));
        }
        for (TargetGroupHealth h : p.targetHealth()) {
            facts.addRow(r++, muted("Healthy targets"), new Label(targetGroupName(h.targetGroupArn()) + ": "
                    + h.healthy() + " of " + h.total()));
        }
        RollbackMonitor breaker = d.circuitBreaker();
        facts.addRow(r++, muted("Circuit breaker"), new Label("DISABLED".equals(breaker.status()) ? "off"
                : breaker.status() + ": " + breaker.failureCount() + " failed of " + breaker.threshold()
                + " that stop it"));
        if (!d.alarms().alarmNames().isEmpty()) {
            StringBuilder alarms = new StringBuilder();
            for (AlarmReading a : p.alarms()) {
                alarms.append(alarms.isEmpty() ? "" : ", ").append(a.name()).append(" ").append(a.state());
            }
            facts.addRow(r++, muted("Alarms"), new Label(alarms.isEmpty() ? String.join(", ",
                    d.alarms().alarmNames()) : alarms.toString()));
        }
        if (p.service() != null) {
            facts.addRow(r++, muted("Service tasks"), new Label(p.service().runningCount() + " running, "
                    + p.service().pendingCount() + " pending of " + p.service().desiredCount()));
        }
        d.awaitingHook().ifPresent(h -> facts.addRow(facts.getRowCount(), muted("Waiting for you"),
                new Label("PAUSE at " + d.lifecycleStage() + (h.expiresAt() == null ? ""
                        : "; times out at " + TIME.format(h.expiresAt()) + " (" + h.timeoutAction() + ")"))));
        body.getChildren().add(facts);
        body.getChildren().add(section("Service events"));
        VBox events = new VBox(1);
        events.setId("deploy-live-events");
        Instant newest = p.events().stream().map(ServiceEvent::createdAt).max(Instant::compareTo).orElse(null);
        p.events().stream().limit(12).forEach((ServiceEvent e) -> {
            Label l = new Label(eventTime(e.createdAt(), newest, ZoneId.systemDefault()) + "  " + e.message());
            l.setWrapText(true);
            l.getStyleClass().add(HarbormasterStyles.MUTED);
            events.getChildren().add(l);
        });
        body.getChildren().add(events);
    }

    /**
     * The time alone for events of the newest event's day, the date too for older ones (ECS keeps "steady state"
     * events for days; "04:05:57" under "10:17:46" read as this morning). The newest event, not the wall clock, is
     * the reference: a sandbox at ×60 runs ahead of it.
     */
    static String eventTime(Instant at, Instant newest, ZoneId zone) {
        return DateText.timeOnDay(at, newest, zone, TIME);
    }

    /** ECS's status, said plainly: done is its terminal status, not running = desired. */
    static String statusText(ServiceDeploymentDetail d) {
        String s = d.status().name();
        return switch (d.status()) {
            case SUCCESSFUL -> "SUCCESSFUL — ECS reports the deployment complete; the new revision serves";
            case ROLLBACK_SUCCESSFUL -> "ROLLBACK_SUCCESSFUL — ECS rolled back; the previous revision serves";
            case ROLLBACK_FAILED -> "ROLLBACK_FAILED — ECS could not roll back; look at the service now";
            case STOPPED -> "STOPPED — the deployment was stopped";
            default -> s + " at " + d.lifecycleStage() + (d.statusReason().isBlank() ? "" : " — "
                    + d.statusReason());
        };
    }

    /** "web-blue" of {@code arn:…:targetgroup/web-blue/0123abcd}: the name the operator gave it. */
    static String targetGroupName(String arn) {
        int at = arn.indexOf("targetgroup/");
        if (at < 0) {
            return Arns.name(arn);
        }
        String rest = arn.substring(at + "targetgroup/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The stages the strategy passes, each marked as far as the deployment got (not ECS's last word alone). */
    static FlowPane stages(DeploymentProgress p) {
        FlowPane row = new FlowPane(4, 4);
        row.setId("deploy-live-stages");
        for (StageMarks.Marked m : p.stages(shownStages(p.deployment().strategy()))) {
            Label l = new Label(switch (m.mark()) {
                case PASSED -> "✓ ";
                case CURRENT -> "▶ ";
                case TURNED_BACK -> "↩ ";
                case NOT_REACHED -> "";
            } + m.stage().name());
            l.setPadding(new Insets(2, 6, 2, 6));
            l.setUserData(m.mark());
            switch (m.mark()) {
                case CURRENT -> l.setStyle("-fx-font-weight: bold; -fx-border-color: -color-accent-emphasis;"
                        + " -fx-border-radius: 3;");
                case TURNED_BACK -> {
                    l.setStyle("-fx-font-weight: bold; -fx-border-color: -color-danger-emphasis; -fx-border-radius: 3;");
                    l.setTooltip(new Tooltip("Rolled back here: the stages after it were never reached"));
                }
                case NOT_REACHED -> l.setStyle("-fx-opacity: 0.55;");
                default -> { }
            }
            row.getChildren().add(l);
        }
        if (StageMarks.turnedBack(p.deployment().status()) && p.reached() == LifecycleStage.UNKNOWN) {
            Label unknown = new Label("rolled back; ECS does not say from which stage");
            unknown.getStyleClass().add(HarbormasterStyles.MUTED);
            row.getChildren().add(unknown);
        }
        return row;
    }

    /** A rolling deployment moves no traffic between target groups and bakes nothing: those stages never come. */
    private static List<LifecycleStage> shownStages(DeployStrategy strategy) {
        return strategy.shiftsTraffic() ? STAGES : STAGES.stream().filter(s ->
                s != LifecycleStage.TEST_TRAFFIC_SHIFT && s != LifecycleStage.POST_TEST_TRAFFIC_SHIFT
                        && s != LifecycleStage.PRODUCTION_TRAFFIC_SHIFT
                        && s != LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT && s != LifecycleStage.BAKE_TIME)
                .toList();
    }

    private static String revision(RevisionSummary s) {
        String weights = s.productionTrafficPercent() < 0 ? "" : " · production traffic "
                + String.format("%.0f %%", s.productionTrafficPercent())
                + (s.testTrafficPercent() < 0 ? "" : ", test " + String.format("%.0f %%", s.testTrafficPercent()));
        return Arns.name(s.arn()) + ": " + s.runningTasks() + " running, " + s.pendingTasks() + " pending of "
                + s.requestedTasks() + weights;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HarbormasterStyles.MUTED);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
