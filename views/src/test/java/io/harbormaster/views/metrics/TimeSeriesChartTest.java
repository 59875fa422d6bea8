package io.harbormaster.views.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.alarms.AlarmState;
import io.harbormaster.model.alarms.ChartAlarms;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.NamedSeries;
import io.harbormaster.model.metrics.Thresholds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Alarms drawn on a chart: within its scale, named, and told apart by their state. */
@ExtendWith(ApplicationExtension.class)
class TimeSeriesChartTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private TimeSeriesChart chart;

    @Start
    void start(Stage stage) {
        chart = new TimeSeriesChart(ZoneOffset.UTC);
        chart.setTitle("CPU utilisation (%)", "%");
        StackPane root = new StackPane(chart);
        stage.setScene(new Scene(root, 480, 240));
        stage.show();
    }

    private void show(List<ChartAlarms.Level> alarms, FxRobot robot) {
        List<MetricPoint> points = List.of(new MetricPoint(T0, 20), new MetricPoint(T0.plusSeconds(600), 40));
        robot.interact(() -> chart.show(T0, T0.plusSeconds(3600), List.of(new NamedSeries("api", points)),
                new Thresholds(70, 90, true), alarms, List.of()));
    }

    @Test
    void anAlarmAboveTheDataAndTheLevelsIsWithinTheScale(FxRobot robot) {
        show(List.of(), robot);
        assertThat(chart.scaleTop()).as("the critical level with room above").isGreaterThanOrEqualTo(90)
                .isLessThan(150);

        show(List.of(new ChartAlarms.Level("api-cpu-page", 150, ">", AlarmState.OK)), robot);

        assertThat(chart.scaleTop()).isGreaterThanOrEqualTo(150);
        assertThat(chart.yOf(150)).as("drawn inside the plot").isGreaterThan(20).isLessThan(chart.getHeight() - 20);
    }

    @Test
    void anAlarmIsNamedWithItsConditionAndWhetherItFires(FxRobot robot) {
        ChartAlarms.Level firing = new ChartAlarms.Level("prod-api-cpu-critical", 85, ">", AlarmState.ALARM);
        ChartAlarms.Level quiet = new ChartAlarms.Level("prod-api-cpu-warning", 70, ">=", AlarmState.OK);
        show(List.of(quiet, firing), robot);

        assertThat(chart.alarmText(firing)).isEqualTo("prod-api-cpu-critical > 85 % · in alarm");
        assertThat(chart.alarmText(quiet)).isEqualTo("prod-api-cpu-warning >= 70 %");

        AtomicReference<String> tip = new AtomicReference<>();
        robot.interact(() -> {
            double y = chart.yOf(85);
            chart.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, 200, y + 2, 0, 0, MouseButton.NONE, 0, false, false,
                    false, false, false, false, false, false, false, false, null));
            tip.set(chart.tipText());
        });
        assertThat(tip.get()).isEqualTo("Alarm prod-api-cpu-critical\n> 85 % · in alarm");
    }

    @Test
    void onANarrowChartAnAlarmsLabelKeepsClearOfTheLevelsLabels(FxRobot robot) {
        robot.interact(() -> {
            chart.getScene().getWindow().setWidth(300);
            chart.getScene().getRoot().layout();
        });
        // The operator's own levels at 70 and 90 (Thresholds in show()), the team's alarms on the same values: each
        // alarm's long name, centred, reaches the ends where "warning 70 %" and "critical 90 %" are written.
        ChartAlarms.Level critical = new ChartAlarms.Level("prod-api-green-cpu-critical", 90, ">", AlarmState.ALARM);
        ChartAlarms.Level warning = new ChartAlarms.Level("prod-api-green-cpu-warning", 70, ">", AlarmState.OK);
        show(List.of(warning, critical), robot);

        Map<String, Bounds> boxes = chart.labelBoxes();
        assertThat(boxes).containsKeys("warning", "critical", critical.alarm(), warning.alarm());
        assertThat(boxes.get(critical.alarm()).getWidth()).as("wider than half the plot: it reaches an end")
                .isGreaterThan(chart.getWidth() / 2);
        List<String> names = List.copyOf(boxes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                assertThat(boxes.get(names.get(i)).intersects(boxes.get(names.get(j))))
                        .as("%s's label over %s's", names.get(i), names.get(j)).isFalse();
            }
        }
        for (Bounds b : boxes.values()) {
            assertThat(b.getMaxY()).as("inside the plot").isLessThanOrEqualTo(chart.getHeight());
        }
    }
}
