package io.harbormaster.views.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SandboxMarkingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1    | SANDBOX",
            "60   | SANDBOX · clock ×60",
            "0.5  | SANDBOX · clock ×0.5",
            "0    | SANDBOX · clock stopped",
    })
    void theMarkerShowsTheClockSpeedOnlyWhenItIsNotRealTime(double speed, String marker) {
        assertThat(new SandboxMarking(speed).marker()).isEqualTo(marker);
    }

    @Test
    void itSaysThatTheSandboxForgetsAndThatChartsRunOnItsTime() {
        SandboxMarking fast = new SandboxMarking(60);
        assertThat(fast.note()).contains("forgets every change when it restarts");
        assertThat(fast.explanation()).contains("Nothing done here reaches your AWS accounts")
                .contains("×60").contains("sandbox time").contains("wall-clock");
    }

    @Test
    void theTitleAndTheProductionBannerSaySandbox() {
        SandboxMarking marking = new SandboxMarking(1);
        assertThat(marking.title("Harbormaster", "Harbormaster — PRODUCTION prod"))
                .isEqualTo("Harbormaster — SANDBOX · PRODUCTION prod");
        assertThat(marking.title("Harbormaster", "Harbormaster")).isEqualTo("Harbormaster — SANDBOX");
        assertThat(marking.productionBanner("prod")).startsWith("PRODUCTION (sandbox) — prod")
                .doesNotContain("affects live traffic");
    }

    @Test
    void theBannerUnderTheBarAndUnderEitherHalfOfSideBySideIsWordedInOnePlace() {
        assertThat(SandboxMarking.productionBanner(null, "prod"))
                .isEqualTo("PRODUCTION — prod: what you change here affects live traffic");
        assertThat(SandboxMarking.productionBanner(new SandboxMarking(60), "prod"))
                .startsWith("PRODUCTION (sandbox) — prod").doesNotContain("affects live traffic");
    }

    @Test
    void aClockCannotRunBackwards() {
        assertThatThrownBy(() -> new SandboxMarking(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
