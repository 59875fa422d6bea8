package io.harbormaster.views.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.harbormaster.model.error.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestWinsTest {

    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final LatestWins slot = new LatestWins(executor);
    private final List<String> delivered = new ArrayList<>();

    private BackgroundTask<String> answering(String answer) {
        return BackgroundTask.of("Loading " + answer, () -> answer).onSuccess(delivered::add);
    }

    @Test
    void aNewRequestCancelsThePreviousAndOnlyTheLatestIsDelivered() {
        TaskHandle first = slot.submit(answering("dev"));
        TaskHandle second = slot.submit(answering("prod"));

        assertThat(first.isCancelled()).isTrue();
        assertThat(second.isCancelled()).isFalse();
        assertThat(executor.runningTasks()).extracting(RunningTask::title).containsExactly("Loading prod");

        executor.runAll();
        assertThat(delivered).containsExactly("prod");
        assertThat(executor.cancelled()).isEqualTo(1);
    }

    @Test
    void aFailureOfASupersededRequestIsNotDeliveredEither() {
        List<Problem> problems = new ArrayList<>();
        LatestWins inline = new LatestWins(new CurrentThreadTaskExecutor());
        LatestWins.Turn old = inline.next();
        inline.next();
        old.submit(BackgroundTask.of("Loading dev", () -> {
            throw new IllegalStateException("late");
        }).onFailure(problems::add));
        assertThat(problems).isEmpty();
    }

    @Test
    void workDoneInlineIsDeliveredToItsOwnTurn() {
        LatestWins inline = new LatestWins(new CurrentThreadTaskExecutor());
        inline.submit(answering("dev"));
        inline.submit(answering("stage"));
        assertThat(delivered).containsExactly("dev", "stage");
    }

    @Test
    void aTurnMaySubmitSeveralPiecesAndAllArriveWhileItIsCurrent() {
        LatestWins.Turn turn = slot.next();
        turn.submit(answering("cached"));
        turn.submit(answering("fetched"));
        assertThat(slot.isBusy()).isTrue();
        executor.runAll();
        assertThat(delivered).containsExactly("cached", "fetched");
        assertThat(turn.isCurrent()).isTrue();
        assertThat(slot.isBusy()).isFalse();
    }

    @Test
    void cancellingTheSlotStopsItsWorkAndLeavesNothingCurrent() {
        LatestWins.Turn turn = slot.next();
        turn.submit(answering("dev"));
        slot.cancel();
        assertThat(turn.isCurrent()).isFalse();
        assertThat(executor.runningTasks()).isEmpty();
        executor.runAll();
        assertThat(delivered).isEmpty();
    }

    @Test
    void aTurnThatIsOverSubmitsNothing() {
        LatestWins.Turn old = slot.next();
        slot.next();
        TaskHandle handle = old.submit(answering("dev"));
        assertThat(handle.isDone()).isTrue();
        assertThat(executor.waiting()).isZero();
    }
}
