package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.model.fleet.Arns;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.views.hosts.HostDetail;
import io.harbormaster.views.hosts.HostDetailViewModel;
import io.harbormaster.views.hosts.HostsCanvas;
import io.harbormaster.views.hosts.HostsPage;
import io.harbormaster.views.hosts.HostsViewModel;
import io.harbormaster.views.services.ServiceDetail;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * Stopping a task as an operator does: from the Services page's detail, its Tasks tab, then Stopped tasks; or from
 * the Hosts page, a task block picked.
 */
final class StopTaskSteps {

    private StopTaskSteps() {
    }

    /** Selects the service on the Services page and shows its Tasks tab, once it lists tasks. */
    static TableView<ServiceDetail.TaskRow> showTasks(Journey journey, String service) {
        journey.robot().clickOn("#nav-services");
        ServicesViewModel services = journey.shell().page(ServicesPage.class).viewModel();
        journey.filterAndSelect(service);
        journey.waitUntil(service + "'s detail shows", () -> services.detailProperty().get() != null
                && services.detailProperty().get().service().name().equals(service));
        selectTab(journey, "service-tab-tasks");
        TableView<ServiceDetail.TaskRow> tasks = journey.lookup("#service-detail-tasks");
        journey.waitUntil("its tasks are listed", () -> !tasks.getItems().isEmpty());
        return tasks;
    }

    /**
     * Stops the first task listed with {@code reason}: the preview names it, its service and its host; in production
     * the task id is typed when the guard asks. Elsewhere the guard asks nothing: the dialog closes on the write alone.
     */
    static ServiceDetail.TaskRow stopFirst(Journey journey, TableView<ServiceDetail.TaskRow> tasks, String service,
            String reason, boolean production, String screenshot) throws Exception {
        ServiceDetail.TaskRow victim = journey.onUi(() -> tasks.getItems().get(0));
        journey.robot().interact(() -> tasks.getSelectionModel().select(victim));
        confirm(journey, "#stop-task", victim.taskId(), service, victim.host(), reason, production, screenshot);
        return victim;
    }

    /**
     * Presses {@code button} and stops the task in the dialog: the preview names it, its service and its host; the
     * reason typed; in production the task id typed when the guard asks.
     */
    static void confirm(Journey journey, String button, String taskId, String service, String host, String reason,
            boolean production, String screenshot) throws Exception {
        DeployJourneys.press(journey, button);
        journey.waitUntil("the stop dialog shows", () -> journey.exists("#stop-task-dialog"));
        assertThat(journey.<Label>lookup("#stop-task-preview").getText()).contains("task " + taskId
                + " of " + service + " on " + host).contains("The service scheduler starts a replacement");
        TextField field = journey.lookup("#stop-task-reason");
        journey.robot().interact(() -> field.setText(reason));
        journey.screenshot(screenshot);
        DeployJourneys.press(journey, "#stop-task-submit");
        if (production) {
            DeployJourneys.typeName(journey, taskId);
        }
        journey.waitUntil("the stop dialog closes after the write", () -> !journey.exists("#stop-task-dialog"));
        assertThat(journey.exists("#problem-dialog")).isFalse();
    }

