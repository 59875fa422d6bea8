package io.harbormaster.views.noisemap;

import io.harbormaster.views.fleet.FleetNavigator;
import io.harbormaster.views.shared.metrics.MetricsStyles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The clicked host: name and place, the value shown, CPU and memory reserved against used, and its tasks. */
final class HostDetailPane extends VBox {

    private static final int TASK_LINES = 8;

    private final Label title = new Label();
    private final Label place = new Label();
    private final Label value = new Label();
    private final UseBar cpuBar = new UseBar();
    private final UseBar memoryBar = new UseBar();
    private final Label cpuText = new Label();
    private final Label memoryText = new Label();
    private final Label verdict = new Label();
    private final Label tasks = new Label();
    private final Button onHosts = new Button("Show on Hosts page");

    HostDetailPane(FleetNavigator navigator) {
        setId("noise-detail");
        getStyleClass().add(MetricsStyles.DETAIL);
        title.setId("noise-detail-title");
        title.getStyleClass().add(MetricsStyles.DETAIL_TITLE);
        place.getStyleClass().add("hm-muted");
        value.setId("noise-detail-value");
        cpuText.setId("noise-detail-cpu");
        memoryText.setId("noise-detail-memory");
        verdict.setWrapText(true);
        tasks.setId("noise-detail-tasks");
        tasks.setWrapText(true);
        GridPane use = new GridPane();
        use.setHgap(6);
        use.setVgap(2);
        use.addRow(0, new Label("CPU"), cpuBar);
        use.add(cpuText, 1, 1);
        use.addRow(2, new Label("Memory"), memoryBar);
        use.add(memoryText, 1, 3);
        cpuBar.setPrefWidth(190);
        memoryBar.setPrefWidth(190);
        // "Memory" whole; the bars and their readings take what is left, a long reading wrapping under its bar
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        use.getColumnConstraints().addAll(names, bars);
        for (Label reading : new Label[] {cpuText, memoryText}) {
            reading.setWrapText(true);
            reading.setMinHeight(Region.USE_PREF_SIZE);
        }
        Label legend = new Label("filled: measured use · outline: reserved by tasks");
        legend.getStyleClass().add("hm-muted");
        for (Label wrapped : new Label[] {legend, verdict, tasks, place}) {
            wrapped.setWrapText(true);
            wrapped.setMaxWidth(270);
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        onHosts.setId("noise-detail-hosts");
        getChildren().addAll(title, place, value, use, legend, verdict, tasks, onHosts);
        setVisible(false);
        setManaged(false);
        onHosts.setOnAction(e -> {
            if (shown != null) {
                navigator.showHost(shown.host().arn());
            }
        });
    }

    private HostDetail shown;

    void show(HostDetail d) {
        shown = d;
        setVisible(d != null);
        setManaged(d != null);
        if (d == null) {
            return;
        }
        title.setText(d.host().displayName());
        place.setText(d.cluster() + " · " + d.host().availabilityZone() + " · " + d.host().instanceType());
        value.setText(d.kind().label() + ": " + d.valueText());
        cpuBar.show(d.cpuReserved(), d.cpuUsed());
        memoryBar.show(d.memoryReserved(), d.memoryUsed());
        cpuText.setText(use(d.cpuReserved(), d.cpuUsed(), d.useRead()));
        memoryText.setText(use(d.memoryReserved(), d.memoryUsed(), d.useRead()));
        verdict.setText(d.overReserved() ? "Over-reserved: tasks reserve far more CPU than they use." : "");
        StringBuilder lines = new StringBuilder(d.taskCount() + " tasks");
        d.tasks().stream().limit(TASK_LINES).forEach(l -> lines.append("\n  ").append(l));
        if (d.tasks().size() > TASK_LINES) {
            lines.append("\n  … ").append(d.tasks().size() - TASK_LINES).append(" more services");
        }
        tasks.setText(lines.toString());
    }

    private static String use(double reserved, Double used, boolean read) {
        String measured = used != null ? String.format(" · used %.0f %%", used) : read ? " · used: not available"
                : " · used: reading…";
        return String.format("reserved %.0f %%", reserved) + measured;
    }
}
