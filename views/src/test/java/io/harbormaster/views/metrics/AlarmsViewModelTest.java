package io.harbormaster.views.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Clock;
import java.time.ZoneOffset;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class AlarmsViewModelTest {

    private final FakeMetrics metrics = new FakeMetrics();
    private final AlarmsViewModel vm = new AlarmsViewModel(metrics.deps(), new CurrentThreadTaskExecutor(),
            new ManualRepeater(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

    @Test
    void anEmptyListOnlyMeansNoAlarmsOnceAwsWasAsked() {
        SimpleObjectProperty<EnvironmentSession> current = new SimpleObjectProperty<>();
        vm.bind(current);
        assertThat(vm.messageProperty().get()).isEqualTo(AlarmsViewModel.NOT_ENTERED);

        current.set(Fixtures.session(Fixtures.PROD));
        assertThat(vm.messageProperty().get()).as("entered but the page is hidden: nothing read")
                .isEqualTo(AlarmsViewModel.NOT_READ);

        vm.activeProperty().set(true);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.alarms()).isEmpty();
    }
}
