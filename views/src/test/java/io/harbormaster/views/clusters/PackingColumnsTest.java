package io.harbormaster.views.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.packing.ClusterPacking;
import io.harbormaster.model.packing.FleetPacking;
import io.harbormaster.views.fakes.Fixtures;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The packing columns fill in when the fleet's packing arrives, after the clusters: the cells on screen update in
 * place. Making every cell again (a table refresh) was most of the frame in which an environment's fleet first
 * arrived; a bar is made only for a row that has one.
 */
@ExtendWith(ApplicationExtension.class)
class PackingColumnsTest {

    private final List<Cluster> clusters = Fixtures.devClusters();
    private final ObjectProperty<FleetPacking> packing = new SimpleObjectProperty<>();
    private TableView<Cluster> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(clusters));
        TableColumn<Cluster, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        table.getColumns().add(name);
        PackingColumns.addTo(table, packing);
        stage.setScene(new Scene(table, 900, 400));
        stage.show();
    }

    @Test
    void thePackingFillsTheCellsOnScreenInPlaceWithABarOnlyWhereThereIsOne(FxRobot robot) throws Exception {
        Set<TableCell<?, ?>> before = onUi(this::cells);
        assertThat(onUi(() -> text("clusters-col-cpu-reserved", 0))).isNull();
        assertThat(onUi(() -> table.lookupAll(".hm-canvas"))).as("no packing, no bars").isEmpty();

        Cluster payments = clusters.get(0);
        robot.interact(() -> packing.set(new FleetPacking(Map.of(), Map.of(payments.arn(),
                new ClusterPacking(payments.arn(), 12, 1000, 4000, 400, 3000, 100, 0, 1, 0)))));

        assertThat(onUi(() -> text("clusters-col-cpu-reserved", 0))).isEqualTo("40 %");
        assertThat(onUi(() -> text("clusters-col-memory-reserved", 0))).isEqualTo("75 %");
        assertThat(onUi(() -> text("clusters-col-cpu-reserved", 1))).as("no packing for it").isNull();
        assertThat(onUi(() -> table.lookupAll(".hm-canvas"))).as("one bar, its row's").hasSize(1);
        assertThat(onUi(this::cells)).as("the same cells, updated in place").isEqualTo(before);

        robot.interact(() -> packing.set(null));
        assertThat(onUi(() -> text("clusters-col-cpu-reserved", 0))).as("gone with the packing").isNull();
        assertThat(onUi(this::cells)).isEqualTo(before);
    }

    private static <T> T onUi(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private Set<TableCell<?, ?>> cells() {
        Set<TableCell<?, ?>> cells = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : table.lookupAll(".table-cell")) {
            cells.add((TableCell<?, ?>) node);
        }
        return cells;
    }

    private String text(String columnId, int row) {
        return table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getIndex() == row)
                .findFirst().orElseThrow().getText();
    }
}
