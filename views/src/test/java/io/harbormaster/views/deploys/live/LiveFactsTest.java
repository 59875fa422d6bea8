package io.harbormaster.views.deploys.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the live view names what it shows. */
class LiveFactsTest {

    @Test
    void aTargetGroupIsCalledByTheNameItWasGivenNotItsId() {
        assertThat(LiveDeploymentView.targetGroupName(
                "arn:aws:elasticloadbalancing:us-east-1:222222222222:targetgroup/web-blue/38963e4dc033f185"))
                .isEqualTo("web-blue");
        assertThat(LiveDeploymentView.targetGroupName("web-green")).isEqualTo("web-green");
    }
}
