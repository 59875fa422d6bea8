package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentSettingsTest {

    @Test
    void ecsRangesAreEnforced() {
        assertThatThrownBy(() -> new LinearConfig(2.9, 6)).hasMessageContaining("3.0 to 100.0");
        assertThatThrownBy(() -> new LinearConfig(10.05, 6)).hasMessageContaining("steps of 0.1");
        assertThatThrownBy(() -> new LinearConfig(10, 1441)).hasMessageContaining("0 to 1440");
        assertThat(new LinearConfig(3.0, 0).stepPercent()).isEqualTo(3.0);
        assertThatThrownBy(() -> new CanaryConfig(0.05, 10)).hasMessageContaining("0.1 to 100.0");
        assertThat(new CanaryConfig(0.1, 1440).canaryPercent()).isEqualTo(0.1);
        assertThatThrownBy(() -> new CanaryConfig(5, -1)).hasMessageContaining("0 to 1440");
    }

    @Test
    void strategyAndItsConfigGoTogether() {
        List<LoadBalancerRouting> lbs = DeployTestData.blueGreenRouting();
        assertThatThrownBy(() -> new DeploymentSettings(DeployStrategy.LINEAR, 100, 200, 0, null, null,
                CircuitBreaker.OFF, DeployAlarms.NONE, List.of(), lbs)).hasMessageContaining("LINEAR");
        assertThatThrownBy(() -> new DeploymentSettings(DeployStrategy.ROLLING, 100, 200, 0, null,
                CanaryConfig.DEFAULT, CircuitBreaker.OFF, DeployAlarms.NONE, List.of(), lbs))
                .hasMessageContaining("CANARY");
        assertThatThrownBy(() -> new DeploymentSettings(DeployStrategy.BLUE_GREEN, 100, 200, 5, null, null,
                CircuitBreaker.OFF, DeployAlarms.NONE, List.of(), List.of())).hasMessageContaining("alternate");
        assertThatThrownBy(() -> new DeploymentSettings(DeployStrategy.ROLLING, 100, 100, 0, null, null,
                CircuitBreaker.OFF, DeployAlarms.NONE, List.of(), List.of())).hasMessageContaining("never replace");
        assertThatThrownBy(() -> new DeploymentSettings(DeployStrategy.ROLLING, 101, 200, 0, null, null,
                CircuitBreaker.OFF, DeployAlarms.NONE, List.of(), List.of())).hasMessageContaining("minimum");
    }

    @Test
    void hooksAlarmsAndBreakerValidate() {
        assertThatThrownBy(() -> LifecycleHook.pause(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT))
                .hasMessageContaining("pause hook cannot run at PRODUCTION_TRAFFIC_SHIFT");
        assertThatThrownBy(() -> new LifecycleHook(HookTargetType.AWS_LAMBDA, "", "", Set.of(
                LifecycleStage.POST_SCALE_UP), 60, HookAction.ROLLBACK)).hasMessageContaining("function's ARN");
        assertThatThrownBy(() -> new LifecycleHook(HookTargetType.AWS_LAMBDA, "arn:l", "arn:r", Set.of(
                LifecycleStage.BAKE_TIME), 60, HookAction.ROLLBACK)).hasMessageContaining("BAKE_TIME");
        assertThat(LifecycleHook.pause(LifecycleStage.POST_SCALE_UP).timeoutMinutes()).isEqualTo(1440);
        assertThatThrownBy(() -> new DeployAlarms(List.of(), true, true)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new CircuitBreaker(false, true)).hasMessageContaining("enabled");
        assertThatThrownBy(() -> new LoadBalancerRouting(DeployTestData.TG_BLUE, "web", 8080,
                DeployTestData.TG_GREEN, "", "", "")).hasMessageContaining("production listener rule");
    }

    @Test
    void aRequestRefusesNothingToDoAndImpossibleCounts() {
        DeploymentSettings rolling = DeploymentSettings.rolling(List.of());
        assertThatThrownBy(() -> new DeployRequest(DeployTestData.WEB, new RevisionSource.Changed(
                new TaskDefinitionChange(List.of(), "", "")), OptionalInt.empty(), rolling))
                .hasMessageContaining("nothing to deploy");
        assertThatThrownBy(() -> new DeployRequest(DeployTestData.WEB, new RevisionSource.Existing("web:3"),
                OptionalInt.of(-1), rolling)).hasMessageContaining("desired count");
        assertThatThrownBy(() -> new RevisionSource.Existing(" ")).hasMessageContaining("revision");
    }
}
