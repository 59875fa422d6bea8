package io.harbormaster.views.stoptask;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.StopTaskCommand;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.guard.ConfirmByTypingViewModel;
import io.harbormaster.views.guard.GuardFixtures;
import io.harbormaster.views.guard.WriteGuard;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class StopTaskViewModelTest {

    private static final String TASK = "arn:aws:ecs:eu-west-1:1:task/main/0f3c9a7e2b1d4c5e8f60718293a4b5c6";

    private final List<StopTaskCommand> stopped = new ArrayList<>();
    private RuntimeException failure;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<ConfirmByTypingViewModel> asked = new ArrayList<>();
    private boolean typesTheId = true;
    private int refreshed;
    private final SimpleObjectProperty<EnvironmentSession> current = new SimpleObjectProperty<>();
    private final WriteGuard guard = new WriteGuard(current, request -> {
        asked.add(request);
        return typesTheId;
    });
    private final StopTaskTarget web = new StopTaskTarget("arn:aws:ecs:eu-west-1:1:cluster/main", TASK,
            "arn:aws:ecs:eu-west-1:1:service/main/web", 3, "i-0abc (m5.large, eu-west-1a)");

    private StopTaskViewModel vm(EnvironmentSession session, StopTaskTarget target) {
        current.set(session);
        return new StopTaskViewModel(session, target, (s, command) -> {
            if (failure != null) {
                throw failure;
            }
            stopped.add(command);
        }, guard, new CurrentThreadTaskExecutor(), dialogs, () -> refreshed++);
    }

    @Test
    void thePreviewNamesTheTaskItsServiceItsHostAndTheReplacement() {
        StopTaskViewModel vm = vm(GuardFixtures.as(DEV, "admin", "alice"), web);

        assertThat(vm.preview()).isEqualTo("ECS stops task 0f3c9a7e2b1d4c5e8f60718293a4b5c6 of web on "
                + "i-0abc (m5.large, eu-west-1a) (cluster main): its containers get SIGTERM, then SIGKILL once their "
                + "stop timeout has passed.\nThe service scheduler starts a replacement: web's desired count stays "
                + "at 3.");
        assertThat(vm(GuardFixtures.as(DEV, "admin", "alice"), new StopTaskTarget("main", TASK, "web", 0, ""))
                .preview()).endsWith("web's desired count is 0: no replacement is started.");
        assertThat(vm(GuardFixtures.as(DEV, "admin", "alice"), new StopTaskTarget("main", TASK, "", 0, "h"))
                .preview()).endsWith("No service runs it: nothing starts a replacement.");
    }

    @Test
    void aReasonIsNeededAndAtMost255Characters() {
        StopTaskViewModel vm = vm(GuardFixtures.as(DEV, "admin", "alice"), web);
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).startsWith("Say why the task is stopped");
        assertThat(vm.countProperty().get()).isEqualTo("0 / 255");

        vm.reasonProperty().set("x".repeat(256));
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).isEqualTo(
                "At most 255 characters (ECS's limit); this is 256.");
        vm.submit();
        assertThat(stopped).isEmpty();

        vm.reasonProperty().set(" leaking memory ");
        assertThat(vm.countProperty().get()).isEqualTo("14 / 255");
        assertThat(vm.canSubmitProperty().get()).isTrue();
    }

    @Test
    void inDevStopsWithoutTypingTheIdAndRefreshes() {
        StopTaskViewModel vm = vm(GuardFixtures.as(DEV, "admin", "alice"), web);
        vm.reasonProperty().set("leaking memory");
        vm.submit();

        assertThat(stopped).containsExactly(new StopTaskCommand(web.cluster(), TASK, web.service(),
                "leaking memory"));
        assertThat(asked).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(StopTaskViewModel.State.DONE);
        assertThat(refreshed).isEqualTo(1);
    }

    @Test
    void inProdStopsOnlyAfterTheTaskIdIsTyped() {
        StopTaskViewModel vm = vm(GuardFixtures.as(PROD, "admin", "alice"), web);
        vm.reasonProperty().set("leaking memory");
        typesTheId = false;
        vm.submit();
        assertThat(asked).singleElement().satisfies(a -> {
            assertThat(a.request().resourceName()).isEqualTo("0f3c9a7e2b1d4c5e8f60718293a4b5c6");
            assertThat(a.request().action()).isEqualTo("Stop task");
            assertThat(a.request().preview()).contains("of web on i-0abc").endsWith("Reason: leaking memory");
        });
        assertThat(stopped).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(StopTaskViewModel.State.EDITING);

        typesTheId = true;
        vm.submit();
        assertThat(stopped).hasSize(1);
        assertThat(vm.stateProperty().get()).isEqualTo(StopTaskViewModel.State.DONE);
    }

    @Test
    void aReadOnlyRoleCannotSubmitAndSaysWhy() {
        StopTaskViewModel vm = vm(GuardFixtures.as(PROD, "readonly", "carol"), web);
        vm.reasonProperty().set("leaking memory");
        assertThat(vm.refusal()).isEqualTo("prod is read-only: role readonly cannot change anything");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit();
        assertThat(stopped).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailedStopIsShownTheDialogStaysOpenAndADenialIsRemembered() {
        EnvironmentSession dev = GuardFixtures.as(DEV, "deployer", "alice");
        StopTaskViewModel vm = vm(dev, web);
        failure = new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "Denied while stopping task 0f3c… of web in dev", "", ""));
        vm.reasonProperty().set("leaking memory");
        vm.submit();
        assertThat(dialogs.problems).extracting(Problem::title).containsExactly("Access denied");
        assertThat(vm.stateProperty().get()).isEqualTo(StopTaskViewModel.State.EDITING);
        assertThat(guard.refusal(dev)).isPresent();
        assertThat(refreshed).isZero();
    }
}
