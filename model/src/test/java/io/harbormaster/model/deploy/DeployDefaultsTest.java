package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.settings.UiStateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployDefaultsTest {

    private final Map<String, String> saved = new HashMap<>();
    private final UiStateStore store = new UiStateStore() {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(saved.get(key));
        }

        @Override
        public void put(String key, String value) {
            saved.put(key, value);
        }
    };
    private final DeployDefaults defaults = new DeployDefaults(store);

    @Test
    void aServicesLastChoiceComesBackPerEnvironmentWithItsOwnLoadBalancers() {
        DeploymentSettings linear = new DeploymentSettings(DeployStrategy.LINEAR, 50, 150, 30,
                new LinearConfig(12.5, 3), null, CircuitBreaker.ROLL_BACK, new DeployAlarms(List.of("web-5xx",
                "web-latency"), true, true), List.of(LifecycleHook.pause(LifecycleStage.POST_SCALE_UP)),
                DeployTestData.blueGreenRouting());
        defaults.remember("stage", DeployTestData.WEB, linear);

        assertThat(defaults.recall("stage", DeployTestData.WEB, DeployTestData.blueGreenRouting())).contains(linear);
        assertThat(defaults.recall("prod", DeployTestData.WEB, DeployTestData.blueGreenRouting())).isEmpty();
    }

    @Test
    void settingsThatNoLongerFitTheServiceAreForgottenNotFailed() {
        defaults.remember("stage", DeployTestData.WEB, DeployTestData.settings(DeployStrategy.CANARY));
        assertThat(defaults.recall("stage", DeployTestData.WEB, List.of())).isEmpty();
        assertThat(defaults.recall("stage", DeployTestData.WEB, DeployTestData.blueGreenRouting()))
                .contains(DeployTestData.settings(DeployStrategy.CANARY));
    }
}
