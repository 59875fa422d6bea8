package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleServiceCommandTest {

    @Test
    void acceptsZeroToTenThousand() {
        assertThat(new ScaleServiceCommand("main", "web", 0).desiredCount()).isZero();
        assertThat(new ScaleServiceCommand("main", "web", 10_000).desiredCount()).isEqualTo(10_000);
    }

    @Test
    void aCountOutsideTheRangeCannotExist() {
        assertThatThrownBy(() -> new ScaleServiceCommand("main", "web", -1))
                .hasMessageContaining("0 to 10000");
        assertThatThrownBy(() -> new ScaleServiceCommand("main", "web", 10_001))
                .hasMessageContaining("0 to 10000");
    }

    @Test
    void needsClusterAndService() {
        assertThatThrownBy(() -> new ScaleServiceCommand(" ", "web", 1)).hasMessageContaining("cluster");
        assertThatThrownBy(() -> new ScaleServiceCommand("main", null, 1)).hasMessageContaining("service");
    }

    @Test
    void namesTheServiceAlsoFromAnArn() {
        assertThat(new ScaleServiceCommand("main", "arn:aws:ecs:us-east-1:1:service/main/web", 2).serviceName())
                .isEqualTo("web");
    }
}
