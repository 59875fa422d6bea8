package io.harbormaster.views.deploys.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.deploys.DeployFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Preview page's background work: only the latest counts (a slot, not a counter), it stops while the page is
 * hidden and is worked out again when it shows, and it says what the deploy costs a month.
 */
class PreviewWorkTest {

    private final DeployFixtures world = new DeployFixtures();
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final DeployWizardViewModel wizard = world.wizards(executor).create(world.dev, DeployFixtures.WEB,
            started -> { });

    @AfterEach
    void close() {
        world.close();
    }

    private void toPreviewWithDoubleCpu() {
        wizard.load();
        executor.runAll();
        wizard.change().images().get(0).newImageProperty().set("1.5.0");
        wizard.change().cpuProperty().set("1024");
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(DeployWizardViewModel.Step.PREVIEW);
    }

    @Test
    void thePreviewSaysWhatTheDeployCostsAMonthAndWhichPriceItUsed() {
        toPreviewWithDoubleCpu();
        executor.runAll();

        assertThat(wizard.previewProperty().get()).isNotNull();
        // a task of 512 → 1024 CPU on a 2048-CPU m5.large at $0.096: 1/4 → 1/2 of the host, $0.024 → $0.048 an
        // hour; two tasks, 730 hours: $35.04 → $70.08. Rolling at 200 %: two extra tasks at $0.048 while it runs.
        assertThat(wizard.costProperty().get().summary()).isEqualTo("+$35.04 a month (from $35.04 to $70.08);"
                + " while it runs, the extra tasks cost $0.10 an hour");
        assertThat(wizard.costProperty().get().pricesUsed()).containsExactly("m5.large at $0.0960 an hour:"
                + " on-demand list price from the Price List API, fetched 2026-12-01");
    }

    @Test
    void hidingThePageStopsThePreviewAndShowingItAgainWorksItOutAnew() {
        toPreviewWithDoubleCpu();
        assertThat(executor.waiting()).isEqualTo(1);

        wizard.hidden();
        assertThat(executor.cancelled()).as("the preview's work is cancelled, not only ignored").isEqualTo(1);
        executor.runAll();
        assertThat(wizard.previewProperty().get()).isNull();

        wizard.shown();
        assertThat(executor.waiting()).isEqualTo(1);
        executor.runAll();
        assertThat(wizard.previewProperty().get()).isNotNull();
        assertThat(wizard.problemProperty().get()).isEmpty();

        wizard.hidden();
        wizard.shown();
        assertThat(executor.waiting()).as("a preview already in is not worked out again").isZero();
    }

    @Test
    void goingBackAndOnAgainCancelsTheEarlierPreviewSoOnlyTheLatestArrives() {
        toPreviewWithDoubleCpu();
        wizard.back();
        wizard.change().cpuProperty().set("512");
        wizard.next();
        assertThat(executor.cancelled()).isEqualTo(1);
        executor.runAll();
        assertThat(wizard.costProperty().get().deltaUsdPerMonth()).as("the latest request: same size, same cost")
                .isZero();
    }

    @Test
    void whatWatchesItNamesTheGatesOfACutoverInWords() {
        assertThat(PreviewPane.gates()).isEqualTo("5xx rate (warning above 1 %, critical above 5 %), p99 latency"
                + " (warning above 500 ms, critical above 1500 ms), healthy hosts (warning below 2, critical below 1)");
    }
}
