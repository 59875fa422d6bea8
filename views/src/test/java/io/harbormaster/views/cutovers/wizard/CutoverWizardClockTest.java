package io.harbormaster.views.cutovers.wizard;

import static io.harbormaster.views.cutovers.wizard.WizardFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.GateMetric;
import io.harbormaster.model.cutover.GateRule;
import io.harbormaster.model.cutover.GateVerdict;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.testdata.ManualClock;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wizard's plan as it is previewed: its gates' defaults, and its times. The preview's times come from the runner's
 * clock (a sandbox's, moved by --speed or by hand), not the wall clock: the steps' "done ≈" times and the earliest
 * finish follow that clock when it moves.
 */
class CutoverWizardClockTest {

    private static final Instant SANDBOX_NOW = Instant.parse("2031-05-04T03:00:00Z");

    private final ManualClock runnerClock = new ManualClock(SANDBOX_NOW);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final CutoverService service = WizardFixtures.service(id -> {
        throw new AssertionError("no environment is entered while previewing");
    }, List.of(), new InMemoryWriteJournal(runnerClock), runnerClock, ticker);

    @AfterEach
    void stop() {
        service.close();
        ticker.shutdownNow();
    }

    @Test
    void stepTimesAndTheEarliestFinishAreOnTheRunnersClockAndMoveWithIt() {
        CutoverWizardViewModel wizard = new CutoverWizardViewModel(API, service, new QueuedTaskExecutor(),
                List.of("prod"), session -> Optional.empty());
        wizard.bakeSecondsProperty().set("300");
        wizard.linearEveryProperty().set("25");

        assertThat(wizard.previewSteps()).hasSize(4);
        assertThat(wizard.previewSteps().get(0)).endsWith("done ≈ 03:05:00");
        assertThat(wizard.previewSteps().get(3)).endsWith("done ≈ 03:20:00");
        assertThat(wizard.earliestFinish()).startsWith("03:20:00 UTC");

        runnerClock.advance(Duration.ofHours(2).plusMinutes(30));   // --speed moves the sandbox's day along
        assertThat(wizard.previewSteps().get(0)).endsWith("done ≈ 05:35:00");
        assertThat(wizard.earliestFinish()).startsWith("05:50:00 UTC");
    }

    @Test
    void withoutAPlanThereIsNothingToTime() {
        CutoverWizardViewModel wizard = new CutoverWizardViewModel(API, service, new QueuedTaskExecutor(),
                List.of("prod"), session -> Optional.empty());
        wizard.bakeSecondsProperty().set("soon");
        assertThat(wizard.previewSteps()).isEmpty();
        assertThat(wizard.earliestFinish()).isEmpty();
    }

    @Test
    void theDefaultHealthyHostsGateWarnsAtOneHostLeftAndIsCriticalAtNone() {
        CutoverWizardViewModel wizard = new CutoverWizardViewModel(API, service, new QueuedTaskExecutor(),
                List.of("prod"), session -> Optional.empty());

        GateRule hosts = wizard.planProperty().get().gates().rules().stream()
                .filter(r -> r.metric() == GateMetric.HEALTHY_HOSTS).findFirst().orElseThrow();
        assertThat(hosts.warning()).isGreaterThan(hosts.critical());
        assertThat(hosts.judge(2)).isEqualTo(GateVerdict.PASS);
        assertThat(hosts.judge(1)).isEqualTo(GateVerdict.WARNING);
        assertThat(hosts.judge(0)).isEqualTo(GateVerdict.CRITICAL);
    }

    @Test
    void healthyHostsLevelsTypedTheWrongWayRoundSayWhy() {
        CutoverWizardViewModel wizard = new CutoverWizardViewModel(API, service, new QueuedTaskExecutor(),
                List.of("prod"), session -> Optional.empty());
        GateRuleRow hosts = wizard.rules().stream().filter(r -> r.metric() == GateMetric.HEALTHY_HOSTS).findFirst()
                .orElseThrow();

        hosts.criticalProperty().set("3");

        assertThat(wizard.planProperty().get()).isNull();
        assertThat(wizard.planErrorProperty().get()).startsWith("healthy hosts: lower is worse");
    }
}
