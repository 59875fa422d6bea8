package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {

    private static ContainerDefinition container(String image, int cpu, int memory, int reservation,
            PortMapping... ports) {
        return new ContainerDefinition("c", image, cpu, memory, reservation, List.of(ports), List.of());
    }

    private static TaskDefinition td(String mode, int cpu, int memory, ContainerDefinition... containers) {
        return new TaskDefinition(Fixtures.td("web", 3), "web", 3, cpu, memory, mode, List.of(containers));
    }

    @Test
    void theTaskSizeWinsOverTheContainers() {
        TaskDefinition t = td("bridge", 1024, 2048, container("web:1", 256, 512, 0));
        assertThat(t.reservedCpu()).isEqualTo(1024);
        assertThat(t.reservedMemory()).isEqualTo(2048);
    }

    @Test
    void withoutATaskSizeTheContainersAddUpSoftLimitFirst() {
        TaskDefinition t = td("bridge", 0, 0, container("web:1", 256, 1024, 512), container("log:1", 128, 256, 0));
        assertThat(t.reservedCpu()).isEqualTo(384);
        assertThat(t.reservedMemory()).isEqualTo(512 + 256);
    }

    @Test
    void staticHostPortsDependOnTheNetworkMode() {
        ContainerDefinition c = container("web:1", 256, 512, 0, new PortMapping(8080, 80, "tcp"),
                new PortMapping(9090, 0, "tcp"), new PortMapping(53, 53, "udp"));
        assertThat(td("bridge", 0, 0, c).staticHostPorts()).isEqualTo(PortSet.of(80));
        assertThat(td("host", 0, 0, c).staticHostPorts()).isEqualTo(PortSet.of(80, 9090));
        assertThat(td("awsvpc", 0, 0, c).staticHostPorts()).isEqualTo(PortSet.EMPTY);
        assertThat(td(null, 0, 0, c).networkMode()).isEqualTo("bridge");
    }

    @Test
    void imageTags() {
        assertThat(container("registry.example.com:5000/web:1.4.2", 0, 0, 0).imageTag()).isEqualTo("1.4.2");
        assertThat(container("registry.example.com:5000/web", 0, 0, 0).imageTag()).isEqualTo("latest");
        assertThat(container("web@sha256:abc", 0, 0, 0).imageTag()).isEqualTo("sha256:abc");
        assertThat(container("web", 0, 0, 0).imageTag()).isEqualTo("latest");
    }

    @Test
    void portMappingsDefaultToTcpAndRefuseImpossiblePorts() {
        assertThat(new PortMapping(80, 0, null).protocol()).isEqualTo("tcp");
        assertThat(new PortMapping(80, 0, "tcp").staticHostPort()).isFalse();
        assertThatThrownBy(() -> new PortMapping(80, 70000, "tcp")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeSizesCannotExist() {
        assertThatThrownBy(() -> container("x", -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> td("bridge", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
