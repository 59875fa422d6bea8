package io.harbormaster.views.scale;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.ScaleServiceCommand;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.RecordingDialogs;
import io.harbormaster.views.guard.GuardFixtures;
import io.harbormaster.views.guard.WriteGuard;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ScaleServiceViewModelTest {

    private final List<ScaleServiceCommand> scaled = new ArrayList<>();
    private RuntimeException failure;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<String> typedFor = new ArrayList<>();
    private boolean typesTheName = true;
    private int refreshed;
    private final SimpleObjectProperty<EnvironmentSession> current = new SimpleObjectProperty<>();
    private final WriteGuard guard = new WriteGuard(current, request -> {
        typedFor.add(request.request().resourceName());
        return typesTheName;
    });
    private final ScaleTarget web = new ScaleTarget("arn:aws:ecs:eu-west-1:1:cluster/main",
            "arn:aws:ecs:eu-west-1:1:service/main/web", 2);

    private ScaleServiceViewModel vm(EnvironmentSession session) {
        current.set(session);
        return new ScaleServiceViewModel(session, web, (s, command) -> {
            if (failure != null) {
                throw failure;
            }
            scaled.add(command);
        }, guard, executor, dialogs, () -> refreshed++);
    }

    @Test
    void validatesTheCountAndDescribesTheChange() {
        ScaleServiceViewModel vm = vm(GuardFixtures.as(DEV, "admin", "alice"));
        assertThat(vm.desiredProperty().get()).isEqualTo("2");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.validationMessageProperty().get()).isEqualTo("web already runs 2 — enter a different count.");

        vm.desiredProperty().set("abc");
        assertThat(vm.validationMessageProperty().get()).startsWith("A whole number of tasks");
        vm.desiredProperty().set("10001");
        assertThat(vm.validationMessageProperty().get()).isEqualTo("At most 10000 tasks (the ECS limit).");
        vm.desiredProperty().set("");
        assertThat(vm.canSubmitProperty().get()).isFalse();

        vm.desiredProperty().set(" 5 ");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.canSubmitProperty().get()).isTrue();
        assertThat(vm.previewProperty().get())
                .isEqualTo("Desired count 2 → 5  (web, cluster main)\n3 tasks will be started.");
        vm.desiredProperty().set("1");
        assertThat(vm.previewProperty().get()).endsWith("\n1 task will be stopped.");
        vm.desiredProperty().set("0");
        assertThat(vm.previewProperty().get()).endsWith("The service will stop all of its tasks.");
    }

    @Test
    void inDevScalesWithoutTypingTheName() {
        ScaleServiceViewModel vm = vm(GuardFixtures.as(DEV, "admin", "alice"));
        vm.desiredProperty().set("4");
        vm.submit();
        assertThat(scaled).containsExactly(new ScaleServiceCommand(web.cluster(), web.service(), 4,
                java.util.OptionalInt.of(web.desiredCount())));
        assertThat(typedFor).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(ScaleServiceViewModel.State.DONE);
        assertThat(refreshed).isEqualTo(1);
    }

    @Test
    void inProdScalesOnlyAfterTheNameIsTyped() {
        ScaleServiceViewModel vm = vm(GuardFixtures.as(PROD, "admin", "alice"));
        vm.desiredProperty().set("4");
        typesTheName = false;
        vm.submit();
        assertThat(typedFor).containsExactly("web");
        assertThat(scaled).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(ScaleServiceViewModel.State.EDITING);

        typesTheName = true;
        vm.submit();
        assertThat(scaled).hasSize(1);
        assertThat(vm.stateProperty().get()).isEqualTo(ScaleServiceViewModel.State.DONE);
    }

    @Test
    void aReadOnlyRoleCannotSubmitAndSaysWhy() {
        ScaleServiceViewModel vm = vm(GuardFixtures.as(PROD, "readonly", "carol"));
        vm.desiredProperty().set("4");
        assertThat(vm.refusal()).isEqualTo("prod is read-only: role readonly cannot change anything");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit();
        assertThat(scaled).isEmpty();
        assertThat(typedFor).isEmpty();
    }

    @Test
    void aDeniedWriteIsShownAndRemembered() {
        EnvironmentSession dev = GuardFixtures.as(DEV, "deployer", "alice");
        ScaleServiceViewModel vm = vm(dev);
        failure = new OperatorException(new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "Denied while scaling web to 4 tasks in dev", "", ""));
        vm.desiredProperty().set("4");
        vm.submit();
        assertThat(dialogs.problems).extracting(Problem::title).containsExactly("Access denied");
        assertThat(vm.stateProperty().get()).isEqualTo(ScaleServiceViewModel.State.EDITING);
        assertThat(guard.refusal(dev)).isPresent();
        assertThat(refreshed).isZero();
    }
}
