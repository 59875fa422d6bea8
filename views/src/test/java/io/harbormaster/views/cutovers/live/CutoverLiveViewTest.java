package io.harbormaster.views.cutovers.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CutoverLiveViewTest {

    @Test
    void smallGateValuesKeepTheDecimalsTheirReasonShows() {
        assertThat(CutoverLiveView.value(0.03)).isEqualTo("0.03");
        assertThat(CutoverLiveView.value(0.0)).isEqualTo("0.00");
        assertThat(CutoverLiveView.value(446.02)).isEqualTo("446.0");
        assertThat(CutoverLiveView.value(10_000)).isEqualTo("10000.0");
    }
}
