package io.harbormaster.views.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.alarms.Alarm;
import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.metrics.MetricId;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The alarms bar at every fleet refresh and every minute's reading of the alarms: its chips are made again only when
 * what they show changed (it rebuilt every chip, a label and tooltip each, at each refresh, on the UI thread).
 */
@ExtendWith(ApplicationExtension.class)
class AlarmsBarTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final AlarmsViewModel vm = new AlarmsViewModel(metrics.deps(), new CurrentThreadTaskExecutor(),
            new ManualRepeater(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    private final SimpleObjectProperty<Service> picked = new SimpleObjectProperty<>();
    /** Stands for the fleet read again: the bar reads the picked service afresh at each change. */
    private final SimpleIntegerProperty refreshes = new SimpleIntegerProperty();
    private AlarmsBar bar;

    @Start
    void start(Stage stage) {
        metrics.alarmList.add(cpuAlarm("worker", "prod-worker-cpu-high", AlarmState.ALARM));
        metrics.alarmList.add(cpuAlarm("api", "prod-api-cpu-high", AlarmState.OK));
        picked.set(service("worker"));
        vm.bind(new SimpleObjectProperty<>(Fixtures.session(Fixtures.PROD)));
        vm.activeProperty().set(true);
        bar = new AlarmsBar(vm, () -> Optional.ofNullable(picked.get()), picked, refreshes);
        stage.setScene(new Scene(new StackPane(bar), 640, 200));
        stage.show();
    }

    @Test
    void theSameAlarmsReadAgainAndTheFleetRefreshedLeaveTheChipsAsTheyAre(FxRobot robot) {
        Label chip = robot.lookup("#alarm-prod-worker-cpu-high").queryAs(Label.class);
        Node elsewhere = robot.lookup("#alarms-elsewhere-quiet").query();
        List<ListChangeListener.Change<? extends Alarm>> changes = new ArrayList<>();
        robot.interact(() -> vm.alarms().addListener((ListChangeListener<Alarm>) changes::add));

        robot.interact(() -> {
            refreshes.set(refreshes.get() + 1);
            picked.set(service("worker")); // the same service, read again
            vm.load();
        });

        assertThat(changes).as("the same alarms are not put in the list again").isEmpty();
        assertThat(robot.lookup("#alarm-prod-worker-cpu-high").queryAs(Label.class)).isSameAs(chip);
        Node elsewhereNow = robot.lookup("#alarms-elsewhere-quiet").query();
        assertThat(elsewhereNow).isSameAs(elsewhere);
    }

    @Test
    void aChangedStateOrAnotherServiceMakesThemAgain(FxRobot robot) {
        Label chip = robot.lookup("#alarm-prod-worker-cpu-high").queryAs(Label.class);
        assertThat(chip.getText()).isEqualTo("prod-worker-cpu-high · ALARM");

        metrics.alarmList.set(0, cpuAlarm("worker", "prod-worker-cpu-high", AlarmState.OK));
        robot.interact(vm::load);

        Label now = robot.lookup("#alarm-prod-worker-cpu-high").queryAs(Label.class);
        assertThat(now.getText()).isEqualTo("prod-worker-cpu-high · OK");

        robot.interact(() -> picked.set(service("api")));
        assertThat(robot.lookup("#alarm-prod-api-cpu-high").tryQuery()).as("api's own alarm, now on the service")
                .isPresent();
        assertThat(robot.lookup("#alarms-on-service").lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText).contains("Alarms on api");
    }

    private static Service service(String name) {
        return FleetFixtures.snapshot("prod", Fixtures.NOW).services().stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
    }

    private static Alarm cpuAlarm(String service, String name, AlarmState state) {
        return new Alarm(name, "", "", MetricId.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "web",
                "ServiceName", service)), "Average", Duration.ofMinutes(1), 80, "GreaterThanThreshold", 3, state,
                "", Instant.EPOCH);
    }
}
