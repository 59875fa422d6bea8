package io.harbormaster.model.deploy.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.deploy.ContainerSpec;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.packing.TaskShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecShapeTest {

    @Test
    void taskLevelSizesInVcpuAndGbBecomeUnitsAndMib() {
        TaskDefinitionSpec spec = new TaskDefinitionSpec("", "api", 0, null, "1 vCPU", "2 GB",
                List.of(new ContainerSpec("api", "api:1", List.of(), List.of(), Map.of())),
                Map.of("networkMode", "\"awsvpc\""));
        TaskShape shape = SpecShape.of(spec);
        assertThat(shape.cpu()).isEqualTo(1024);
        assertThat(shape.memory()).isEqualTo(2048);
        assertThat(shape.staticPorts().isEmpty()).isTrue();
    }

    @Test
    void containerReservationsAndStaticHostPortsInBridgeMode() {
        ContainerSpec web = new ContainerSpec("web", "web:1", List.of(), List.of(), Map.of("cpu", "256",
                "memory", "1024", "memoryReservation", "512",
                "portMappings", "[{\"containerPort\":80,\"hostPort\":8080,\"protocol\":\"tcp\"},"
                        + "{\"containerPort\":9000,\"hostPort\":0,\"protocol\":\"tcp\"}]"));
        ContainerSpec sidecar = new ContainerSpec("log", "log:1", List.of(), List.of(), Map.of("cpu", "128",
                "memory", "256"));
        TaskShape shape = SpecShape.of(new TaskDefinitionSpec("", "web", 0, null, "", "", List.of(web, sidecar),
                Map.of("networkMode", "\"bridge\"")));
        assertThat(shape.cpu()).isEqualTo(384);
        assertThat(shape.memory()).isEqualTo(768);
        assertThat(shape.staticPorts().contains(8080)).isTrue();
        assertThat(shape.staticPorts().contains(9000)).isFalse();
    }
}
