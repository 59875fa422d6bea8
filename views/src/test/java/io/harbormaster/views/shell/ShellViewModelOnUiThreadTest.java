package io.harbormaster.views.shell;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.allenv.AllEnvironmentsPage;
import io.harbormaster.views.clusters.ClustersPage;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeListClusters;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.fakes.TestShell;
import io.harbormaster.views.fleet.ManualRepeater;
import io.harbormaster.views.services.ServicesPage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The shell's view-model where its work hops onto the UI thread (fleet loads publish there): everything runs on the
 * FX thread, with work done in place and time moved by hand.
 */
@ExtendWith(ApplicationExtension.class)
class ShellViewModelOnUiThreadTest {

    private final ManualRepeater time = new ManualRepeater();

    private ShellViewModel shell() {
        ShellDependencies deps = TestShell.deps(new FakeRegistry(DEV, STAGE, PROD), new FakeEnterEnvironment(),
                new FakeListClusters().with("dev", Fixtures.devClusters()), new CurrentThreadTaskExecutor(),
                new InMemoryUiState(), Fixtures.CLOCK);
        ShellViewModel vm = new ShellViewModel(deps, new RecordingDialogs(), MfaPrompt.NONE, time);
        vm.start();
        return vm;
    }

    @Test
    void closingStopsEveryPeriodicRefreshTheWindowStarted(FxRobot robot) {
        AtomicReference<ShellViewModel> shell = new AtomicReference<>();
        robot.interact(() -> {
            ShellViewModel vm = shell();
            shell.set(vm);
            vm.environmentBar().enter(DEV);
            vm.navigate(ServicesPage.ID);
        });
        assertThat(time.running()).as("the fleet refreshes while Services shows").isTrue();

        robot.interact(() -> shell.get().close());
        assertThat(time.running()).isFalse();

        robot.interact(() -> {
            shell.get().navigate(ClustersPage.ID);
            shell.get().navigate(ServicesPage.ID);
        });
        assertThat(time.running()).as("nothing starts again on a closed window").isFalse();
    }

    @Test
    void allEnvironmentsSaysHowOldItsOldestEnvironmentIsAndF5LoadsIt(FxRobot robot) {
        AtomicReference<ShellViewModel> shell = new AtomicReference<>();
        robot.interact(() -> {
            ShellViewModel vm = shell();
            shell.set(vm);
            vm.environmentBar().enter(DEV);
            vm.navigate(AllEnvironmentsPage.ID);
        });
        assertThat(shell.get().statusBar().refreshedProperty().get()).isEqualTo("not loaded yet");

        robot.interact(() -> shell.get().refresh());

        assertThat(shell.get().page(AllEnvironmentsPage.class).viewModel().loadingProperty().get()).isZero();
        assertThat(shell.get().statusBar().refreshedProperty().get()).startsWith("as of ");
    }
}
