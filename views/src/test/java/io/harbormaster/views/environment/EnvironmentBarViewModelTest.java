package io.harbormaster.views.environment;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static io.harbormaster.views.fakes.Fixtures.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.fakes.FakeEnterEnvironment;
import io.harbormaster.views.fakes.FakeRegistry;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.InMemoryUiState;
import io.harbormaster.views.fakes.RecordingDialogs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentBarViewModelTest {

    private final FakeRegistry registry = new FakeRegistry(PROD, DEV, STAGE);
    private final FakeEnterEnvironment enter = new FakeEnterEnvironment();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final InMemoryUiState uiState = new InMemoryUiState();

    private EnvironmentBarViewModel viewModel(TaskExecutor executor, MfaPrompt prompt) {
        EnvironmentBarViewModel vm = new EnvironmentBarViewModel(registry, enter, prompt, executor, dialogs, uiState);
        vm.load();
        return vm;
    }

    private EnvironmentBarViewModel viewModel() {
        return viewModel(new CurrentThreadTaskExecutor(), MfaPrompt.NONE);
    }

    @Test
    void listsEnvironmentsInBarOrderAndFocusesTheLastOneWithoutEnteringIt() {
        uiState.put(EnvironmentBarViewModel.LAST_KEY, "prod");
        EnvironmentBarViewModel vm = viewModel();
        assertThat(vm.environments()).extracting(Environment::id).containsExactly("dev", "stage", "prod");
        assertThat(vm.lastUsedProperty().get()).isEqualTo(PROD);
        assertThat(enter.entered).isEmpty();
        assertThat(vm.session()).isNull();
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void isLoadingUntilTheListArrives() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        EnvironmentBarViewModel vm = viewModel(executor, MfaPrompt.NONE);
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.environments()).isEmpty();
        executor.runAll();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.environments()).hasSize(3);
    }

    @Test
    void aListThatCannotBeReadEndsTheLoadingAndSaysWhy() {
        EnvironmentRegistry failing = new EnvironmentRegistry() {
            @Override
            public List<Environment> environments() {
                throw new IllegalStateException("the sandbox could not start");
            }

            @Override
            public void save(Environment environment) {
            }

            @Override
            public void remove(String id) {
            }
        };
        EnvironmentBarViewModel vm = new EnvironmentBarViewModel(failing, enter, MfaPrompt.NONE,
                new CurrentThreadTaskExecutor(), dialogs, uiState);
        vm.load();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(dialogs.problems).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("the sandbox could not start"));
    }

    @Test
    void enteringMakesTheSessionCurrentAndRemembersIt() {
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(DEV);
        assertThat(vm.session().environment()).isEqualTo(DEV);
        assertThat(vm.selectedProperty().get()).isEqualTo(DEV);
        assertThat(vm.enteringProperty().get()).isNull();
        assertThat(uiState.get(EnvironmentBarViewModel.LAST_KEY)).contains("dev");
        assertThat(dialogs.problems).isEmpty();
    }

    @Test
    void aDeniedEnvironmentShowsTheProblemAndGoesBackToThePreviousOne() {
        enter.deny(PROD);
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(DEV);
        vm.enter(PROD);
        assertThat(dialogs.problems).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not trusted by role admin in prod"));
        assertThat(vm.selectedProperty().get()).isEqualTo(DEV);
        assertThat(vm.session().environment()).isEqualTo(DEV);
        assertThat(vm.productionCurrentProperty().get()).isFalse();
        assertThat(uiState.get(EnvironmentBarViewModel.LAST_KEY)).contains("dev");
    }

    @Test
    void aDeniedFirstEnvironmentLeavesNothingSelected() {
        enter.deny(PROD);
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(PROD);
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.session()).isNull();
        assertThat(dialogs.problems).hasSize(1);
    }

    @Test
    void whileEnteringTheBarShowsTheChoiceAndTheOldSessionStaysCurrent() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        EnvironmentBarViewModel vm = viewModel(executor, MfaPrompt.NONE);
        executor.runAll();
        vm.enter(DEV);
        executor.runAll();
        vm.enter(STAGE);
        assertThat(vm.selectedProperty().get()).isEqualTo(STAGE);
        assertThat(vm.enteringProperty().get()).isEqualTo(STAGE);
        assertThat(vm.session().environment()).isEqualTo(DEV);
        assertThat(executor.runningTasks()).extracting(Object::toString).containsExactly("Entering stage");
        executor.runAll();
        assertThat(vm.session().environment()).isEqualTo(STAGE);
    }

    @Test
    void onlyTheLatestRequestWinsWhenAnswersArriveOutOfOrder() {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        EnvironmentBarViewModel vm = viewModel(executor, MfaPrompt.NONE);
        executor.runAll();
        vm.enter(DEV);
        vm.enter(STAGE);
        executor.runLast(); // stage answers first
        executor.runAll();  // dev's late answer must not take over
        assertThat(vm.session().environment()).isEqualTo(STAGE);
        assertThat(vm.selectedProperty().get()).isEqualTo(STAGE);
    }

    @Test
    void productionIsFlaggedWhenCurrent() {
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(PROD);
        assertThat(vm.productionCurrentProperty().get()).isTrue();
    }

    @Test
    void positionsMapToTheBarOrderAndOutOfRangeDoesNothing() {
        EnvironmentBarViewModel vm = viewModel();
        vm.enterPosition(2);
        assertThat(vm.session().environment()).isEqualTo(STAGE);
        vm.enterPosition(9);
        vm.enterPosition(0);
        assertThat(enter.entered).containsExactly("stage");
        assertThat(vm.positionOf(PROD)).isEqualTo(3);
    }

    @Test
    void enteringTheCurrentEnvironmentAgainIsANoOp() {
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(DEV);
        vm.enter(DEV);
        assertThat(enter.entered).containsExactly("dev");
    }

    @Test
    void theMfaPromptIsHandedToThePortAndItsCodeUsed() {
        enter.requireMfa(PROD);
        EnvironmentBarViewModel vm = viewModel(new CurrentThreadTaskExecutor(), (env, serial) -> Optional.of("123456"));
        vm.enter(PROD);
        assertThat(enter.codes).containsExactly("123456");
        assertThat(vm.session().environment()).isEqualTo(PROD);
    }

    @Test
    void cancellingMfaIsAProblemLikeAnyOther() {
        enter.requireMfa(PROD);
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(PROD);
        assertThat(vm.session()).isNull();
        assertThat(dialogs.problems).extracting(p -> p.title()).containsExactly("MFA code needed");
    }

    @Test
    void anAccountLearnedOnEntryIsRememberedInTheRegistry() {
        Environment unknown = Fixtures.env("sandbox", "sandbox", "", "#1565c0", false, 4);
        registry.save(unknown);
        EnvironmentBarViewModel vm = viewModel();
        vm.enter(unknown);
        assertThat(vm.session().environment().accountId()).isEqualTo("555555555555");
        assertThat(registry.environments()).filteredOn(e -> e.id().equals("sandbox"))
                .singleElement().extracting(Environment::accountId).isEqualTo("555555555555");
        assertThat(vm.environments()).filteredOn(e -> e.id().equals("sandbox"))
                .singleElement().extracting(Environment::accountId).isEqualTo("555555555555");
    }
}
