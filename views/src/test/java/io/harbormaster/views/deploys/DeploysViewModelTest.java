package io.harbormaster.views.deploys;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.DeployHistoryEntry;
import io.harbormaster.model.deploy.DeployStarted;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.ServiceDeploymentBrief;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.deploys.wizard.ChangeStep;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.RecordingDialogs;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Deploys page's state: where a deploy starts and what follows from it. */
class DeploysViewModelTest {

    private static final ServiceRef API = new ServiceRef("main", "api");

    private final DeployFixtures world = new DeployFixtures();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final AtomicInteger fleetReads = new AtomicInteger();
    private final DeploysViewModel vm = new DeploysViewModel(world.deploys, () -> world.dev, executor, world.guard(),
            new RecordingDialogs(), world.wizards(executor), Fixtures.CLOCK,
            id -> id.equals("dev") ? "Development" : id, fleetReads::incrementAndGet);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void severalServicesOfAClusterGetTheirWizardOneAfterTheOtherAndTheFleetIsReadAgainAfterEach() {
        vm.open(List.of(DeployFixtures.WEB, API), "");
        assertThat(vm.wizardProperty().get().service()).isEqualTo(DeployFixtures.WEB);
        assertThat(vm.queued()).containsExactly(API);

        vm.started(new DeployStarted("op-1", DeployFixtures.WEB, "arn:td/web:4", "arn:sd/1"));
        assertThat(vm.wizardProperty().get().service()).isEqualTo(API);
        assertThat(vm.queued()).isEmpty();
        assertThat(fleetReads).as("the new deployment (and its marker) at once").hasValue(1);

        vm.started(new DeployStarted("op-2", API, "arn:td/api:2", "arn:sd/2"));
        assertThat(vm.wizardProperty().get()).isNull();
        assertThat(fleetReads).hasValue(2);
    }

    @Test
    void deployWithNoServiceAsksForOneUntilAWizardOpensOrThePageIsLeft() {
        vm.askForService();
        assertThat(vm.choosingProperty().get()).isTrue();
        vm.open(List.of(DeployFixtures.WEB), "");
        assertThat(vm.choosingProperty().get()).isFalse();

        vm.cancelWizard();
        vm.askForService();
        vm.hidden();
        assertThat(vm.choosingProperty().get()).isFalse();
        vm.askForService();
        vm.stopAskingForService();
        assertThat(vm.choosingProperty().get()).isFalse();
    }

    @Test
    void anEarlierRevisionFromTheHistoryIsDeployedAgainThroughTheWizardWithItChosen() {
        vm.history().serviceProperty().set(DeployFixtures.WEB);
        assertThat(vm.history().redeployBlockedProperty().get()).startsWith("Choose a deploy in the history");
        ServiceDeploymentBrief brief = new ServiceDeploymentBrief("arn:sd/0", world.service.arn(),
                DeploymentStatus.SUCCESSFUL, "", "arn:rev/0", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        vm.history().selectedProperty().set(new DeployHistoryEntry(brief, "", null, "arn:td/web:2", ""));
        assertThat(vm.history().redeployBlockedProperty().get()).isEmpty();

        vm.history().redeploySelected();
        assertThat(vm.wizardProperty().get()).isNotNull();
        assertThat(vm.wizardProperty().get().change().modeProperty().get())
                .isEqualTo(ChangeStep.Mode.EXISTING_REVISION);
        assertThat(vm.wizardProperty().get().change().revisionProperty().get()).isEqualTo("arn:td/web:2");
    }

    @Test
    void environmentsAreCalledByTheirDisplayName() {
        assertThat(vm.environmentName("dev")).isEqualTo("Development");
        assertThat(vm.live().environmentName("dev")).isEqualTo("Development");
    }
}
