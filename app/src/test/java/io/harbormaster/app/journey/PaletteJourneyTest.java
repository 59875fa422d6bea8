package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.views.palette.PaletteEntry;
import io.harbormaster.views.shell.ShellViewModel;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl+K to a cluster against the sandbox's prod: the Clusters page opens with that cluster's row selected and every
 * other cluster still listed; a filter that would hide the row is cleared, one that shows it is left alone.
 */
class PaletteJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    private static ShellViewModel shell() {
        return journey.shell();
    }

    @Test
    void ctrlKToAClusterSelectsItsRowAndFiltersNothingAway() throws Exception {
        journey.robot().clickOn("#nav-services");
        journey.awaitFleetLoaded();
        int clusters = shell().fleet().data().snapshot().clusters().size();
        assertThat(clusters).isEqualTo(6);

        goToCluster("warehouses");
        TableView<Cluster> table = journey.lookup("#clusters-table");
        journey.waitUntil("the Clusters page has warehouses selected", () -> shell().pageProperty().get()
                .equals(ClustersPage.ID) && table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("warehouses"));
        assertThat(journey.copy(table.getItems())).as("every other cluster is still listed").hasSize(clusters);
        journey.waitUntil("the table has the focus, so the row shows as the current one", table::isFocused);
        assertThat(shell().page(ClustersPage.class).viewModel().filterProperty().get()).isEmpty();
        javafx.scene.control.Label summary = journey.lookup("#clusters-summary");
        assertThat(summary.getText()).isEqualTo(clusters + " clusters");
        journey.screenshot("palette-01-cluster-selected");

        TextField filter = journey.lookup("#clusters-filter");
        journey.robot().interact(() -> filter.setText("cdn")); // hides warehouses
        journey.waitUntil("the filter leaves cdn", () -> table.getItems().size() == 1);
        goToCluster("warehouses");
        journey.waitUntil("the hiding filter is cleared and warehouses selected", () -> filter.getText().isEmpty()
                && table.getItems().size() == clusters && table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("warehouses"));

        journey.robot().interact(() -> filter.setText("ware")); // shows warehouses
        journey.robot().interact(() -> table.getSelectionModel().clearSelection()); // deselected by the operator
        goToCluster("warehouses");
        journey.waitUntil("warehouses selected again", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().name().equals("warehouses"));
        assertThat(filter.getText()).as("a filter that shows the cluster is left alone").isEqualTo("ware");
    }

    private static void goToCluster(String name) {
        journey.robot().press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        journey.waitUntil("the palette shows", () -> shell().palette().showingProperty().get()
                && journey.lookup("#palette-search").isFocused());
        journey.robot().write(name);
        journey.waitUntil("the cluster " + name + " is offered first", () -> !shell().palette().results().isEmpty()
                && shell().palette().results().get(0).kind() == PaletteEntry.Kind.CLUSTER
                && shell().palette().results().get(0).label().equals(name));
        journey.robot().type(KeyCode.ENTER);
        journey.waitUntil("the palette closes", () -> !shell().palette().showingProperty().get());
    }
}
