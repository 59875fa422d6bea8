package io.harbormaster.views.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.journal.InMemoryWriteJournal;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.recovery.InterruptedWrites;
import io.harbormaster.views.concurrent.CurrentThreadTaskExecutor;
import io.harbormaster.views.fakes.Fixtures;
import io.harbormaster.views.fakes.MovableClock;
import io.harbormaster.views.lifecycle.ManualRepeater;
import java.time.Duration;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The notice a restart shows, from the journal a killed run left: once, in words, updated by the read-back. */
class RestartNoticeViewModelTest {

    private static final String SERVICE = "arn:aws:ecs:eu-west-1:111111111111:service/prod-main/api";

    private final MovableClock clock = new MovableClock();
    private final InMemoryWriteJournal journal = new InMemoryWriteJournal(clock);
    private final ManualRepeater repeater = new ManualRepeater();
    private final SimpleObjectProperty<EnvironmentSession> session = new SimpleObjectProperty<>();
    private final JournalRecord intent = new JournalRecord("op-1", "scale", JournalPhase.INTENT, "prod", SERVICE,
            "arn:aws:iam::111111111111:user/bob", "UpdateService api desiredCount 12", "", Map.of("region",
            "eu-west-1", "cluster", "prod-main", "service", SERVICE, "desiredCount", "12"));

    private RestartNoticeViewModel restarted() {
        clock.advance(Duration.ofMinutes(3));
        return new RestartNoticeViewModel(new InterruptedWrites(journal,
                id -> id.equals("prod") ? "Production" : id), session, new CurrentThreadTaskExecutor(), repeater, clock);
    }

    @Test
    void aScaleAKilledRunLeftOpenIsToldThenWhatItsReadBackFound() {
        journal.append(intent);
        RestartNoticeViewModel notice = restarted();

        assertThat(notice.visibleProperty().get()).isTrue();
        assertThat(notice.lines()).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("Scale of api to 12 tasks in Production (eu-west-1), asked by bob at"
                    + " 2026-11-22 14:02:11, was cut short when the console stopped. Outcome unknown: not read back"
                    + " yet. Enter Production: its desired count is read back then.");
            assertThat(line.journal()).startsWith("Journal operation op-1 (scale):")
                    .contains("2026-11-22 14:02:11  INTENT  UpdateService api desiredCount 12");
        });
        assertThat(notice.rechecking()).as("the read-back is awaited").isTrue();

        journal.append(intent.as(JournalPhase.FAILED, "read back: not applied", "", Map.of("readBack", "10")));
        journal.append(intent.as(JournalPhase.END, "read back after an interruption", "", Map.of()));
        session.set(Fixtures.session(Fixtures.PROD)); // entering reads it back, then the notice reads the journal
        assertThat(notice.lines()).singleElement().satisfies(line -> assertThat(line.text()).endsWith(
                "was cut short when the console stopped. Read back: not done: the desired count is still 10. Scale"
                        + " again from Services if it is still wanted."));
        assertThat(notice.rechecking()).as("settled: nothing more to learn").isFalse();

        notice.dismiss();
        assertThat(notice.visibleProperty().get()).isFalse();
        assertThat(notice.lines()).isEmpty();
    }

    @Test
    void aTaskStopAKilledRunLeftOpenIsToldThenWhatDescribeTasksFound() {
        JournalRecord stop = new JournalRecord("s-1", "stop-task", JournalPhase.INTENT, "prod",
                "arn:aws:ecs:eu-west-1:111111111111:task/prod-main/0f3c9", "arn:aws:iam::111111111111:user/bob",
                "StopTask 0f3c9 of api: stuck", "", Map.of("region", "eu-west-1", "cluster", "prod-main", "task",
                "arn:aws:ecs:eu-west-1:111111111111:task/prod-main/0f3c9", "service", SERVICE, "reason", "stuck"));
        journal.append(stop);
        RestartNoticeViewModel notice = restarted();
        assertThat(notice.lines()).singleElement().satisfies(line -> assertThat(line.text()).isEqualTo(
                "Stop of task 0f3c9 in Production (eu-west-1), asked by bob at 2026-11-22 14:02:11, was cut short"
                        + " when the console stopped. Outcome unknown: not read back yet. Enter Production: the task"
                        + " is read back then."));

        journal.append(stop.as(JournalPhase.DONE, "read back: applied", "", Map.of("readBack", "STOPPED/STOPPED")));
        journal.append(stop.as(JournalPhase.END, "read back after an interruption", "", Map.of()));
        session.set(Fixtures.session(Fixtures.PROD));
        assertThat(notice.lines()).singleElement().satisfies(line -> assertThat(line.text()).endsWith(
                "was cut short when the console stopped. Read back: done: ECS is stopping it (last status STOPPED)."));
        assertThat(notice.rechecking()).isFalse();
    }

    @Test
    void aDeployWhoseFollowerTakesItUpLaterIsToldOnTheNextRecheck() {
        JournalRecord update = new JournalRecord("d-1", "deploy", JournalPhase.INTENT, "prod", SERVICE, "bob",
                "UpdateService api", "", Map.of("region", "eu-west-1", "service", SERVICE, "step", "update",
                "taskDefinition", "arn:aws:ecs:eu-west-1:111111111111:task-definition/api:43"));
        journal.append(update);
        RestartNoticeViewModel notice = restarted();
        assertThat(notice.lines().get(0).text()).startsWith("Deploy of api to api:43 in Production (eu-west-1)"
                + " (UpdateService sent, its answer not recorded)");

        journal.append(update.as(JournalPhase.NOTE, "following", "", Map.of("step", "follow", "serviceDeployment",
                "arn:aws:ecs:eu-west-1:111111111111:service-deployment/prod-main/api/abc")));
        repeater.tick();
        assertThat(notice.lines().get(0).text()).endsWith("Read back: under way: ECS is rolling it out and the console"
                + " follows it. Open Deploys to follow it, or to roll back.");
    }

    @Test
    void nothingLeftOpenShowsNothingButAStoreMovedAsideIsSaid() {
        RestartNoticeViewModel notice = restarted();
        assertThat(notice.visibleProperty().get()).isFalse();
        assertThat(notice.rechecking()).isFalse();

        notice.note("The local database could not be read: it was moved to /tmp/x.db.unreadable-1.");
        assertThat(notice.visibleProperty().get()).isTrue();
        assertThat(notice.lines()).extracting(RestartNoticeViewModel.Line::journal).containsExactly("");
    }
}
