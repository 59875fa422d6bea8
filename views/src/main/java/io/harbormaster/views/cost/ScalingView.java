package io.harbormaster.views.cost;

import io.harbormaster.model.cost.scaling.ScalingWhatIf;
import io.harbormaster.views.fleet.FleetStyles;
import io.harbormaster.views.shared.ColumnPriority;
import io.harbormaster.views.shared.ColumnWidths;
import io.harbormaster.views.shared.Headings;
import io.harbormaster.views.shared.Sentences;
import io.harbormaster.views.shared.WrappingBar;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Service Auto Scaling, read-only: each scaled service's range, whether it is held at its maximum, its policies (a
 * step policy's adjustments), the CloudWatch alarms that invoke them with their states, and the selected service's
 * alarms by name and recent activities; then the scaling what-if over the last day or week.
 */
final class ScalingView extends VBox {

    private static final String LAST_DAY = "last 24 hours";
    private static final String LAST_WEEK = "last 7 days";

    private final ScalingViewModel viewModel;

    ScalingView(ScalingViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        setId("cost-scaling");
        Label message = new Label();
        message.setId("cost-scaling-message");
        message.textProperty().bind(viewModel.messageProperty());
        Sentences.wrapping(message);

        TableView<ScalingRow> table = table();
        ListView<String> activities = new ListView<>();
        activities.setId("cost-scaling-activities");
        activities.setPrefHeight(110);
        activities.setPlaceholder(new Label("Select a service to see its alarms and recent scaling activities"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> activities.setItems(
                row == null ? FXCollections.observableArrayList() : FXCollections.observableArrayList(details(row))));
        table.setPrefHeight(200);
        VBox whatIf = whatIfPanel();
        VBox.setVgrow(whatIf, Priority.ALWAYS);
        getChildren().addAll(message, table, activities, whatIf);
    }

    private static List<String> details(ScalingRow row) {
        List<String> out = new java.util.ArrayList<>(row.alarms());
        row.scaling().activities().forEach(a -> out.add(ScalingRow.line(a) + " — " + a.cause()));
        return out;
    }

    private TableView<ScalingRow> table() {
        TableView<ScalingRow> table = new TableView<>();
        table.setId("cost-scaling-table");
        table.setPlaceholder(new Label("No service here is scaled by Service Auto Scaling"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<ScalingRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TableColumn<ScalingRow, Number> desired = count("Desired", ScalingRow::desired);
        TableColumn<ScalingRow, Number> min = count("Min", r -> r.scaling().min());
        TableColumn<ScalingRow, Number> max = count("Max", r -> r.scaling().max());
        TableColumn<ScalingRow, String> atMax = CostColumns.text("At max", ScalingRow::maximum);
        atMax.setMinWidth(Math.max(100, atMax.getMinWidth()));
        atMax.setMaxWidth(Math.max(120, atMax.getMinWidth() + 10));
        TableColumn<ScalingRow, String> policies = CostColumns.text("Policies", ScalingRow::policies);
        policies.setMinWidth(300);
        TableColumn<ScalingRow, String> alarms = CostColumns.text("Alarms", ScalingRow::alarmStates);
        alarms.setMinWidth(170);
        TableColumn<ScalingRow, String> cluster = CostColumns.text("Cluster", ScalingRow::cluster);
        cluster.setMinWidth(70);
        TableColumn<ScalingRow, String> service = CostColumns.text("Service", ScalingRow::service);
        service.setMinWidth(120);
        TableColumn<ScalingRow, String> last = CostColumns.text("Last activity", ScalingRow::lastActivity);
        table.getColumns().setAll(List.of(cluster, service, desired, min, max, atMax, policies, alarms, last));
        ColumnWidths.fitRows(table, cluster, ScalingRow::cluster);
        ColumnWidths.fitRows(table, service, ScalingRow::service);
        ColumnWidths.fitRows(table, atMax, ScalingRow::maximum);
        // free text, the policies two lines of it: what does not fit is on hover
        List.of(policies, alarms, last).forEach(ColumnWidths::wholeInTooltip);
        // In half a window (side by side) which service and its range stay (desired, min, max, held at its maximum):
        // the policies go first, then the last activity and the alarms' states (the list below the table has the
        // selected service's alarms and activities; a whole window shows them all), rather than scroll past the edge.
        ColumnPriority.dropToFit(table, List.of(policies, last, alarms));
        return table;
    }

    private static TableColumn<ScalingRow, Number> count(String name, java.util.function.ToIntFunction<ScalingRow> v) {
        TableColumn<ScalingRow, Number> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(v.applyAsInt(d.getValue())));
        c.setMinWidth(Headings.tightWidth(name));
        c.setMaxWidth(Headings.width(name));
        return c;
    }

    private VBox whatIfPanel() {
        TextField target = new TextField(String.format(Locale.ROOT, "%.0f", ScalingViewModel.DEFAULT_TARGET_CPU));
        target.setId("cost-scaling-target");
        target.setPrefColumnCount(4);
        ChoiceBox<String> window = new ChoiceBox<>(FXCollections.observableArrayList(LAST_DAY, LAST_WEEK));
        window.setId("cost-scaling-window");
        window.setValue(LAST_DAY);
        Button run = new Button("What if");
        run.setId("cost-scaling-run");
        run.setOnAction(e -> {
            try {
                viewModel.whatIf(Double.parseDouble(target.getText().trim().replace("%", "")),
                        LAST_WEEK.equals(window.getValue()) ? Duration.ofDays(7) : Duration.ofHours(24));
            } catch (NumberFormatException ex) {
                target.setText("");
                target.setPromptText("a % of CPU");
            }
        });
        WrappingBar controls = new WrappingBar(8, new Label("Had every service not scaling today tracked"), target,
                new Label("% average CPU over the"), window, run);
        Label result = new Label("Nothing changes in AWS: the fleet's own hourly CPU, target tracking's rule, hosts"
                + " as a capacity lower bound");
        result.setId("cost-scaling-result");
        result.setWrapText(true);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ListView<String> hours = new ListView<>();
        hours.setId("cost-scaling-hours");
        hours.setPrefHeight(120);
        VBox.setVgrow(hours, Priority.ALWAYS);
        viewModel.whatIfProperty().addListener((o, was, r) -> {
            if (r != null) {
                result.setText(describe(r));
                hours.setItems(FXCollections.observableArrayList(r.hours().stream().map(h -> String.format(
                        Locale.ROOT, "%s  tasks %,d → %,d  hosts %,d → %,d", h.start(), h.tasksNow(), h.tasksNeeded(),
                        h.hostsNow(), h.hostsNeeded())).toList()));
            }
        });
        VBox panel = new VBox(6, controls, result, hours);
        panel.setId("cost-scaling-whatif");
        panel.getStyleClass().add(FleetStyles.TOOLBAR);
        return panel;
    }

    static String describe(ScalingWhatIf.Result r) {
        int fewestHosts = r.hours().stream().mapToInt(ScalingWhatIf.Hour::hostsNeeded).min().orElse(0);
        int mostHosts = r.hours().stream().mapToInt(ScalingWhatIf.Hour::hostsNeeded).max().orElse(0);
        int hostsNow = r.hours().isEmpty() ? 0 : r.hours().get(0).hostsNow();
        long scaling = r.services().stream().filter(ScalingWhatIf.ServiceResult::alreadyScales).count();
        return String.format(Locale.ROOT, "At %.0f %% CPU over %d hours: hosts %,d today → %,d–%,d needed · %s/month"
                        + " → %s/month · %s %s/month (%d services already scaling counted at today's count)",
                r.targetCpu(), r.hours().size(), hostsNow, fewestHosts, mostHosts, CostView.money(r.usdPerMonthNow()),
                CostView.money(r.usdPerMonthNeeded()), r.monthlySaving() >= 0 ? "saves" : "costs",
                CostView.money(Math.abs(r.monthlySaving())), scaling);
    }
}
