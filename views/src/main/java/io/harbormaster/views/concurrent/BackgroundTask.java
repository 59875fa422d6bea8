package io.harbormaster.views.concurrent;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Blocking work described once: a title for the status bar, the work itself, and what to do with the result.
 * A {@link TaskExecutor} runs the work off the UI thread and delivers {@code onSuccess}/{@code onFailure} on it.
 *
 * <pre>{@code
 * executor.submit(BackgroundTask.of("Loading clusters in dev", () -> listClusters.listClusters(session))
 *         .onSuccess(clusters::setAll)
 *         .onFailure(dialogs::showProblem));
 * }</pre>
 */
public final class BackgroundTask<T> {

    /** Work that does not report progress; the status bar shows it as indeterminate. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work that reports its own progress. */
    @FunctionalInterface
    public interface ProgressWork<T> {
        T call(Progress progress) throws Exception;
    }

    /** Handed to {@link ProgressWork}; safe to call from the worker thread. */
    public interface Progress {
        /** @param done units done so far; {@code total <= 0} means indeterminate */
        void update(long done, long total);

        /** A short line for the status bar beside the title ("page 3 of 7"). */
        void message(String message);

        Progress NONE = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public void message(String message) {
            }
        };
    }

    private static final System.Logger LOG = System.getLogger(BackgroundTask.class.getName());

    private final String title;
    private final ProgressWork<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Problem> onFailure;
    private boolean quiet;
    private volatile BooleanSupplier wanted = () -> true;

    private BackgroundTask(String title, ProgressWork<T> work) {
        this.title = requireTitle(title);
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(title, progress -> work.call());
    }

    public static <T> BackgroundTask<T> withProgress(String title, ProgressWork<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Work with no result, e.g. remembering a setting. */
    public static BackgroundTask<Void> run(String title, ThrowingRunnable work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(title, progress -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Called on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Called on the UI thread with the failure in an operator's words: an {@link OperatorException}'s problem, or
     * {@link Problem#unexpected} for anything the adapters did not translate. Without a handler the failure is
     * logged, never swallowed silently.
     */
    public BackgroundTask<T> onFailure(Consumer<? super Problem> handler) {
        this.onFailure = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Keeps the task out of the status bar: for quick local bookkeeping (remembering a setting) that would only
     * flicker there. Anything that talks to AWS must stay visible.
     */
    public BackgroundTask<T> quietly() {
        this.quiet = true;
        return this;
    }

    public boolean isQuiet() {
        return quiet;
    }

    public String title() {
        return title;
    }

    /** Runs the work on the calling thread. Executors call this; nothing else should. */
    T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    /** Delivery is dropped once {@code stillWanted} says no; set by {@link LatestWins}. */
    void deliverOnlyWhile(BooleanSupplier stillWanted) {
        this.wanted = Objects.requireNonNull(stillWanted, "stillWanted");
    }

    boolean isWanted() {
        return wanted.getAsBoolean();
    }

    void succeed(T result) {
        if (isWanted()) {
            onSuccess.accept(result);
        }
    }

    void fail(Throwable failure) {
        if (!isWanted()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "'" + title + "' failed after it was superseded: " + failure);
            return;
        }
        Problem problem = problemOf(failure);
        if (onFailure == null) {
            LOG.log(System.Logger.Level.WARNING, "Background task '" + title + "' failed and nobody was told", failure);
            return;
        }
        if (problem.kind() == Problem.Kind.UNEXPECTED) {
            LOG.log(System.Logger.Level.WARNING, "Background task '" + title + "' failed unexpectedly", failure);
        }
        onFailure.accept(problem);
    }

    /** The one place a throwable from background work becomes something an operator can read. */
    public static Problem problemOf(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof OperatorException operatorException) {
                return operatorException.problem();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return Problem.unexpected(failure);
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a background task needs a title for the status bar");
        }
        return title;
    }
}
