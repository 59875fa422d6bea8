package io.harbormaster.views.clusters;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.packing.ClusterPacking;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.views.theme.HarbormasterStyles;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import io.harbormaster.views.shared.CellTooltip;
import io.harbormaster.views.shared.TableCsv;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * CPU and memory reserved (% of registered) and a small packing bar per cluster, from the fleet's packing
 * analysis. The clusters come from their own list call; the packing arrives with the fleet snapshot and the
 * columns fill in then: each cell's value follows the packing, so only those cells update. (A {@code refresh()} of
 * the table threw every cell of the viewport away and made them again, empty rows too: on a cold JVM the 60–80 ms
 * frame in which an environment's fleet first arrived.) A bar is made only for a row that has one to show.
 */
final class PackingColumns {

    private PackingColumns() {
    }

    static void addTo(TableView<Cluster> table, ObservableValue<FleetPacking> packing) {
        table.getColumns().add(percent("CPU res.", "cpu", packing, true));
        table.getColumns().add(percent("Mem res.", "memory", packing, false));
        TableColumn<Cluster, ClusterPacking> bar = new TableColumn<>("Packing");
        bar.setId("clusters-col-packing");
        bar.setCellValueFactory(row -> following(packing, row.getValue(), p -> p));
        bar.setCellFactory(column -> new BarCell());
        bar.setSortable(false);
        bar.setMinWidth(130);
        TableCsv.textOf(bar, c -> {
            ClusterPacking p = of(packing, c);
            return p == null || p.hosts() == 0 ? "" : String.format("CPU %.0f %% stranded, memory %.0f %% stranded",
                    p.strandedCpuPercent(), p.strandedMemoryPercent());
        });
        bar.setPrefWidth(150);
        table.getColumns().add(bar);
    }

    /**
     * A cell's value from the packing, read again when the packing changes: the cell holds it while it shows the
     * row and listens to it (weakly both ways), so a new packing updates the cells in place.
     */
    private static <T> ObservableValue<T> following(ObservableValue<FleetPacking> packing, Cluster cluster,
            Function<ClusterPacking, T> value) {
        return Bindings.createObjectBinding(() -> {
            ClusterPacking p = of(packing, cluster);
            return p == null ? null : value.apply(p);
        }, packing);
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
        column.setCellValueFactory(row -> following(packing, row.getValue(), p -> p.hosts() == 0 ? null
                : cpu ? p.cpuReservedPercent() : p.memoryReservedPercent()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%.0f %%", item));
            }
        });
        column.getStyleClass().add(HarbormasterStyles.NUMERIC);
        TableCsv.textOf(column, c -> {
            Double value = column.getCellData(c);
            return value == null ? "" : String.format("%.0f %%", value);
        });
        column.setMinWidth(new javafx.scene.text.Text(title).getLayoutBounds().getWidth() + 40);
        column.setPrefWidth(110);
        return column;
    }

    /** The packing bar, with the numbers behind it in a tooltip. */
    private static final class BarCell extends TableCell<Cluster, ClusterPacking> {
        private PackingBar bar;
        /** Made on the first hover: a new one each update was a popup window per row as the first fleet arrived. */
        private final CellTooltip numbers = new CellTooltip(this);

        @Override
        protected void updateItem(ClusterPacking item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.hosts() == 0) {
                setGraphic(null);
                numbers.show(null);
                return;
            }
            if (bar == null) {
                bar = new PackingBar();
            }
            bar.show(item);
            setGraphic(bar);
            numbers.show(() -> String.format("%d hosts%nCPU %.0f%% reserved, %.0f%% stranded%n"
                            + "Memory %.0f%% reserved, %.0f%% stranded%n%d hosts with stranded capacity, %d port-blocked",
                    item.hosts(), item.cpuReservedPercent(), item.strandedCpuPercent(), item.memoryReservedPercent(),
                    item.strandedMemoryPercent(), item.strandedHosts(), item.portBlockedHosts()));
        }
    }
}
