package io.harbormaster.model.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLogsTest {

    @Test
    void awslogsNamesItsGroupAndStreamPrefix() {
        ContainerLogs web = ContainerLogs.of("web", "awslogs",
                Map.of("awslogs-group", "/ecs/web", "awslogs-stream-prefix", "ecs", "awslogs-region", "eu-west-1"));
        assertThat(web.inCloudWatch()).isTrue();
        assertThat(web.group()).isEqualTo("/ecs/web");
        assertThat(web.region()).isEqualTo("eu-west-1");
        assertThat(web.streamNamePrefix()).isEqualTo("ecs/web/");
        assertThat(LogStreams.taskId(web.streamNamePrefix() + "0123456789abcdef0123456789abcdef")).isPresent();
    }

    @Test
    void withoutAPrefixStreamsAreNotNarrowed() {
        ContainerLogs web = ContainerLogs.of("web", "awslogs", Map.of("awslogs-group", "app"));
        assertThat(web.inCloudWatch()).isTrue();
        assertThat(web.streamNamePrefix()).isEmpty();
    }

    @Test
    void otherDriversSayWhereTheyGo() {
        assertThat(ContainerLogs.of("proxy", "fluentd", Map.of("fluentd-address", "x")).inCloudWatch()).isFalse();
        assertThat(ContainerLogs.of("proxy", "fluentd", Map.of()).elsewhere()).contains("fluentd");
        assertThat(ContainerLogs.of("app", "awsfirelens", null).elsewhere()).contains("FireLens");
        assertThat(ContainerLogs.of("app", null, null).elsewhere()).contains("no log driver");
        assertThat(ContainerLogs.of("app", "awslogs", Map.of()).inCloudWatch()).isFalse();
    }
}
