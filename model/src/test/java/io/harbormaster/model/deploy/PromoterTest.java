package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromoterTest {

    private static final Instant EARLY = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATE = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void stagesNewerVersionTagGoesToProdsNamesakeAndOnlyDifferingImages() {
        TaskDefinitionSpec stage = DeployTestData.definition(9, "1.5.0", EARLY);
        TaskDefinitionSpec prod = DeployTestData.definition(42, "1.4.2", LATE);

        PromotionPlan plan = Promoter.plan(stage, prod);

        assertThat(plan.newer()).isEqualTo(PromotionPlan.Side.SOURCE);
        assertThat(plan.why()).contains("tag");
        assertThat(plan.change().containers()).containsExactly(ContainerChange.image("web",
                "registry.example/web:1.5.0"));
        assertThat(plan.skipped()).containsExactly("envoy: already 1.29");
        TaskDefinitionSpec promoted = NewRevision.of(prod, plan.change());
        assertThat(promoted.cpu()).isEqualTo(prod.cpu());
        assertThat(promoted.container("web").orElseThrow().environment())
                .isEqualTo(prod.container("web").orElseThrow().environment());
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(Promoter.compareTags("1.10.0", "1.9.3")).isPositive();
        assertThat(Promoter.compareTags("v2", "1.99")).isPositive();
        assertThat(Promoter.compareTags("1.4", "1.4.0")).isZero();
        assertThat(Promoter.compareTags("main-abc123", "1.4")).isNull();
    }

    @Test
    void tagsThatAreNotVersionsFallBackToRegistrationTime() {
        TaskDefinitionSpec stage = DeployTestData.definition(9, "main-abc123", EARLY);
        TaskDefinitionSpec prod = DeployTestData.definition(42, "main-def456", LATE);

        PromotionPlan plan = Promoter.plan(stage, prod);

        assertThat(plan.newer()).isEqualTo(PromotionPlan.Side.TARGET);
        assertThat(plan.why()).contains("registered");
        assertThat(Promoter.plan(DeployTestData.definition(9, "x", null), prod).newer())
                .isEqualTo(PromotionPlan.Side.UNKNOWN);
    }

    @Test
    void sameImagesMeanNothingToPromote() {
        TaskDefinitionSpec stage = DeployTestData.definition(9, "1.4.2", EARLY);
        PromotionPlan plan = Promoter.plan(stage, DeployTestData.definition(42, "1.4.2", LATE));
        assertThat(plan.nothingToPromote()).isTrue();
        assertThat(plan.newer()).isEqualTo(PromotionPlan.Side.SAME);
    }

    @Test
    void aContainerTheTargetLacksIsSkippedAndSaid() {
        TaskDefinitionSpec stage = new TaskDefinitionSpec("", "web", 9, EARLY, "", "", List.of(
                DeployTestData.web("1.5.0"), new ContainerSpec("debug", "busybox:1", List.of(), List.of(), Map.of())),
                Map.of());
        PromotionPlan plan = Promoter.plan(stage, DeployTestData.definition(42, "1.4.2", LATE));
        assertThat(plan.skipped()).containsExactly("debug: not in web");
        assertThat(plan.change().containers()).hasSize(1);
    }
}
