package io.harbormaster.views.cutovers.wizard;

import io.harbormaster.model.cutover.CutoverPlan;
import io.harbormaster.model.cutover.NoDataPolicy;
import io.harbormaster.model.cutover.PreflightCheck;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The cutover wizard: four pages (from → to, plan, gates, preview) and Back / Next / Start. Binds and forwards. */
public final class CutoverWizardView extends BorderPane {

    private final CutoverWizardViewModel vm;
    private final VBox body = new VBox(10);

    public CutoverWizardView(CutoverWizardViewModel vm, BooleanSupplier start, Runnable cancel) {
        this.vm = vm;
        setId("cutover-wizard");
        setPadding(new Insets(12));
        Label title = new Label("Cut over " + vm.route().displayName());
        title.getStyleClass().add(HarbormasterStyles.PAGE_TITLE);
        HBox crumbs = new HBox(16);
        for (int i = 0; i < CutoverWizardViewModel.PAGES.size(); i++) {
            int index = i;
            Label l = new Label((i + 1) + ". " + CutoverWizardViewModel.PAGES.get(i));
            l.styleProperty().bind(Bindings.when(vm.pageProperty().isEqualTo(index))
                    .then("-fx-font-weight: bold; -fx-underline: true").otherwise("-fx-opacity: 0.7"));
            crumbs.getChildren().add(l);
        }
        setTop(new VBox(6, title, crumbs));

        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        body.setPadding(new Insets(10, 4, 10, 0));
        setCenter(scroll);

        Label error = new Label();
        error.setId("cutover-wizard-error");
        error.setWrapText(true);
        error.pseudoClassStateChanged(HarbormasterStyles.ERROR, true);
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.pageProperty().get() == 3
                ? vm.startBlockedBecause() : vm.planErrorProperty().get(), vm.pageProperty(), vm.planErrorProperty(),
                vm.startableProperty()));
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("cutover-wizard-cancel");
        cancelButton.setOnAction(e -> cancel.run());
        Button back = new Button("Back");
        back.setId("cutover-wizard-back");
        back.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next");
        next.setId("cutover-wizard-next");
        next.visibleProperty().bind(vm.pageProperty().lessThan(3));
        next.managedProperty().bind(next.visibleProperty());
        next.disableProperty().bind(vm.planProperty().isNull());
        next.setOnAction(e -> vm.next());
        Button go = new Button("Start cutover");
        go.setId("cutover-wizard-start");
        go.getStyleClass().add("accent");
        go.visibleProperty().bind(vm.pageProperty().isEqualTo(3));
        go.managedProperty().bind(go.visibleProperty());
        go.disableProperty().bind(vm.startableProperty().not());
        go.setOnAction(e -> start.getAsBoolean());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(8, error, grow, cancelButton, back, next, go);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(8, 0, 0, 0));
        HBox.setHgrow(error, Priority.SOMETIMES);
        setBottom(footer);

        vm.pageProperty().addListener((o, a, b) -> showPage());
        vm.planProperty().addListener((o, a, b) -> {
            if (vm.pageProperty().get() == 3) {
                showPage();
            }
        });
        showPage();
    }

    private void showPage() {
        body.getChildren().setAll(switch (vm.pageProperty().get()) {
            case 0 -> fromTo();
            case 1 -> new WizardPlanPane(vm);
            case 2 -> new WizardGatesPane(vm);
            default -> preview();
        });
    }

    private Node fromTo() {
        ComboBox<String> from = sidePicker("cutover-from");
        from.valueProperty().bindBidirectional(vm.fromIdProperty());
        ComboBox<String> to = sidePicker("cutover-to");
        to.valueProperty().bindBidirectional(vm.toIdProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Traffic leaves"), from);
        grid.addRow(1, new Label("and goes to"), to);
        grid.addRow(2, new Label("TTL"), new Label(vm.route().cacheTtl().isZero() ? "none (the load balancer applies"
                + " weights itself)" : vm.route().cacheTtl().toSeconds() + " s: clients move after it, not at INSYNC"));

        Label status = new Label();
        status.setId("cutover-preflight-status");
        status.textProperty().bind(vm.preflightStatusProperty());
        Button again = new Button("Check again");
        again.setId("cutover-preflight-again");
        again.setOnAction(e -> vm.checkAgain());
        VBox checks = new VBox(6);
        checks.setId("cutover-preflight");
        Runnable fill = () -> checks.getChildren().setAll(vm.checks().stream().map(c -> {
            Label l = wrapped((c.passed() ? "✔ PASS  " : "✘ FAIL  ") + c.name() + "\n" + c.evidence());
            l.pseudoClassStateChanged(HarbormasterStyles.ERROR, !c.passed());
            return l;
        }).toList());
        vm.checks().addListener((javafx.collections.ListChangeListener<PreflightCheck>) c -> fill.run());
        fill.run();
        Label refused = new Label();
        refused.setId("cutover-refused");
        refused.setWrapText(true);
        refused.pseudoClassStateChanged(HarbormasterStyles.ERROR, true);
        refused.textProperty().bind(vm.refusedBecauseProperty());
        return new VBox(10, grid, new HBox(10, new Label("Pre-flight checks:"), status, again), checks, refused);
    }

    private ComboBox<String> sidePicker(String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        vm.route().targets().forEach(t -> box.getItems().add(t.id()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String targetId) {
                if (targetId == null) {
                    return "";
                }
                WeightedTarget t = vm.route().target(targetId).orElse(null);
                return t == null ? targetId : t.label() + " (weight " + t.weight() + ", " + t.pointsTo() + ")";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return box;
    }

    private Node preview() {
        CutoverPlan plan = vm.planProperty().get();
        VBox box = new VBox(8);
        box.setId("cutover-preview");
        if (plan == null) {
            box.getChildren().add(new Label("No plan: " + vm.planErrorProperty().get()));
            return box;
        }
        box.getChildren().add(heading(plan.route().displayName() + ": " + RouteText.side(plan, plan.fromId()) + " → "
                + RouteText.side(plan, plan.toId()) + " in " + plan.stepCount() + " steps"));
        box.getChildren().add(wrapped("Starting weights: " + RouteText.weights(plan, plan.startWeights())));
        for (String line : vm.previewSteps()) {
            box.getChildren().add(wrapped(line));
        }
        box.getChildren().add(heading("Gates"));
        box.getChildren().add(wrapped(RouteText.gates(plan.gates())));
        box.getChildren().add(heading("Timing"));
        box.getChildren().add(wrapped("Earliest finish if started now: " + vm.earliestFinish()));
        box.getChildren().add(heading("Way back"));
        box.getChildren().add(wrapped(RouteText.rollback(plan)));
        long failed = vm.checks().stream().filter(c -> !c.passed()).count();
        Label checks = wrapped(vm.checks().isEmpty() ? "Pre-flight checks have not run" : failed == 0
                ? "All pre-flight checks passed" : failed + " pre-flight check(s) failed: see From → to");
        checks.pseudoClassStateChanged(HarbormasterStyles.ERROR, failed > 0);
        box.getChildren().add(checks);
        if (vm.noDataProperty().get() == NoDataPolicy.PASS) {
            box.getChildren().add(wrapped("No data passes: a side that sends nothing will not stop the cutover."));
        }
        return box;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
