package io.harbormaster.views.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FleetFixtures;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.fleet.FleetData;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Duration;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The Metrics page's stale marking is the tab shown's, and F5 reads CloudWatch again for it. */
class MetricsViewModelTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final ManualRepeater repeater = new ManualRepeater();
    private final MovableClock clock = new MovableClock();

    @Test
    void theTabShownSaysItsChartsAreOldAndF5AfterCloudWatchIsBackClearsIt() {
        MetricsViewModel vm = new MetricsViewModel(metrics.deps(), new CurrentThreadTaskExecutor(), repeater, clock);
        vm.bind(new SimpleObjectProperty<EnvironmentSession>(Fixtures.session(Fixtures.PROD)),
                new SimpleObjectProperty<>(FleetData.of(FleetFixtures.snapshot("prod", Fixtures.NOW))));
        vm.activeProperty().set(true);
        vm.showDashboard(FleetFixtures.API);
        assertThat(vm.stalenessProperty().get()).isEmpty();

        metrics.offline = true;
        clock.advance(Duration.ofSeconds(60));
        repeater.tick();
        assertThat(vm.stalenessProperty().get()).startsWith("Could not read CloudWatch at 14:03:11");
        vm.tabProperty().set(MetricsViewModel.Tab.LOGS);
        assertThat(vm.stalenessProperty().get()).as("the logs tab draws no chart").isEmpty();
        vm.tabProperty().set(MetricsViewModel.Tab.DASHBOARD);
        assertThat(vm.stalenessProperty().get()).isNotEmpty();

        metrics.offline = false;
        int before = metrics.fetches.size();
        vm.refresh();
        assertThat(metrics.fetches.size()).as("F5 read CloudWatch again").isGreaterThan(before);
        assertThat(vm.stalenessProperty().get()).isEmpty();
    }
}
