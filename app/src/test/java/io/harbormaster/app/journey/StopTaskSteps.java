package io.harbormaster.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.StoppedTask;
import io.harbormaster.views.services.ServiceDetail;
import io.harbormaster.views.services.ServicesPage;
import io.harbormaster.views.services.ServicesViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Stopping a task as an operator does: from the Services page's detail, its Tasks tab, then Stopped tasks. */
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
        DeployJourneys.press(journey, "#stop-task");
        journey.waitUntil("the stop dialog shows", () -> journey.exists("#stop-task-dialog"));
        assertThat(journey.<Label>lookup("#stop-task-preview").getText()).contains("task " + victim.taskId()
                + " of " + service + " on " + victim.host()).contains("The service scheduler starts a replacement");
        TextField field = journey.lookup("#stop-task-reason");
        journey.robot().interact(() -> field.setText(reason));
        journey.screenshot(screenshot);
        DeployJourneys.press(journey, "#stop-task-submit");
        if (production) {
            DeployJourneys.typeName(journey, victim.taskId());
        }
        journey.waitUntil("the stop dialog closes after the write", () -> !journey.exists("#stop-task-dialog"));
        assertThat(journey.exists("#problem-dialog")).isFalse();
        return victim;
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
