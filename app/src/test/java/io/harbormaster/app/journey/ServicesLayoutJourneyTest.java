package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import io.harbormaster.views.shared.services.ServiceRow;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Services page at 1280×800 on the sandbox's prod (long "unable to place" reasons): nothing laid out beyond its
 * parent or cut to an ellipsis (header buttons, column headings, the detail's "Running"), every column in view without horizontal
 * scrolling, and the detail pane small while no service is selected.
 */
class ServicesLayoutJourneyTest {

    @RegisterExtension
    static final Journey journey = Journey.of(JourneyOptions.sandbox().entering("sandbox-prod"));

    @Test
    void theServicesPageFitsAt1280x800() throws Exception {
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();
        journey.waitUntil("the rows are shown", () -> !journey.serviceRows().isEmpty());
        TableView<ServiceRow> table = journey.lookup("#services-table");
        Node view = journey.lookup("#services-view");

        assertThat(services.selectedProperty().get()).as("nothing selected yet").isNull();
        SplitPane split = journey.lookup("#services-split");
        Node detail = journey.lookup("#service-detail");
        assertThat(journey.onUi(() -> detail.getLayoutBounds().getHeight() / split.getHeight()))
                .as("the empty detail pane's share of the height").isLessThan(0.2);
        assertThat(journey.onUi(() -> LayoutCheck.overflow(view.getScene(), view))).as("laid out beyond its parent").isEmpty();
        assertThat(journey.onUi(() -> LayoutCheck.clipped(view.getScene()))).as("clipped").isEmpty();
        assertThat(journey.onUi(() -> LayoutCheck.table(table))).as("the table's headings and width").isEmpty();
        journey.screenshot("services-layout-01-1280x800");

        journey.filterAndSelect("edge-cache");
        journey.waitUntil("its detail shows", () -> services.detailProperty().get() != null);
        assertThat(journey.onUi(() -> detail.getLayoutBounds().getHeight() / split.getHeight()))
                .as("the detail pane of a selected service").isGreaterThan(0.35);
        assertThat(journey.onUi(() -> LayoutCheck.overflow(view.getScene(), view))).as("laid out beyond its parent").isEmpty();
        assertThat(journey.onUi(() -> LayoutCheck.table(table))).as("the table's headings and width").isEmpty();
        TableView<?> deployments = journey.lookup("#service-detail-deployments");
        assertThat(journey.onUi(() -> LayoutCheck.table(deployments))).as("the deployments' headings").isEmpty();
        journey.screenshot("services-layout-02-selected-1280x800");
    }
}
