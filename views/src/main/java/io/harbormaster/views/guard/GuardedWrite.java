package io.harbormaster.views.guard;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.TaskExecutor;
import io.harbormaster.views.dialog.DialogService;
import java.util.Objects;

/**
 * How a dialog's write goes out: the guard decides (refused, typed name in production, approved); an approved write
 * runs in the background; a failure is shown to the operator and told to the guard, so an access denial makes the
 * environment read-only from then on. Lives on the UI thread.
 */
public record GuardedWrite(WriteGuard guard, TaskExecutor executor, DialogService dialogs) {

    public GuardedWrite {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(dialogs, "dialogs");
    }

    /** What the dialog does as the write goes: started once approved, then done or failed on the UI thread. */
    public record Outcome(Runnable started, Runnable done, Runnable failed) {
    }

    /**
     * @param doing what the background task says it does ("Stopping task 0f3c… in prod")
     * @param write the blocking write itself
     * @return whether the guard let it go
     */
    public boolean submit(EnvironmentSession session, WriteRequest request, String doing, Runnable write,
            Outcome outcome) {
        if (guard.check(session, request) != WriteGuard.Verdict.APPROVED) {
            return false;
        }
        outcome.started().run();
        executor.submit(BackgroundTask.run(doing, write::run)
                .onSuccess(done -> outcome.done().run())
                .onFailure(problem -> {
                    guard.writeFailed(session, problem);
                    outcome.failed().run();
                    dialogs.showProblem(problem);
                }));
        return true;
    }
}
