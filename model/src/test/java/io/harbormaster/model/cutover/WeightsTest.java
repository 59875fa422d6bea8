package io.harbormaster.model.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsTest {

    private static Weights r53(Object... idWeight) {
        return weights(TrafficKind.ROUTE53, idWeight);
    }

    static Weights weights(TrafficKind kind, Object... idWeight) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < idWeight.length; i += 2) {
            m.put((String) idWeight[i], (Integer) idWeight[i + 1]);
        }
        return new Weights(kind, m);
    }

    @Test
    void aShareIsTheWeightOverTheSum() {
        Weights w = r53("blue", 1, "green", 255);
        assertThat(w.percent("blue")).isCloseTo(100.0 / 256, within(1e-9));   // 0.390625 %
        assertThat(w.percent("green")).isCloseTo(99.609375, within(1e-9));
        assertThat(r53("blue", 100, "green", 0).percent("blue")).isEqualTo(100.0);
    }

    @Test
    void allZeroIsAnEqualSplit() {
        Weights w = r53("a", 0, "b", 0, "c", 0);
        assertThat(w.percentages().values()).allSatisfy(p -> assertThat(p).isCloseTo(33.333, within(0.001)));
    }

    @Test
    void aWeightOutsideTheKindsRangeCannotExist() {
        assertThatThrownBy(() -> r53("blue", 256)).hasMessageContaining("0 to 255");
        assertThatThrownBy(() -> r53("blue", -1)).hasMessageContaining("0 to 255");
        assertThat(weights(TrafficKind.ALB, "tg", 999).weight("tg")).isEqualTo(999);
        assertThatThrownBy(() -> weights(TrafficKind.ALB, "tg", 1000)).hasMessageContaining("0 to 999");
    }

    @Test
    void anAlbForwardHasAtMostFiveTargetGroups() {
        assertThat(weights(TrafficKind.ALB, "a", 1, "b", 1, "c", 1, "d", 1, "e", 1).sum()).isEqualTo(5);
        assertThatThrownBy(() -> weights(TrafficKind.ALB, "a", 1, "b", 1, "c", 1, "d", 1, "e", 1, "f", 1))
                .hasMessageContaining("at most 5");
    }

    @Test
    void encodingSurvivesAwkwardIds() {
        Weights w = weights(TrafficKind.ALB, "arn:aws:x/tg,1=2%", 7, "plain", 0);
        assertThat(Weights.decode(TrafficKind.ALB, w.encode())).isEqualTo(w);
        assertThat(w.encode()).isEqualTo("arn:aws:x/tg%2C1%3D2%25=7,plain=0");
    }

    @Test
    void sameAsComparesWeightsNotOrder() {
        assertThat(r53("a", 1, "b", 2).sameAs(r53("b", 2, "a", 1))).isTrue();
        assertThat(r53("a", 1, "b", 2).sameAs(r53("a", 2, "b", 1))).isFalse();
    }
}
