package io.harbormaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.metrics.MetricKind;
import io.harbormaster.model.metrics.ThresholdSettings;
import io.harbormaster.model.metrics.Thresholds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteThresholdSettingsTest {

    @TempDir
    Path dir;

    @Test
    void levelsAreKeptPerEnvironmentScopeAndMetricAndSurviveARestart() throws Exception {
        Path db = dir.resolve("t.db");
        String web = ThresholdSettings.serviceScope("main", "web");
        try (LocalStore store = LocalStore.open(db)) {
            ThresholdSettings settings = new SqliteThresholdSettings(store);
            assertThat(settings.find("prod", web, MetricKind.CPU_UTILIZATION)).isEmpty();
            assertThat(settings.thresholds("prod", web, MetricKind.CPU_UTILIZATION))
                    .contains(new Thresholds(70, 90, true));

            settings.put("prod", web, MetricKind.CPU_UTILIZATION, new Thresholds(50, 60, true));
            settings.put("prod", web, MetricKind.CPU_UTILIZATION, new Thresholds(55, 65, true));
            settings.put("prod", web, MetricKind.HEALTHY_HOSTS, new Thresholds(3, 1, false));
            settings.put("prod", ThresholdSettings.FLEET, MetricKind.REQUEST_RATE, new Thresholds(100, 200, true));
        }
        try (LocalStore again = LocalStore.open(db)) {
            ThresholdSettings settings = new SqliteThresholdSettings(again);
            assertThat(settings.thresholds("prod", web, MetricKind.CPU_UTILIZATION))
                    .contains(new Thresholds(55, 65, true));
            assertThat(settings.thresholds("prod", web, MetricKind.HEALTHY_HOSTS))
                    .contains(new Thresholds(3, 1, false));
            assertThat(settings.thresholds("stage", web, MetricKind.CPU_UTILIZATION))
                    .as("another environment has the defaults").contains(new Thresholds(70, 90, true));
            assertThat(settings.thresholds("prod", ThresholdSettings.FLEET, MetricKind.REQUEST_RATE))
                    .contains(new Thresholds(100, 200, true));
            assertThat(settings.thresholds("prod", web, MetricKind.REQUEST_RATE))
                    .as("no default for request rate").isEmpty();

            settings.remove("prod", web, MetricKind.CPU_UTILIZATION);
            assertThat(settings.thresholds("prod", web, MetricKind.CPU_UTILIZATION))
                    .contains(new Thresholds(70, 90, true));
        }
    }
}
