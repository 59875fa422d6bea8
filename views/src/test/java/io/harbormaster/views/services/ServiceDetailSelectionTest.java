package io.harbormaster.views.services;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Task;
import io.harbormaster.model.testdata.FleetSnapshotBuilder;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeFleet;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fleet.FleetViewModel;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A task picked in the detail's Tasks tab (to stop it, say) stays picked when a fleet refresh replaces the rows and
 * a new task sorts above it: the row picked, not the row at its old place (JavaFX's single selection follows the
 * item through {@code setAll}; this holds it to that).
 */
@ExtendWith(ApplicationExtension.class)
class ServiceDetailSelectionTest {

    private final FakeFleet ports = new FakeFleet().with("dev", FleetFixtures.snapshot("dev", Fixtures.NOW));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private FleetViewModel fleet;
    private ServicesViewModel services;
    private ServiceDetailView detail;
    private Stage own;

    @Start
    void start(Stage stage) {
        fleet = new FleetViewModel(ports, ports, executor, new ManualRepeater(), Runnable::run, Fixtures.CLOCK);
        services = new ServicesViewModel(fleet, executor);
        detail = new ServiceDetailView(services, destination -> { });
        // a stage of its own: TestFX hands every test class the same one
        own = new Stage();
        own.setScene(new Scene(detail, 900, 500));
        own.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> own.close());
    }

    @Test
    void theSelectedTaskStaysSelectedWhenARefreshSortsANewTaskAboveIt(FxRobot robot) {
        TableView<ServiceDetail.TaskRow> tasks = robot.lookup("#service-detail-tasks").queryAs(TableView.class);
        robot.interact(() -> {
            fleet.sessionProperty().set(Fixtures.session(DEV));
            fleet.activeProperty().set(true);
            services.select(FleetFixtures.API);
            tasks.getSelectionModel().select(1);
        });
        String picked = tasks.getSelectionModel().getSelectedItem().arn();

        ServiceDetail before = services.detailProperty().get();
        robot.interact(() -> {
            ports.refreshingTo(previous -> withReplacement(FleetFixtures.snapshot("dev", Fixtures.NOW.plusSeconds(20)),
                    before.tasks().get(0).arn()));
            fleet.refresh();
        });

        List<String> now = services.detailProperty().get().tasks().stream().map(ServiceDetail.TaskRow::arn).toList();
        assertThat(now.indexOf(picked)).as("the new task sorts above the one picked").isEqualTo(2);
        assertThat(tasks.getSelectionModel().getSelectedItem()).as("still the task picked, not the row at its place")
                .isNotNull().extracting(ServiceDetail.TaskRow::arn).isEqualTo(picked);
    }

    /** The snapshot with a replacement task started beside {@code nextTo}, sorting above the tasks there. */
    private static FleetSnapshot withReplacement(FleetSnapshot s, String nextTo) {
        Task t = s.tasks().stream().filter(x -> x.arn().equals(nextTo)).findFirst().orElseThrow();
        Task started = new Task(t.arn().substring(0, t.arn().lastIndexOf('/') + 1) + "0000replacement", t.clusterArn(),
                t.group(), t.containerInstanceArn(), t.taskDefinitionArn(), "PENDING", "RUNNING", t.cpu(), t.memory(),
                t.hostPorts(), t.startedAt(), t.stoppedAt(), t.stoppedReason());
        List<Task> tasks = new java.util.ArrayList<>(s.tasks());
        tasks.add(started);
        return FleetSnapshotBuilder.from(s).tasks(tasks).build();
    }
}
