package io.harbormaster.views.guard;

import static io.harbormaster.views.fakes.Fixtures.DEV;
import static io.harbormaster.views.fakes.Fixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class WriteGuardTest {

    private final SimpleObjectProperty<EnvironmentSession> current = new SimpleObjectProperty<>();
    private final List<ConfirmByTypingViewModel> asked = new ArrayList<>();
    private boolean typesTheName = true;
    private final WriteGuard guard = new WriteGuard(current, request -> {
        asked.add(request);
        return typesTheName;
    });
    private final WriteRequest scaleWeb = new WriteRequest("Scale service", "web", "desired 2 → 3");

    @Test
    void withoutAnEnvironmentWritesAreDisabledAndSaySo() {
        assertThat(guard.writesAllowedProperty().get()).isFalse();
        assertThat(guard.writeDisabledReasonProperty().get()).isEqualTo(WriteGuard.NO_ENVIRONMENT);
    }

    @Test
    void devWithAnAdminRoleWritesWithoutTypedConfirmation() {
        current.set(GuardFixtures.as(DEV, "admin", "alice"));
        assertThat(guard.writesAllowedProperty().get()).isTrue();
        assertThat(guard.writeDisabledReasonProperty().get()).isEmpty();
        assertThat(guard.check(current.get(), scaleWeb)).isEqualTo(WriteGuard.Verdict.APPROVED);
        assertThat(asked).isEmpty();
    }

    @Test
    void productionAsksForTheNameTyped() {
        current.set(GuardFixtures.as(PROD, "admin", "alice"));
        assertThat(guard.writesAllowedProperty().get()).isTrue();
        assertThat(guard.check(current.get(), scaleWeb)).isEqualTo(WriteGuard.Verdict.APPROVED);
        assertThat(asked).singleElement().satisfies(vm -> {
            assertThat(vm.environment()).isEqualTo(PROD);
            assertThat(vm.request()).isEqualTo(scaleWeb);
        });

        typesTheName = false;
        assertThat(guard.check(current.get(), scaleWeb)).isEqualTo(WriteGuard.Verdict.CANCELLED);
    }

    @Test
    void aReadOnlyRoleRefusesWritesWithTheRoleNamed() {
        current.set(GuardFixtures.as(PROD, "readonly", "carol"));
        assertThat(guard.writesAllowedProperty().get()).isFalse();
        assertThat(guard.writeDisabledReasonProperty().get())
                .isEqualTo("prod is read-only: role readonly cannot change anything");
        assertThat(guard.check(current.get(), scaleWeb)).isEqualTo(WriteGuard.Verdict.REFUSED);
        assertThat(asked).isEmpty();

        current.set(GuardFixtures.as(DEV, "ReadOnlyAccess", "carol"));
        assertThat(guard.writeDisabledReasonProperty().get())
                .isEqualTo("dev is read-only: role ReadOnlyAccess cannot change anything");
    }

    @Test
    void theReadOnlyFlagRefusesWrites() {
        current.set(GuardFixtures.as(GuardFixtures.readOnlyFlag(DEV), "admin", "alice"));
        assertThat(guard.writesAllowedProperty().get()).isFalse();
        assertThat(guard.writeDisabledReasonProperty().get())
                .isEqualTo("Read-only environment (set in Environments…)");
        assertThat(guard.check(current.get(), scaleWeb)).isEqualTo(WriteGuard.Verdict.REFUSED);
    }

    @Test
    void aDeniedWriteMakesTheEnvironmentReadOnlyFromThenOn() {
        EnvironmentSession dev = GuardFixtures.as(DEV, "deployer", "alice");
        current.set(dev);
        guard.writeFailed(dev, new Problem(Problem.Kind.THROTTLED, "Slow down", "throttled", "", ""));
        assertThat(guard.writesAllowedProperty().get()).isTrue();

        guard.writeFailed(dev, new Problem(Problem.Kind.ACCESS_DENIED, "Access denied",
                "Denied while scaling web in dev: not authorized to perform ecs:UpdateService", "", ""));
        assertThat(guard.writesAllowedProperty().get()).isFalse();
        assertThat(guard.writeDisabledReasonProperty().get()).startsWith("dev is read-only: AWS denied a write")
                .contains("ecs:UpdateService");

        current.set(GuardFixtures.as(PROD, "admin", "alice"));
        assertThat(guard.writesAllowedProperty().get()).isTrue();
    }

    @Test
    void anotherOpenEnvironmentHasItsOwnPermission() {
        SimpleObjectProperty<EnvironmentSession> other = new SimpleObjectProperty<>();
        WriteGuard.Permission permission = guard.permissionFor(other);
        current.set(GuardFixtures.as(DEV, "admin", "alice"));
        other.set(GuardFixtures.as(PROD, "readonly", "carol"));
        assertThat(guard.writesAllowedProperty().get()).isTrue();
        assertThat(permission.writesAllowed().get()).isFalse();
        assertThat(permission.reason().get()).contains("role readonly");
    }
}
