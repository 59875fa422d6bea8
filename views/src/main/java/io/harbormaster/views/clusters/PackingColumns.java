package io.harbormaster.views.clusters;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.packing.ClusterPacking;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;

/**
 * CPU and memory reserved (% of registered) and a small packing bar per cluster, from the fleet's packing
 * analysis. The clusters come from their own list call; the packing arrives with the fleet snapshot and the
 * columns fill in then.
 */
final class PackingColumns {

    private static final Color CPU = Color.web("#2f81f7");
    private static final Color MEMORY = Color.web("#8957e5");
    private static final Color STRANDED = Color.web("#cf222e");
    private static final Color TRACK = Color.gray(0.5, 0.25);

    private PackingColumns() {
    }

    static void addTo(TableView<Cluster> table, ObservableValue<FleetPacking> packing) {
        table.getColumns().add(percent("CPU res.", "cpu", packing, true));
        table.getColumns().add(percent("Mem res.", "memory", packing, false));
        TableColumn<Cluster, ClusterPacking> bar = new TableColumn<>("Packing");
        bar.setId("clusters-col-packing");
        bar.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(of(packing, row.getValue())));
        bar.setCellFactory(column -> new BarCell());
        bar.setSortable(false);
        bar.setMinWidth(130);
        bar.setPrefWidth(150);
        table.getColumns().add(bar);
        packing.addListener((obs, old, now) -> table.refresh());
    }

    private static ClusterPacking of(ObservableValue<FleetPacking> packing, Cluster cluster) {
        FleetPacking p = packing.getValue();
        return p == null ? null : p.cluster(cluster.arn()).orElse(null);
    }

    private static TableColumn<Cluster, Double> percent(String title, String id, ObservableValue<FleetPacking> packing,
            boolean cpu) {
        TableColumn<Cluster, Double> column = new TableColumn<>();
        javafx.scene.control.Label header = new javafx.scene.control.Label(title);
        header.setTooltip(new javafx.scene.control.Tooltip((cpu ? "CPU" : "Memory")
                + " reserved by tasks, as a share of what the cluster's instances registered"));
        column.setGraphic(header);
        column.setId("clusters-col-" + id + "-reserved");
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(Optional.ofNullable(of(packing, row.getValue()))
                .filter(p -> p.hosts() > 0)
                .map(p -> cpu ? p.cpuReservedPercent() : p.memoryReservedPercent()).orElse(null)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%.0f %%", item));
            }
        });
        column.getStyleClass().add(HarbormasterStyles.NUMERIC);
        column.setMinWidth(new javafx.scene.text.Text(title).getLayoutBounds().getWidth() + 40);
        column.setPrefWidth(110);
        return column;
    }

    /** Two thin bars, CPU over memory, with the stranded share in red at the end of the reserved part. */
    private static final class BarCell extends TableCell<Cluster, ClusterPacking> {
        private final Canvas canvas = new Canvas(120, 16);

        @Override
        protected void updateItem(ClusterPacking item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.hosts() == 0) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            bar(g, 1, item.cpuReservedPercent(), item.strandedCpuPercent(), CPU);
            bar(g, 9, item.memoryReservedPercent(), item.strandedMemoryPercent(), MEMORY);
            setGraphic(canvas);
            setTooltip(new Tooltip(String.format("%d hosts%nCPU %.0f%% reserved, %.0f%% stranded%n"
                            + "Memory %.0f%% reserved, %.0f%% stranded%n%d hosts with stranded capacity, %d port-blocked",
                    item.hosts(), item.cpuReservedPercent(), item.strandedCpuPercent(), item.memoryReservedPercent(),
                    item.strandedMemoryPercent(), item.strandedHosts(), item.portBlockedHosts())));
        }

        private void bar(GraphicsContext g, double y, double reserved, double stranded, Color colour) {
            double w = canvas.getWidth();
            g.setFill(TRACK);
            g.fillRect(0, y, w, 6);
            g.setFill(colour);
            g.fillRect(0, y, w * reserved / 100, 6);
            g.setFill(STRANDED);
            g.fillRect(w * reserved / 100, y, w * stranded / 100, 6);
        }
    }
}
