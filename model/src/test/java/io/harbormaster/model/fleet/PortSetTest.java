package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortSetTest {

    @Test
    void keepsEachPortOnceInOrder() {
        PortSet ports = PortSet.of(8080, 22, 8080, 80);
        assertThat(ports.toList()).containsExactly(22, 80, 8080);
        assertThat(ports.size()).isEqualTo(3);
        assertThat(ports.contains(80)).isTrue();
        assertThat(ports.contains(81)).isFalse();
    }

    @Test
    void emptyIsShared() {
        assertThat(PortSet.of()).isSameAs(PortSet.EMPTY);
        assertThat(PortSet.of(List.of())).isSameAs(PortSet.EMPTY);
        assertThat(PortSet.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void setOperations() {
        PortSet a = PortSet.of(22, 80, 443);
        PortSet b = PortSet.of(80, 8080);
        assertThat(a.intersection(b)).isEqualTo(PortSet.of(80));
        assertThat(a.intersects(b)).isTrue();
        assertThat(a.intersects(PortSet.of(9000))).isFalse();
        assertThat(a.union(b)).isEqualTo(PortSet.of(22, 80, 443, 8080));
        assertThat(a.union(PortSet.EMPTY)).isSameAs(a);
        assertThat(PortSet.EMPTY.intersection(a)).isSameAs(PortSet.EMPTY);
    }

    @Test
    void equalSetsAreEqual() {
        assertThat(PortSet.of(1, 2)).isEqualTo(PortSet.of(2, 1)).hasSameHashCodeAs(PortSet.of(2, 1));
        assertThat(PortSet.of(1, 2)).isNotEqualTo(PortSet.of(1));
        assertThat(PortSet.of(80, 22)).hasToString("[22, 80]");
    }

    @Test
    void refusesImpossiblePorts() {
        assertThatThrownBy(() -> PortSet.of(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortSet.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArrayGivenIsNotShared() {
        int[] raw = {80, 81};
        PortSet ports = PortSet.of(raw);
        raw[0] = 9999;
        assertThat(ports.contains(80)).isTrue();
    }
}
