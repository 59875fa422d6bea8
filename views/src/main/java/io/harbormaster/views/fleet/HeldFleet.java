package io.harbormaster.views.fleet;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.views.concurrent.BackgroundTask;
import io.harbormaster.views.concurrent.LatestWins;
import io.harbormaster.views.text.StaleText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One environment's fleet as a page holds it beside the live one (All environments, Compare): the session it was
 * read with, so a refresh needs no new sign-in; the last snapshot; and why and when its last refresh failed. Every
 * page ages and retries it by the same policy: old after {@link FleetViewModel#REFRESH_EVERY}, retried on its own
 * only after a passing failure ({@link #TRANSIENT}). Its reads run one at a time: a new one, or {@link #drop},
 * cancels the last. UI thread only.
 */
public final class HeldFleet {

    /** Failures worth retrying on the next round; anything else waits for the operator. */
    public static final Set<Problem.Kind> TRANSIENT = EnumSet.of(Problem.Kind.NETWORK, Problem.Kind.THROTTLED,
            Problem.Kind.UNEXPECTED);

    /** A read that landed: the session it used and what it read, with what the page derived from it off the UI. */
    public record Read<R>(EnvironmentSession session, FleetSnapshot snapshot, R derived) {
    }

    /** Hears a load as it goes; {@code stillWanted} turns false once the load is superseded or dropped. */
    @FunctionalInterface
    public interface Listening {
        FleetLoadListener listenerFor(EnvironmentSession session, BooleanSupplier stillWanted);

        /** As above, for a page that also shows the load's progress on its task (the status bar). */
        default FleetLoadListener listenerFor(EnvironmentSession session, BooleanSupplier stillWanted,
                BackgroundTask.Progress progress) {
            return listenerFor(session, stillWanted);
        }

        Listening NONE = (session, stillWanted) -> FleetLoadListener.NONE;

        /** {@code listener} hears the whole load, and {@code progressTo} gets the load's task to show its progress. */
        static Listening withProgress(FleetLoadListener listener, Consumer<BackgroundTask.Progress> progressTo) {
            return new Listening() {
                @Override
                public FleetLoadListener listenerFor(EnvironmentSession session, BooleanSupplier stillWanted) {
                    return listener;
                }

                @Override
                public FleetLoadListener listenerFor(EnvironmentSession session, BooleanSupplier stillWanted,
                        BackgroundTask.Progress progress) {
                    progressTo.accept(progress);
                    return listener;
                }
            };
        }

        /**
         * Hears only that a full load has described every service: {@code derive} makes what the page shows from
         * the fleet so far (clusters, services, task definitions; no hosts or tasks) on the loader's thread, and
         * {@code early} gets it on the UI thread while the load is still wanted.
         */
        static <R> Listening servicesFirst(Clock clock, Executor uiThread,
                BiFunction<EnvironmentSession, FleetSnapshot, R> derive, Consumer<R> early) {
            return (session, stillWanted) -> new FleetLoadListener() {
                @Override
                public void servicesReady(List<Cluster> clusters, List<Service> services,
                        Map<String, TaskDefinition> taskDefinitions) {
                    FleetSnapshot soFar = new FleetSnapshot(session.environment().id(), session.region(),
                            clock.instant(), clusters, services, List.of(), List.of(), taskDefinitions, Map.of(),
                            List.of(), FleetStats.NONE);
                    R made = derive.apply(session, soFar);
                    uiThread.execute(() -> {
                        if (stillWanted.getAsBoolean()) {
                            early.accept(made);
                        }
                    });
                }
            };
        }
    }

    private final Environment environment;
    private final FleetReads reads;
    private final LatestWins work;
    private EnvironmentSession session;
    private FleetSnapshot snapshot;
    private Problem refreshProblem;
    private Instant failedAt;

    public HeldFleet(Environment environment, FleetReads reads) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.work = new LatestWins(reads.executor());
    }

    public Environment environment() {
        return environment;
    }

    /** The last snapshot read; null before the first load lands. */
    public FleetSnapshot snapshot() {
        return snapshot;
    }

    public EnvironmentSession session() {
        return session;
    }

    public boolean held() {
        return snapshot != null;
    }

    /** Why the last refresh failed (the snapshot is older than it should be); null when it did not. */
    public Problem refreshProblem() {
        return refreshProblem;
    }

    public Instant failedAt() {
        return failedAt;
    }

    /**
     * Why what is held is older than it should be, as every page says it: "Could not refresh stage at 14:02:36:
     * Throttled — Rate exceeded. Showing stage as of 14:02:11; it is retried every 20 s." Empty when the last
     * refresh did not fail.
     *
     * @param retry how the operator asks again, for a failure not retried on its own ("press F5")
     */
    public String staleness(String retry) {
        if (refreshProblem == null || snapshot == null) {
            return "";
        }
        String where = environment.displayName();
        return StaleText.of("refresh " + where, failedAt, refreshProblem, where, snapshot.asOf(),
                worthRetrying() ? FleetViewModel.REFRESH_EVERY : null, retry, reads.clock().getZone());
    }

    /** A read is running. */
    public boolean inFlight() {
        return work.isBusy();
    }

    /** Held, and read at least {@link FleetViewModel#REFRESH_EVERY} ago. */
    public boolean isOld() {
        return snapshot != null && isOld(snapshot.asOf());
    }

    /** The last refresh did not fail, or failed for a passing reason: the next round may try again on its own. */
    public boolean worthRetrying() {
        return refreshProblem == null || TRANSIENT.contains(refreshProblem.kind());
    }

    /**
     * Whether a round of the periodic refresh should read it again: held, not being read, and its last refresh did
     * not fail for a reason that retrying cannot mend.
     */
    public boolean dueForRound() {
        return held() && !inFlight() && worthRetrying();
    }

    /**
     * Enters the environment (an MFA code may be asked) and loads its fleet whole; {@code derive} runs on the
     * worker with the result. Whatever was held is forgotten first.
     */
    public <R> void load(String title, Listening listening, BiFunction<EnvironmentSession, FleetSnapshot, R> derive,
            Consumer<Read<R>> loaded, Consumer<Problem> failed) {
        load(null, title, listening, derive, loaded, failed);
    }

    /**
     * As {@link #load(String, Listening, BiFunction, Consumer, Consumer)}, with a session entered elsewhere (the
     * environment bar's): nothing is entered, so no code is asked; null enters as that method does.
     */
    public <R> void load(EnvironmentSession entered, String title, Listening listening,
            BiFunction<EnvironmentSession, FleetSnapshot, R> derive, Consumer<Read<R>> loaded,
            Consumer<Problem> failed) {
        load(entered, title, listening, LoadFocus.none(), derive, loaded, failed);
    }

    /**
     * As {@link #load(EnvironmentSession, String, Listening, BiFunction, Consumer, Consumer)}, the tasks of the hosts
     * {@code focus} names (those on screen while it runs) described first.
     */
    public <R> void load(EnvironmentSession entered, String title, Listening listening, LoadFocus focus,
            BiFunction<EnvironmentSession, FleetSnapshot, R> derive, Consumer<Read<R>> loaded,
            Consumer<Problem> failed) {
        if (entered != null && !entered.environment().id().equals(environment.id())) {
            throw new IllegalArgumentException("a session in " + entered.environment().id() + " cannot read "
                    + environment.id());
        }
        LatestWins.Turn turn = work.next();
        forget();
        turn.submit(BackgroundTask.withProgress(title, progress -> {
            EnvironmentSession in = entered != null ? entered
                    : reads.enterEnvironment().enter(environment, reads.mfaPrompt());
            FleetSnapshot read = reads.loadFleet().load(in, listening.listenerFor(in, turn::isCurrent, progress),
                    focus);
            return new Read<>(in, read, derive.apply(in, read));
        }).onSuccess(read -> {
            keep(read);
            loaded.accept(read);
        }).onFailure(failed));
    }

    /**
     * Reads the held fleet again incrementally, with the session of the load, or entering again first when
     * {@code enterAgain} (the operator asked: an expired session is renewed, which may ask for a code). A failure
     * keeps the snapshot, remembers why and when ({@link #refreshProblem()}), and is passed on.
     */
    public <R> void refresh(String title, boolean enterAgain, BiFunction<EnvironmentSession, FleetSnapshot, R> derive,
            Consumer<Read<R>> refreshed, Consumer<Problem> failed) {
        if (snapshot == null) {
            throw new IllegalStateException("nothing of " + environment.displayName() + " is held to refresh");
        }
        LatestWins.Turn turn = work.next();
        EnvironmentSession known = session;
        FleetSnapshot previous = snapshot;
        turn.submit(BackgroundTask.of(title, () -> {
            EnvironmentSession in = enterAgain
                    ? reads.enterEnvironment().enter(environment, reads.mfaPrompt()) : known;
            FleetSnapshot read = reads.refreshFleet().refresh(in, previous, FleetLoadListener.NONE);
            return new Read<>(in, read, derive.apply(in, read));
        }).onSuccess(read -> {
            keep(read);
            refreshed.accept(read);
        }).onFailure(problem -> {
            refreshProblem = problem;
            failedAt = reads.clock().instant();
            failed.accept(problem);
        }));
    }

    /** Stops whatever read runs, keeping what is held: the page went out of sight. */
    public void cancel() {
        work.cancel();
    }

    /** Stops whatever read runs and forgets what is held. */
    public void drop() {
        work.cancel();
        forget();
    }

    /** "14:02:11" in the page's clock zone. */
    public String time(Instant instant) {
        return time(instant, reads.clock());
    }

    /** The one staleness rule of every fleet page: read at least {@link FleetViewModel#REFRESH_EVERY} ago. */
    public static boolean isOld(Instant asOf, Clock clock) {
        return Duration.between(asOf, clock.instant()).compareTo(FleetViewModel.REFRESH_EVERY) >= 0;
    }

    /** How every fleet page says when something was read: "14:02:11" in the clock's zone. */
    public static String time(Instant instant, Clock clock) {
        return StaleText.time(instant, clock.getZone());
    }

    private boolean isOld(Instant asOf) {
        return isOld(asOf, reads.clock());
    }

    private void keep(Read<?> read) {
        session = read.session();
        snapshot = read.snapshot();
        refreshProblem = null;
        failedAt = null;
    }

    private void forget() {
        session = null;
        snapshot = null;
        refreshProblem = null;
        failedAt = null;
    }
}
