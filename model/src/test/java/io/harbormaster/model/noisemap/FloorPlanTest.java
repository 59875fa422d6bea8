package io.harbormaster.model.noisemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.fleet.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloorPlanTest {

    @Test
    void oneAreaPerZoneAndOneBandPerClusterInside() {
        FloorPlan plan = FloorPlan.of(NoiseFixtures.fleet(30), FloorPlan.Rows.CLUSTER);

        assertThat(plan.areas()).extracting(FloorPlan.Area::name)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(plan.areas().get(0).bands()).extracting(FloorPlan.Band::label).containsExactly("api", "app");
        assertThat(plan.size()).isEqualTo(30);
        for (FloorPlan.Cell c : plan.cells()) {
            FloorPlan.Area area = plan.areas().get(c.area());
            assertThat(area.contains(c.centreX(), c.centreY())).as(c.name()).isTrue();
            assertThat(plan.cellAt(c.centreX(), c.centreY())).isEqualTo(c.index());
        }
    }

    @Test
    void rowsByInstanceTypeWhenAsked() {
        FloorPlan plan = FloorPlan.of(NoiseFixtures.fleet(30), FloorPlan.Rows.INSTANCE_TYPE);

        assertThat(plan.areas().get(0).bands()).extracting(FloorPlan.Band::label)
                .containsExactly("c5.2xlarge", "m5.large");
    }

    @Test
    void aHostKeepsItsPlaceWhateverOrderTheHostsArriveIn() {
        List<Host> hosts = NoiseFixtures.fleet(200);
        FloorPlan first = FloorPlan.of(hosts, FloorPlan.Rows.CLUSTER);
        List<Host> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, new Random(7));
        FloorPlan second = FloorPlan.of(shuffled, FloorPlan.Rows.CLUSTER);

        for (FloorPlan.Cell c : first.cells()) {
            FloorPlan.Cell again = second.cells().get(second.indexOf(c.hostArn()));
            assertThat(again.x()).isEqualTo(c.x());
            assertThat(again.y()).isEqualTo(c.y());
        }
    }

    @Test
    void noTwoHostsShareACell() {
        FloorPlan plan = FloorPlan.of(NoiseFixtures.fleet(1000), FloorPlan.Rows.CLUSTER);

        assertThat(plan.cells().stream().map(c -> c.x() + "," + c.y()).distinct().count()).isEqualTo(1000);
        assertThat(plan.width() / plan.height()).isBetween(1.0, 4.0);
    }

    @Test
    void anEmptyFleetIsAnEmptyPlan() {
        FloorPlan plan = FloorPlan.of(List.of(), FloorPlan.Rows.CLUSTER);

        assertThat(plan.size()).isZero();
        assertThat(plan.cellAt(1, 1)).isEqualTo(-1);
    }
}
