package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.palette.PaletteEntry;
import io.harbormaster.views.shell.ShellViewModel;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ctrl+K to a cluster against the sandbox's prod: the Clusters page opens with that cluster's row selected and every
 * other cluster still listed; a filter that would hide the row is cleared, one that shows it is left alone.
 */
class PaletteJourneyTest {

    @TempDir
    static Path home;

    private static AppHarness harness;

    @BeforeAll
    static void startApp() throws Exception {
        harness = AppHarness.start(home, "--sandbox", "--latency-ms=0");
        FleetJourneys.enterProd(harness);
    }

    @AfterAll
    static void stopApp() throws Exception {
        harness.close();
    }

    private static ShellViewModel shell() {
        return harness.app.window().viewModel();
    }

    @Test
    void ctrlKToAClusterSelectsItsRowAndFiltersNothingAway() throws Exception {
        harness.robot.clickOn("#nav-services");
        harness.waitUntil("prod's fleet is in", () -> shell().fleet().data() != null
                && shell().fleet().data().complete());
        int clusters = shell().fleet().data().snapshot().clusters().size();
        assertThat(clusters).isEqualTo(6);

        goToCluster("warehouses");
        TableView<Cluster> table = harness.lookup("#clusters-table");
        harness.waitUntil("the Clusters page has warehouses selected",
                () -> shell().pageProperty().get().equals(ClustersPage.ID)
                && table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("warehouses"));
        assertThat(table.getItems()).as("every other cluster is still listed").hasSize(clusters);
        harness.waitUntil("the table has the focus, so the row shows as the current one", table::isFocused);
        assertThat(shell().page(ClustersPage.class).viewModel().filterProperty().get()).isEmpty();
        javafx.scene.control.Label summary = harness.lookup("#clusters-summary");
        assertThat(summary.getText()).isEqualTo(clusters + " clusters");
        WaitForAsyncUtils.waitForFxEvents();
        harness.screenshot("palette-01-cluster-selected");

        TextField filter = harness.lookup("#clusters-filter");
        harness.robot.interact(() -> filter.setText("cdn")); // hides warehouses
        harness.waitUntil("the filter leaves cdn", () -> table.getItems().size() == 1);
        goToCluster("warehouses");
        harness.waitUntil("the hiding filter is cleared and warehouses selected", () -> filter.getText().isEmpty()
                && table.getItems().size() == clusters && table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("warehouses"));

        harness.robot.interact(() -> filter.setText("ware")); // shows warehouses
        harness.robot.interact(() -> table.getSelectionModel().clearSelection()); // deselected by the operator
        goToCluster("warehouses");
        harness.waitUntil("warehouses selected again", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("warehouses"));
        assertThat(filter.getText()).as("a filter that shows the cluster is left alone").isEqualTo("ware");
    }

    private static void goToCluster(String name) {
        harness.robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        harness.waitUntil("the palette shows", () -> shell().palette().showingProperty().get()
                && harness.lookup("#palette-search").isFocused());
        harness.robot.write(name);
        harness.waitUntil("the cluster " + name + " is offered first", () -> !shell().palette().results().isEmpty()
                && shell().palette().results().get(0).kind() == PaletteEntry.Kind.CLUSTER
                && shell().palette().results().get(0).label().equals(name));
        harness.robot.type(KeyCode.ENTER);
        harness.waitUntil("the palette closes", () -> !shell().palette().showingProperty().get());
    }
}
