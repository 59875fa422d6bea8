package io.harbormaster.views.cutovers.wizard;

import static io.harbormaster.views.cutovers.wizard.WizardFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.cutover.CutoverJournal;
import io.harbormaster.model.cutover.CutoverRunner;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.journal.ForwardingJournal;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.testdata.ManualClock;
import io.harbormaster.views.concurrent.QueuedTaskExecutor;
import io.harbormaster.views.fakes.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting a cutover from the wizard: its first journal line is written in the background, not on the UI thread, and
 * before the driver writes anything to AWS; meanwhile Start is off and the wizard says it is starting.
 */
class CutoverWizardStartTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2031-05-04T03:00:00Z"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final InMemoryWriteJournal lines = new InMemoryWriteJournal(clock);
    private boolean diskFull;
    private final CutoverService service = WizardFixtures.service(id -> Fixtures.session(Fixtures.PROD),
            List.of(side("blue"), side("green")), new ForwardingJournal(lines) {
                @Override
                public JournalEntry append(JournalRecord record) {
                    if (diskFull) {
                        throw new OperatorException(new Problem(Problem.Kind.STORAGE, "Local database full",
                                "The journal line was not written: the disk is full.", "Free some space.", ""));
                    }
                    return inner().append(record);
                }
            }, clock, ticker);
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final List<CutoverRunner> started = new ArrayList<>();
    private CutoverWizardViewModel wizard;

    private static CutoverSide side(String id) {
        return new CutoverSide(id, id, "prod", "us-east-1", "arn:lb/" + id, List.of());
    }

    @BeforeEach
    void resolved() {
        wizard = new CutoverWizardViewModel(API, service, executor, List.of("prod"), session -> Optional.empty());
        executor.runNext();   // the sides found and the route's environment entered; its pre-flight checks wait
        assertThat(wizard.startableProperty().get()).isTrue();
    }

    @AfterEach
    void stop() {
        service.close();
        ticker.shutdownNow();
    }

    @Test
    void theStartIsJournalledInTheBackgroundWithStartOffAndSaidMeanwhile() {
        wizard.start(started::add);

        assertThat(lines.recent(10)).as("nothing journalled on the calling (UI) thread").isEmpty();
        assertThat(wizard.startingProperty().get()).isTrue();
        assertThat(wizard.startableProperty().get()).isFalse();
        assertThat(wizard.startBlockedBecause()).startsWith("Starting: writing the plan to the journal");
        wizard.start(started::add);   // pressed again meanwhile
        assertThat(executor.waiting()).as("the pre-flight checks and one start").isEqualTo(2);

        executor.runLast();

        assertThat(lines.recent(10)).singleElement().satisfies(e -> assertThat(e.record().fact(CutoverJournal.EVENT))
                .isEqualTo(CutoverJournal.START));
        assertThat(started).singleElement().satisfies(r -> assertThat(r.plan().cutoverId())
                .isEqualTo(lines.recent(1).get(0).record().operationId()));
        assertThat(service.runners()).containsExactlyElementsOf(started);
        assertThat(wizard.startingProperty().get()).isFalse();
    }

    @Test
    void aStartWhoseJournalLineFailsIsSaidAndCanBeTriedAgain() {
        diskFull = true;
        wizard.start(started::add);
        executor.runLast();

        assertThat(started).isEmpty();
        assertThat(service.runners()).as("no cutover runs without its journal line").isEmpty();
        assertThat(wizard.startBlockedBecause()).isEqualTo("Not started — Local database full: The journal line was"
                + " not written: the disk is full.");
        assertThat(wizard.startableProperty().get()).isTrue();

        diskFull = false;
        wizard.start(started::add);
        assertThat(wizard.startBlockedBecause()).startsWith("Starting");
        executor.runLast();
        assertThat(started).hasSize(1);
        assertThat(wizard.startBlockedBecause()).isEmpty();
    }

    @Test
    void alarmNamesAreCommaSeparatedAndMayHoldSpaces() {
        wizard.alarmsProperty().set("checkout 5xx high,  api-green-cpu-critical ,");
        assertThat(wizard.planProperty().get().gates().alarmNames())
                .containsExactly("checkout 5xx high", "api-green-cpu-critical");
    }
}