    /**
     * On the Hosts page, the block of the first task a service runs on an EC2 host, clicked as an operator does (its
     * host centred and zoomed in first): the detail beside the canvas shows it picked. Returns that task.
     */
    static Task pickABlock(Journey journey) {
        journey.robot().clickOn("#nav-hosts");
        journey.awaitFleetLoaded();
        HostsViewModel hosts = journey.shell().page(HostsPage.class).viewModel();
        journey.waitUntil("the hosts are laid out", () -> hosts.layoutProperty().get() != null
                && hosts.modelProperty().get() != null);
        FleetSnapshot fleet = journey.onUi(() -> hosts.modelProperty().get().snapshot());
        Task task = fleet.tasks().stream().filter(t -> !t.containerInstanceArn().isEmpty()
                && fleet.serviceOf(t).filter(s -> s.desiredCount() > 0).isPresent()).findFirst().orElseThrow();
        HostsCanvas canvas = journey.lookup("#hosts-canvas");
        journey.robot().interact(() -> {
            hosts.centreOn(task.containerInstanceArn());
            canvas.zoomBy(3);
        });
        journey.waitUntil("its block is in view, the cards flowed to the canvas's width", () -> {
            Point2D p = canvas.blockCentre(task.containerInstanceArn(), task.arn());
            return p != null && canvas.getLayoutBounds().contains(p) && hosts.layoutProperty().get().columns()
                    == io.harbormaster.views.hosts.HostLayout.columnsFor(canvas.getWidth());
        });
        journey.robot().clickOn(journey.onUi(() -> canvas.localToScreen(blockOf(canvas, task))));
        HostDetailViewModel detail = hosts.detail();
        journey.waitUntil("the block's task is picked", () -> task.arn().equals(detail.taskProperty().get()));
        assertThat(journey.<Label>lookup("#hosts-detail-task-id").getText()).isEqualTo(Arns.name(task.arn()));
        assertThat(journey.<Label>lookup("#hosts-detail-task-service").getText())
                .isEqualTo(fleet.serviceOf(task).orElseThrow().name());
        ListView<HostDetail.TaskRow> list = journey.lookup("#hosts-detail-tasks");
        assertThat(journey.onUi(() -> list.getSelectionModel().getSelectedItem().arn()))
                .as("its row in the host's task list")
                .isEqualTo(task.arn());
        assertThat(journey.onUi(() -> list.lookupAll(".list-cell").stream()
                .map(c -> (javafx.scene.control.ListCell<?>) c).filter(c -> c.getItem() != null)
                .filter(c -> !((javafx.scene.text.Text) c.lookup(".text")).getText().equals(c.getText())
                        || c.lookup(".text").getBoundsInParent().getMaxY() > c.getHeight() + 0.5)
                .map(javafx.scene.control.ListCell::getText).toList()))
                .as("the host's tasks listed whole: not cut to '…', no line below the cell").isEmpty();
        return task;
    }

    private static Point2D blockOf(HostsCanvas canvas, Task task) {
        return canvas.blockCentre(task.containerInstanceArn(), task.arn());
    }

    private static HostsViewModel hostsOf(Journey journey) {
        return journey.shell().page(HostsPage.class).viewModel();
    }

    /** The picked task's block asked for its context menu: it offers Stop task…, enabled or not as {@code enabled}. */
    static void blockMenuOffersStopTask(Journey journey, Task task, boolean enabled) {
        HostsCanvas canvas = journey.lookup("#hosts-canvas");
        // The context-menu request a right click makes on a desktop (Monocle's robot does not make one).
        journey.robot().interact(() -> {
            Point2D local = blockOf(canvas, task);
            Point2D scene = canvas.localToScene(local); // an event made without a source takes scene coordinates
            Point2D screen = canvas.localToScreen(local);
            javafx.event.Event.fireEvent(canvas, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    scene.getX(), scene.getY(), screen.getX(), screen.getY(), false, null));
        });
        journey.waitUntil("the block's menu shows", () -> canvas.taskMenu().isShowing());
        assertThat(journey.onUi(() -> hostsOf(journey).detail().taskProperty().get())).isEqualTo(task.arn());
        MenuItem item = journey.onUi(() -> canvas.taskMenu().getItems().stream()
                .filter(i -> "hosts-stop-task-menu".equals(i.getId())).findFirst().orElseThrow());
        assertThat(journey.onUi(item::isDisable)).as("Stop task… in the block's menu disabled").isEqualTo(!enabled);
        journey.robot().interact(canvas.taskMenu()::hide);
    }

    /** Shows Stopped tasks and waits until it lists the task with the reason given and ECS's UserInitiated. */
    static void awaitStopped(Journey journey, ServiceDetail.TaskRow task, String reason) {
        selectTab(journey, "service-tab-stopped-tasks");
        TableView<StoppedTask> stopped = journey.lookup("#service-detail-stopped-tasks");
        journey.waitUntil("the stopped task is listed with the reason given", () -> stopped.getItems().stream()
                .anyMatch(t -> t.taskArn().equals(task.arn()) && t.stoppedReason().equals(reason)
                        && t.stopCode().equals("UserInitiated")));
    }

    static void selectTab(Journey journey, String id) {
        TabPane tabs = journey.lookup("#service-detail-tabs");
        journey.robot().interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }
}
