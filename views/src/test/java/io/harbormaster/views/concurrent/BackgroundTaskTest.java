package io.harbormaster.views.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void deliversTheResultAndLeavesNothingRunning() {
        List<String> results = new ArrayList<>();
        executor.submit(BackgroundTask.of("Loading clusters in dev", () -> "three").onSuccess(results::add));
        assertThat(results).containsExactly("three");
        assertThat(executor.runningTasks()).isEmpty();
    }

    @Test
    void showsTheTaskWhileItRunsWithItsProgress() {
        List<String> seen = new ArrayList<>();
        executor.submit(BackgroundTask.withProgress("Loading services", progress -> {
            progress.update(3, 4);
            RunningTask task = executor.runningTasks().get(0);
            seen.add(task.title() + " " + task.progressProperty().get());
            return null;
        }));
        assertThat(seen).containsExactly("Loading services 0.75");
    }

    @Test
    void anOperatorProblemArrivesAsItIsEvenWhenWrapped() {
        Problem denied = new Problem(Problem.Kind.ACCESS_DENIED, "Role not trusted", "bob is not trusted", "", "");
        List<Problem> problems = new ArrayList<>();
        executor.submit(BackgroundTask.of("Entering prod", () -> {
            throw new CompletionException(new OperatorException(denied));
        }).onFailure(problems::add));
        assertThat(problems).containsExactly(denied);
    }

    @Test
    void anythingElseBecomesAnUnexpectedProblemWithDetails() {
        List<Problem> problems = new ArrayList<>();
        executor.submit(BackgroundTask.of("Loading", () -> {
            throw new IllegalStateException("socket closed");
        }).onFailure(problems::add));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.UNEXPECTED);
            assertThat(problem.details()).contains("socket closed");
        });
    }

    @Test
    void quietBookkeepingStaysOutOfTheStatusBar() {
        List<Integer> seen = new ArrayList<>();
        executor.submit(BackgroundTask.run("Remembering the theme",
                () -> seen.add(executor.runningTasks().size())).quietly());
        assertThat(seen).containsExactly(0);
    }

    @Test
    void aTaskNeedsATitleForTheStatusBar() {
        assertThatThrownBy(() -> BackgroundTask.of(" ", () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
