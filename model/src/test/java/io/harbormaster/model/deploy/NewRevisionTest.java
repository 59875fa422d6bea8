package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.fleet.EnvironmentVariable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewRevisionTest {

    private final TaskDefinitionSpec current = DeployTestData.definition(42, "1.4.2", Instant.EPOCH);

    @Test
    void aNewImageChangesOnlyThatContainersImageAndCarriesEverythingElseOver() {
        TaskDefinitionSpec next = NewRevision.of(current, TaskDefinitionChange.images(Map.of("web",
                "registry.example/web:1.5.0")));

        assertThat(next.container("web").orElseThrow().image()).isEqualTo("registry.example/web:1.5.0");
        assertThat(next.container("web").orElseThrow()).isEqualTo(current.container("web").orElseThrow()
                .withImage("registry.example/web:1.5.0"));
        assertThat(next.container("envoy")).isEqualTo(current.container("envoy"));
        assertThat(next.otherFields()).isEqualTo(current.otherFields());
        assertThat(next.cpu()).isEqualTo("512");
        assertThat(next.memory()).isEqualTo("1024");
        assertThat(next.family()).isEqualTo("web");
        assertThat(next.arn()).isEmpty();
        assertThat(next.revision()).isZero();
        assertThat(next.registeredAt()).isNull();
    }

    @Test
    void environmentEditsKeepOrderAndUntouchedSecretsAndAppendNewVariablesByName() {
        ContainerChange change = new ContainerChange("web", "", Map.of("LOG_LEVEL", "debug", "A_NEW", "1",
                "Z_NEW", "2"), Set.of("REGION"));
        TaskDefinitionSpec next = NewRevision.of(current, new TaskDefinitionChange(List.of(change), "1024", ""));

        assertThat(next.container("web").orElseThrow().environment()).containsExactly(
                new EnvironmentVariable("LOG_LEVEL", "debug"), new EnvironmentVariable("DB_PASSWORD", "hunter2"),
                new EnvironmentVariable("A_NEW", "1"), new EnvironmentVariable("Z_NEW", "2"));
        assertThat(next.container("web").orElseThrow().image()).isEqualTo(current.container("web").orElseThrow()
                .image());
        assertThat(next.cpu()).isEqualTo("1024");
        assertThat(next.memory()).isEqualTo("1024");
    }

    @Test
    void anUnknownContainerOrVariableIsRefused() {
        assertThatThrownBy(() -> NewRevision.of(current, TaskDefinitionChange.images(Map.of("api", "x:1"))))
                .hasMessageContaining("no container 'api'");
        assertThatThrownBy(() -> NewRevision.of(current, new TaskDefinitionChange(List.of(new ContainerChange("web",
                "", Map.of(), Set.of("NOPE"))), "", ""))).hasMessageContaining("no variable NOPE");
    }

    @Test
    void changesValidateThemselves() {
        assertThatThrownBy(() -> new TaskDefinitionChange(List.of(), "lots", "")).hasMessageContaining("task CPU");
        assertThatThrownBy(() -> new TaskDefinitionChange(List.of(), "", "2 TB")).hasMessageContaining("memory");
        assertThatThrownBy(() -> new ContainerChange("web", "", Map.of("X", "1"), Set.of("X")))
                .hasMessageContaining("both set and removed");
        assertThat(new TaskDefinitionChange(List.of(), "0.5 vCPU", "1 GB").isEmpty()).isFalse();
        assertThatThrownBy(() -> new TaskDefinitionSpec("", "web", 0, null, "", "", List.of(
                DeployTestData.web("1"), DeployTestData.web("2")), Map.of())).hasMessageContaining("repeats");
        assertThatThrownBy(() -> new TaskDefinitionSpec("", "web", 0, null, "", "", List.of(DeployTestData.web("1")),
                Map.of("revision", "3"))).hasMessageContaining("revision");
    }
}
