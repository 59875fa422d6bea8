package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.actions.ActionSpec;
import io.harbormaster.views.actions.StandardAction;
import io.harbormaster.views.deploys.DeploysPage;
import io.harbormaster.views.palette.PaletteEntry;
import io.harbormaster.views.palette.PaletteViewModel;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The journey step "writes are disabled here": in the environment entered, every write action refuses with the
 * write guard's reason — the Services page's buttons for the selected service and its first task (Scale, Deploy,
 * Stop task, with their tooltips; Stop task's context-menu item), the View menu's items and the palette's entries.
 */
final class WritesDisabled {

    /** The write actions the palette and the View menu offer. */
    static final List<ActionSpec> WRITE_ACTIONS = List.of(StandardAction.SCALE_SERVICE, DeploysPage.DEPLOY);
    /** The Services page's write buttons (id → the words their tooltip names them by). */
    private static final Map<String, String> BUTTONS = Map.of("scale-service", "Scale service…", "deploy-service",
            "Deploy", "service-detail-deploy", "Deploy");

    private WritesDisabled() {
    }

    /** Checks it all on the Services page, a service selected; returns the reason, for the journey's own words. */
    static String check(Journey journey) {
        String reason = journey.onUi(() -> journey.shell().writeGuard().writeDisabledReasonProperty().get());
        assertThat(reason).as("the write guard refuses writes here").isNotEmpty();

        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.awaitFleetLoaded();
        journey.filterAndSelect(journey.onUi(() -> services.rows().get(0).name()));
        journey.waitUntil("a service is selected", () -> services.detailProperty().get() != null);
        BUTTONS.forEach((id, words) -> assertRefused(journey, id, words, reason));

        TabPane tabs = journey.lookup("#service-detail-tabs");
        journey.robot().interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "service-tab-tasks".equals(t.getId())).findFirst().orElseThrow()));
        TableView<?> tasks = journey.lookup("#service-detail-tasks");
        journey.waitUntil("its tasks are listed", () -> !tasks.getItems().isEmpty());
        journey.robot().interact(() -> tasks.getSelectionModel().select(0));
        assertRefused(journey, "stop-task", "Stop task", reason);
        assertThat(journey.onUi(() -> tasks.getContextMenu().getItems().stream()
                .filter(i -> "stop-task-menu".equals(i.getId())).findFirst().orElseThrow().isDisable()))
                .as("Stop task… in the tasks' context menu").isTrue();

        List<MenuItem> menu = journey.onUi(() -> journey.<MenuBar>lookup("#menu-bar").getMenus().stream()
                .flatMap(m -> m.getItems().stream()).toList());
        PaletteViewModel palette = journey.shell().palette();
        for (ActionSpec action : WRITE_ACTIONS) {
            assertThat(menu).filteredOn(i -> ("menu-" + action.id()).equals(i.getId())).as(action.id() + " in the menu")
                    .singleElement().satisfies(i -> assertThat(i.isDisable()).as(action.id()).isTrue());
            journey.robot().interact(() -> palette.queryProperty().set(action.text()));
            List<PaletteEntry> offered = journey.onUi(() -> List.copyOf(palette.results()));
            assertThat(offered).filteredOn(e -> e.arn().equals(action.id())).as(action.id() + " in the palette")
                    .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo(PaletteEntry.UNAVAILABLE + reason));
        }
        journey.robot().interact(() -> palette.queryProperty().set(""));
        return reason;
    }

    /** The button is disabled and its holder's tooltip says why, naming the action by {@code words}. */
    static void assertRefused(Journey journey, String id, String words, String reason) {
        Node button = journey.lookup("#" + id);
        assertThat(journey.onUi(button::isDisabled)).as(id).isTrue();
        Node holder = journey.lookup("#" + id + "-holder");
        String tip = journey.onUi(() -> ((Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip"))
                .getText());
        assertThat(tip).as(id + "'s tooltip").isEqualTo(words + " is not available:\n" + reason);
    }
}
