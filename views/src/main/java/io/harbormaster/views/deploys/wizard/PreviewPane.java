package io.harbormaster.views.deploys.wizard;

import io.harbormaster.model.cutover.GatePolicy;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.deploy.DeployPreview;
import io.harbormaster.model.deploy.DeployTimeline;
import io.harbormaster.model.deploy.DiffLine;
import io.harbormaster.model.deploy.DiffSection;
import io.harbormaster.model.deploy.SettingChange;
import io.harbormaster.model.deploy.TimelineStep;
import io.harbormaster.model.deploy.fit.CostChange;
import io.harbormaster.model.deploy.fit.FitResult;
import io.harbormaster.model.deploy.fit.HostPlacement;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.time.Duration;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Preview page: the task-definition diff per container (secrets masked by the model), the service-setting diff,
 * will it fit, the timeline and what watches the deploy. Rebuilt whenever the preview or the fit check arrive.
 */
final class PreviewPane extends VBox {

    private final DeployWizardViewModel viewModel;

    PreviewPane(DeployWizardViewModel viewModel) {
        super(10);
        this.viewModel = viewModel;
        setId("deploy-preview");
        setPadding(new Insets(4));
        viewModel.previewProperty().addListener((o, a, p) -> rebuild());
        viewModel.fitProperty().addListener((o, a, f) -> rebuild());
        viewModel.fitStatusProperty().addListener((o, a, f) -> rebuild());
        viewModel.costProperty().addListener((o, a, c) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        DeployPreview p = viewModel.previewProperty().get();
        if (p == null) {
            getChildren().add(new Label("Working out the preview…"));
            return;
        }
        getChildren().add(fit(viewModel.fitProperty().get(), viewModel.fitStatusProperty().get()));
        getChildren().add(cost(viewModel.costProperty().get()));
        getChildren().add(StrategyPane.section("Task definition: " + p.target().taskDefinition().familyRevision()
                + " → " + (p.registersNewRevision() ? "new revision of " + p.newRevision().family()
                : p.newRevision().familyRevision())));
        boolean any = false;
        for (DiffSection section : p.diff().taskDefinition()) {
            if (section.changed()) {
                any = true;
                getChildren().add(diff(section));
            }
        }
        if (!any) {
            getChildren().add(new Label("The task definition does not change."));
        }
        getChildren().add(StrategyPane.section("Service settings"));
        GridPane settings = new GridPane();
        settings.setId("deploy-preview-settings");
        settings.setHgap(14);
        int r = 0;
        for (SettingChange c : p.diff().settings()) {
            settings.addRow(r++, new Label(c.setting()), mono(c.before()), new Label("→"), mono(c.after()));
        }
        if (r == 0) {
            settings.addRow(0, new Label("No service setting changes."));
        }
        getChildren().add(settings);
        getChildren().add(StrategyPane.section("Timeline (" + p.request().settings().strategy() + ")"));
        getChildren().add(timeline(p.timeline()));
        getChildren().add(StrategyPane.section("What watches it"));
        getChildren().add(watchers(p.timeline(), !p.request().settings().loadBalancers().isEmpty()));
    }

    private static VBox cost(CostChange cost) {
        Label summary = new Label(cost == null ? "The cost needs the fleet's hosts: open the Services page once so"
                + " the fleet is loaded" : cost.summary());
        summary.setId("deploy-cost-summary");
        summary.setWrapText(true);
        VBox box = new VBox(2, StrategyPane.section("What it costs a month"), summary);
        box.setId("deploy-cost");
        if (cost != null) {
            cost.pricesUsed().forEach(line -> {
                Label price = new Label(line);
                price.getStyleClass().add(HarbormasterStyles.MUTED);
                price.setWrapText(true);
                box.getChildren().add(price);
            });
            if (cost.known()) {
                Label how = new Label("A task costs its host's price × the larger of its CPU and memory shares of"
                        + " the host, as on the Cost page; averaged over the hosts the service runs on today.");
                how.getStyleClass().add(HarbormasterStyles.MUTED);
                how.setWrapText(true);
                box.getChildren().add(how);
            }
        }
        return box;
    }

    private static VBox fit(FitResult fit, String status) {
        Label heading = StrategyPane.section("Will it fit?");
        Label summary = new Label(status);
        summary.setId("deploy-fit-summary");
        summary.setWrapText(true);
        VBox box = new VBox(4, heading, summary);
        box.setId("deploy-fit");
        if (fit == null) {
            return box;
        }
        if (!fit.fits()) {
            Label warning = new Label("Not everything fits on today's hosts. You can still deploy: ECS places what"
                    + " fits and the rest waits (PENDING) until capacity appears — a capacity provider may scale"
                    + " the cluster out.");
            warning.setId("deploy-fit-warning");
            warning.setWrapText(true);
            warning.getStyleClass().add(HarbormasterStyles.GUARD_REFUSAL);
            box.getChildren().add(warning);
            if (fit.shortCpu() > 0 || fit.shortMemory() > 0) {
                Label shortOf = new Label("Short: " + fit.shortCpu() + " CPU units, " + fit.shortMemory()
                        + " MiB beyond what the hosts have free");
                shortOf.setId("deploy-fit-short");
                box.getChildren().add(shortOf);
            }
        }
        StringBuilder hosts = new StringBuilder();
        int shown = 0;
        for (HostPlacement h : fit.placements()) {
            if (shown++ == 6) {
                hosts.append(", … ").append(fit.placements().size() - 6).append(" more");
                break;
            }
            hosts.append(shown == 1 ? "" : ", ").append(h.hostName().isBlank() ? h.hostArn() : h.hostName())
                    .append(" ×").append(h.tasks());
        }
        if (!hosts.isEmpty()) {
            Label taken = new Label("Hosts that would take them: " + hosts);
            taken.setId("deploy-fit-hosts");
            taken.setWrapText(true);
            box.getChildren().add(taken);
        }
        fit.notes().forEach(n -> {
            Label note = new Label(n);
            note.getStyleClass().add(HarbormasterStyles.MUTED);
            note.setWrapText(true);
            box.getChildren().add(note);
        });
        return box;
    }

    private static VBox diff(DiffSection section) {
        VBox lines = new VBox();
        lines.getStyleClass().add("hm-deploy-diff");
        Label title = new Label(section.title());
        title.setStyle("-fx-font-weight: bold;");
        lines.getChildren().add(title);
        for (DiffLine line : section.lines()) {
            Label l = mono(line.unified());
            l.setMaxWidth(Double.MAX_VALUE);
            l.setWrapText(true); // a container's JSON settings are longer than the window is wide
            l.setStyle(switch (line.kind()) {
                case ADDED -> "-fx-text-fill: -color-success-fg; -fx-background-color: -color-success-muted;";
                case REMOVED -> "-fx-text-fill: -color-danger-fg; -fx-background-color: -color-danger-muted;";
                case SAME -> "-fx-opacity: 0.75;";
            });
            lines.getChildren().add(l);
        }
        return lines;
    }

    private static GridPane timeline(DeployTimeline timeline) {
        GridPane grid = new GridPane();
        grid.setId("deploy-preview-timeline");
        grid.setHgap(14);
        grid.setVgap(2);
        grid.addRow(0, head("At"), head("Stage"), head("What"), head("Lasts"), head("Production on new"),
                head("Roll back"));
        int r = 1;
        for (TimelineStep s : timeline.steps()) {
            grid.addRow(r++, mono("+" + minutes(s.startsAfter())), new Label(s.stage().name()),
                    new Label(s.what() + (s.waitsForOperator() ? " — waits for you" : "")),
                    mono(s.lasts().isZero() ? "" : minutes(s.lasts())),
                    mono(String.format("%.0f %%", s.productionPercent())), new Label(s.canRollBack() ? "yes" : "no"));
        }
        Label finish = mono(minutes(timeline.earliestFinish())
                + (timeline.pauses() > 0 ? " + your " + timeline.pauses() + " pause(s)" : ""));
        Label startUp = new Label("of bake time, plus however long the tasks take to start and pass their health"
                + " checks (not known in advance)");
        startUp.getStyleClass().add(HarbormasterStyles.MUTED);
        grid.add(new Label("Earliest finish"), 0, r);
        grid.add(finish, 1, r);
        grid.add(startUp, 2, r, 4, 1);
        // the short cells keep their text; what each stage does wraps in the room left
        for (Node cell : grid.getChildren()) {
            Integer column = GridPane.getColumnIndex(cell);
            if (cell instanceof Label label && column != null && column == 2) {
                label.setWrapText(true);
                label.setMinWidth(120);
            } else if (cell instanceof Label label) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        ColumnConstraints[] columns = new ColumnConstraints[6];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new ColumnConstraints();
            columns[c].setHgrow(c == 2 ? Priority.ALWAYS : Priority.NEVER);
        }
        grid.getColumnConstraints().setAll(columns);
        return grid;
    }

    private static VBox watchers(DeployTimeline t, boolean behindLoadBalancer) {
        Label breaker = new Label(t.circuitBreakerThreshold() > 0 ? "Circuit breaker: stops after "
                + t.circuitBreakerThreshold() + " failed tasks" : "Circuit breaker: off");
        breaker.setId("deploy-preview-breaker");
        Label alarms = new Label(t.alarms().isEmpty() ? "Alarms: none" : "Alarms: " + String.join(", ", t.alarms()));
        VBox box = new VBox(2, breaker, alarms);
        if (behindLoadBalancer) {
            Label gates = new Label("On the service's dashboard, the metrics a cutover gates on: " + gates()
                    + ". ECS stops the deploy on them only through an alarm named above.");
            gates.setId("deploy-preview-gates");
            gates.setWrapText(true);
            gates.getStyleClass().add(HarbormasterStyles.MUTED);
            box.getChildren().add(gates);
        }
        return box;
    }

    /** The standard cutover gates in words: "5xx rate (warning above 1 %, critical above 5 %), …". */
    static String gates() {
        java.util.List<String> said = new java.util.ArrayList<>();
        for (GateRule rule : GatePolicy.standard().rules()) {
            String beyond = rule.metric().higherIsWorse() ? "above " : "below ";
            String unit = rule.metric().unit().isEmpty() ? "" : " " + rule.metric().unit();
            said.add(String.format(java.util.Locale.ROOT, "%s (warning %s%s%s, critical %s%s%s)", rule.metric().label(),
                    beyond, number(rule.warning()), unit, beyond, number(rule.critical()), unit));
        }
        return String.join(", ", said);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HarbormasterStyles.MUTED);
        return l;
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(HarbormasterStyles.MONOSPACE);
        return l;
    }

    static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 60 ? m / 60 + " h " + m % 60 + " min" : m + " min";
    }
}
