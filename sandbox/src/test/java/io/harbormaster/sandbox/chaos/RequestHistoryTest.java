package io.harbormaster.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHistoryTest {

    private static final String SDK = "aws-sdk-java/2.59.1 md/io#sync ua/2.1 os/Linux lang/java#17 m/D,N";

    @Test
    void countsTheRequestsSinceTheMarkWhoseUserAgentCarriesTheProduct() {
        RequestHistory history = new RequestHistory(16);
        history.record("ecs.ListClusters", SDK + " app-refresh/1");
        long mark = history.mark();
        history.record("ecs.ListClusters", SDK + " app-refresh/2");
        history.record("ecs.ListClusters", SDK + " app-clusters/9");
        history.record("ecs.DescribeClusters", SDK + " app-refresh/2");
        history.record("ecs.DescribeClusters", SDK + " app-refresh/2 other/1");
        history.record("ecs.ListServices", SDK + " app-refresh/21");
        history.record("ecs.ListServices", null);

        assertThat(history.byOperation(mark, "app-refresh/2"))
                .isEqualTo(Map.of("ecs.ListClusters", 1L, "ecs.DescribeClusters", 2L));
        assertThat(history.byOperation(mark, "app-refresh/1")).as("before the mark, and not a prefix of /21")
                .isEmpty();
        assertThat(history.byOperation(0, "app-refresh/1")).isEqualTo(Map.of("ecs.ListClusters", 1L));
    }

    @Test
    void refusesACountWhoseRequestsHaveBeenDropped() {
        RequestHistory history = new RequestHistory(4);
        long mark = history.mark();
        for (int i = 0; i < 4; i++) {
            history.record("ecs.ListClusters", "app/1");
        }
        assertThat(history.byOperation(mark, "app/1")).isEqualTo(Map.of("ecs.ListClusters", 4L));
        history.record("ecs.ListClusters", "app/1");
        assertThatThrownBy(() -> history.byOperation(mark, "app/1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("5 requests since the mark, more than the 4 kept");
        assertThat(history.byOperation(1, "app/1")).isEqualTo(Map.of("ecs.ListClusters", 4L));
        assertThatThrownBy(() -> history.byOperation(mark, "app 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.byOperation(99, "app/1")).isInstanceOf(IllegalArgumentException.class);
    }
}
