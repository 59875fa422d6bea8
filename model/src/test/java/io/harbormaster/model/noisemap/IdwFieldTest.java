package io.harbormaster.model.noisemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdwFieldTest {

    @Test
    void atASensorTheFieldIsThatSensorsValue() {
        FloorPlan plan = FloorPlan.of(NoiseFixtures.fleet(60), FloorPlan.Rows.CLUSTER);
        IdwField field = IdwField.of(plan, 3, 8);
        double[] values = new double[plan.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37) % 100;
        }
        float[] out = new float[field.samples()];
        field.evaluate(values, out);

        for (FloorPlan.Cell c : plan.cells()) {
            int col = (int) Math.floor(c.centreX() / field.sampleSize());
            int row = (int) Math.floor(c.centreY() / field.sampleSize());
            assertThat((double) out[row * field.columns() + col]).as(c.name()).isCloseTo(values[c.index()],
                    within(1e-4));
        }
    }

    @Test
    void hostsWithoutAReadingLeaveNoHolesInAnAreaThatHasReadings() {
        FloorPlan plan = FloorPlan.of(NoiseFixtures.fleet(60), FloorPlan.Rows.CLUSTER);
        IdwField field = IdwField.of(plan, 3, 8);
        double[] values = new double[plan.size()];
        java.util.Arrays.fill(values, Double.NaN);
        values[0] = 42; // one reading in the whole fleet: only the first cell's area can be coloured
        float[] out = new float[field.samples()];
        field.evaluate(values, out);

        int areaOfFirst = plan.cells().get(0).area();
        for (FloorPlan.Cell c : plan.cells()) {
            int col = (int) Math.floor(c.centreX() / field.sampleSize());
            int row = (int) Math.floor(c.centreY() / field.sampleSize());
            float v = out[row * field.columns() + col];
            if (c.area() == areaOfFirst) {
                assertThat((double) v).as(c.name()).isCloseTo(42, within(1e-4));
            } else {
                assertThat(Float.isNaN(v)).as(c.name() + " is in a room with no reading").isTrue();
            }
        }
    }

    @Test
    void theReferenceInterpolationIsExactAtASensor() {
        double[] xs = {0, 10, 3};
        double[] ys = {0, 0, 5};
        double[] v = {10, 90, 40};

        assertThat(IdwField.interpolate(10, 0, xs, ys, v)).isEqualTo(90);
        assertThat(IdwField.interpolate(3, 5, xs, ys, v)).isEqualTo(40);
    }

    @Test
    void betweenTwoSensorsTheFieldRisesSteadilyFromTheLowToTheHigh() {
        double[] xs = {0, 10};
        double[] ys = {0, 0};
        double[] v = {20, 80};
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 100; i++) {
            double value = IdwField.interpolate(i / 10.0, 0, xs, ys, v);
            assertThat(value).isGreaterThanOrEqualTo(previous).isBetween(20.0, 80.0);
            previous = value;
        }
        assertThat(IdwField.interpolate(5, 0, xs, ys, v)).isCloseTo(50, within(1e-9));
    }

    @Test
    void onTheGridTooTheFieldIsMonotoneBetweenTwoHosts() {
        FloorPlan plan = FloorPlan.of(List.of(NoiseFixtures.host("a", "api", "us-east-1a", "c5"),
                NoiseFixtures.host("b", "api", "us-east-1a", "c5")), FloorPlan.Rows.CLUSTER, 6);
        IdwField field = IdwField.of(plan, 5, 2);
        float[] out = new float[field.samples()];
        field.evaluate(new double[] {10, 90}, out);

        FloorPlan.Cell a = plan.cells().get(0);
        FloorPlan.Cell b = plan.cells().get(1);
        int row = (int) Math.floor(a.centreY() / field.sampleSize());
        int from = (int) Math.floor(a.centreX() / field.sampleSize());
        int to = (int) Math.floor(b.centreX() / field.sampleSize());
        float previous = Float.NEGATIVE_INFINITY;
        for (int col = from; col <= to; col++) {
            float value = out[row * field.columns() + col];
            assertThat(value).isGreaterThanOrEqualTo(previous);
            previous = value;
        }
        assertThat((double) out[row * field.columns() + from]).isCloseTo(10, within(1e-4));
        assertThat((double) out[row * field.columns() + to]).isCloseTo(90, within(1e-4));
    }

    @Test
    void aSensorWithoutAReadingIsLeftOutAndSpaceOutsideTheAreasIsEmpty() {
        FloorPlan plan = FloorPlan.of(NoiseFixtures.fleet(6), FloorPlan.Rows.CLUSTER);
        IdwField field = IdwField.of(plan, 2, 4);
        double[] values = new double[plan.size()];
        java.util.Arrays.fill(values, Double.NaN);
        values[0] = 42;
        float[] out = new float[field.samples()];
        field.evaluate(values, out);

        FloorPlan.Cell c = plan.cells().get(0);
        int col = (int) Math.floor(c.centreX() / field.sampleSize());
        int row = (int) Math.floor(c.centreY() / field.sampleSize());
        assertThat(out[row * field.columns() + col]).isEqualTo(42f);
        // the gap between the first two areas belongs to neither
        double gapX = plan.areas().get(0).x() + plan.areas().get(0).width() + FloorPlan.AREA_GAP / 2.0;
        assertThat(out[row * field.columns() + (int) (gapX / field.sampleSize())]).isNaN();
    }
}
