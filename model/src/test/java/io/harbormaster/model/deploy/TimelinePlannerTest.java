package io.harbormaster.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelinePlannerTest {

    @Test
    void linearShiftsInEqualStepsBakingAfterEachButTheLastThenBakes() {
        // 25 % steps: 25, 50, 75, 100; 3 step bakes of 4 min, then the 15 min bake: 27 min at the earliest.
        DeployTimeline t = TimelinePlanner.plan(DeployTestData.settings(DeployStrategy.LINEAR), 4);

        assertThat(t.steps()).filteredOn(s -> s.stage() == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT)
                .extracting(TimelineStep::productionPercent).containsExactly(25.0, 50.0, 75.0, 100.0);
        assertThat(t.steps()).filteredOn(s -> s.stage() == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT)
                .extracting(TimelineStep::startsAfter).containsExactly(Duration.ZERO, Duration.ofMinutes(4),
                        Duration.ofMinutes(8), Duration.ofMinutes(12));
        assertThat(t.earliestFinish()).isEqualTo(Duration.ofMinutes(27));
        TimelineStep last = t.steps().get(t.steps().size() - 1);
        assertThat(last.stage()).isEqualTo(LifecycleStage.CLEAN_UP);
        assertThat(last.canRollBack()).isFalse();
        assertThat(last.startsAfter()).isEqualTo(Duration.ofMinutes(27));
    }

    @Test
    void aStepThatDoesNotDivideAHundredEndsOnAHundred() {
        assertThat(new LinearConfig(30, 1).steps()).isEqualTo(4);
        assertThat(new LinearConfig(3, 0).steps()).isEqualTo(34);
        assertThat(new LinearConfig(100, 0).steps()).isEqualTo(1);
        DeploymentSettings s = new DeploymentSettings(DeployStrategy.LINEAR, 100, 200, 0, new LinearConfig(30, 1),
                null, CircuitBreaker.OFF, DeployAlarms.NONE, List.of(), DeployTestData.blueGreenRouting());
        assertThat(TimelinePlanner.plan(s, 2).steps()).filteredOn(x -> x.stage()
                == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT).extracting(TimelineStep::productionPercent)
                .containsExactly(30.0, 60.0, 90.0, 100.0);
    }

    @Test
    void canaryMovesItsShareBakesThenTheRest() {
        DeployTimeline t = TimelinePlanner.plan(DeployTestData.settings(DeployStrategy.CANARY), 4);

        assertThat(t.steps()).filteredOn(s -> s.stage() == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT)
                .extracting(TimelineStep::productionPercent).containsExactly(10.0, 100.0);
        assertThat(t.earliestFinish()).isEqualTo(Duration.ofMinutes(35));
    }

    @Test
    void blueGreenStartsAFullSecondSetAndMovesEverythingAtOnce() {
        DeployTimeline t = TimelinePlanner.plan(DeployTestData.settings(DeployStrategy.BLUE_GREEN), 6);

        assertThat(t.steps().get(0).what()).contains("Start 6 green tasks");
        assertThat(t.steps()).filteredOn(s -> s.stage() == LifecycleStage.PRODUCTION_TRAFFIC_SHIFT)
                .extracting(TimelineStep::productionPercent).containsExactly(100.0);
        assertThat(t.earliestFinish()).isEqualTo(Duration.ofMinutes(15));
        assertThat(t.circuitBreakerThreshold()).isEqualTo(3);
    }

    @Test
    void aPauseHookIsAStepThatWaitsForTheOperatorAndATestRuleAddsTheTestShift() {
        DeploymentSettings s = DeployTestData.settings(DeployStrategy.BLUE_GREEN)
                .withHooks(List.of(LifecycleHook.pause(LifecycleStage.POST_TEST_TRAFFIC_SHIFT)));
        s = new DeploymentSettings(s.strategy(), 100, 200, 15, null, null, s.circuitBreaker(), s.alarms(), s.hooks(),
                List.of(DeployTestData.blueGreenRouting().get(0).withAdvanced(DeployTestData.TG_GREEN,
                        DeployTestData.RULE, DeployTestData.RULE + "-test", DeployTestData.ROLE)));
        DeployTimeline t = TimelinePlanner.plan(s, 4);

        assertThat(t.pauses()).isEqualTo(1);
        assertThat(t.steps()).extracting(TimelineStep::stage).containsSubsequence(LifecycleStage.SCALE_UP,
                LifecycleStage.TEST_TRAFFIC_SHIFT, LifecycleStage.POST_TEST_TRAFFIC_SHIFT,
                LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, LifecycleStage.BAKE_TIME, LifecycleStage.CLEAN_UP);
        assertThat(t.steps()).filteredOn(TimelineStep::waitsForOperator).singleElement()
                .satisfies(p -> assertThat(p.stage()).isEqualTo(LifecycleStage.POST_TEST_TRAFFIC_SHIFT));
    }

    @Test
    void rollingRoundsFollowMinimumHealthyAndMaximumPercent() {
        assertThat(TimelinePlanner.rollingRounds(4, 100, 200)).isEqualTo(1);
        assertThat(TimelinePlanner.rollingRounds(10, 50, 100)).isEqualTo(2);
        // 5 tasks, 50 %/120 %: one above desired, two may stop: 3 a round, 2 rounds.
        assertThat(TimelinePlanner.rollingRounds(5, 50, 120)).isEqualTo(2);
        assertThat(TimelinePlanner.rollingRounds(3, 100, 120)).isEqualTo(-1);
        DeployTimeline t = TimelinePlanner.plan(DeploymentSettings.rolling(List.of()), 4);
        assertThat(t.steps()).extracting(TimelineStep::stage).containsExactly(LifecycleStage.SCALE_UP,
                LifecycleStage.CLEAN_UP);
        assertThat(t.steps().get(0).what()).contains("4 tasks in 1 round", "up to 8 running", "at least 4");
        assertThat(t.earliestFinish()).isEqualTo(Duration.ZERO);
    }

    @Test
    void circuitBreakerThresholdIsHalfTheDesiredCountBetweenThreeAndTwoHundred() {
        assertThat(CircuitBreaker.threshold(0)).isEqualTo(3);
        assertThat(CircuitBreaker.threshold(1)).isEqualTo(3);
        assertThat(CircuitBreaker.threshold(6)).isEqualTo(3);
        assertThat(CircuitBreaker.threshold(7)).isEqualTo(4);
        assertThat(CircuitBreaker.threshold(25)).isEqualTo(13);
        assertThat(CircuitBreaker.threshold(400)).isEqualTo(200);
        assertThat(CircuitBreaker.threshold(401)).isEqualTo(200);
        assertThat(CircuitBreaker.threshold(1000)).isEqualTo(200);
    }
}
