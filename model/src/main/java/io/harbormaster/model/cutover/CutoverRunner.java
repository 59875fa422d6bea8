package io.harbormaster.model.cutover;

import io.harbormaster.model.cutover.CutoverCheckpoint.Stage;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.metrics.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one cutover as a state machine driven by a clock: nothing here sleeps. {@link #tick()} does whatever is due
 * at the clock's time and says when it next wants to be called; a driver (a scheduled executor in the app, a loop
 * advancing a manual clock in tests) calls it. Per step: check the live weights are the expected ones, write (a
 * busy answer is asked again with backoff), read back until confirmed (polling with backoff), bake for the step's
 * time (≥ TTL + margin), check the weights are still there, judge the gates, then go on, pause or roll back.
 *
 * <p>Every write has an INTENT line before the call and DONE/FAILED after; every decision, the console's and the
 * operator's, is a NOTE with its evidence; the end is an END line. {@link CutoverReconciler} rebuilds a runner from
 * those lines after a crash ({@link #restore}). Operator commands may come from any thread.
 */
public final class CutoverRunner {

    /** Who the runner's own decisions are by. */
    public static final String CONSOLE = "console";

    private static final System.Logger LOG = System.getLogger(CutoverRunner.class.getName());
    private static final Duration WAIT_RETRY = Duration.ofMinutes(1);
    private static final Duration MAX_POLL = Duration.ofSeconds(30);
    private static final int MAX_ACTS_PER_TICK = 50;

    private final CutoverPlan plan;
    private final CutoverPorts ports;
    private final CutoverJournal journal;
    private final String actor;
    private final String machine;
    private final List<Consumer<CutoverState>> listeners = new CopyOnWriteArrayList<>();
    private final List<CutoverEvent> events = new ArrayList<>();
    private final List<SplitPoint> history = new ArrayList<>();

    private Stage stage;
    private int step;
    private Weights requested;
    private Weights confirmed;
    private Weights lastWritten;
    private String changeId = "";
    private Instant bakeUntil;
    private boolean rollingBack;

    private boolean paused;
    private String pausedBecause = "";
    private boolean driftPending;
    private boolean overrideDrift;
    private CutoverPhase finished;
    private Instant dueAt;
    private int attempts;
    private Instant judgingSince;
    private LockHolder held;
    private LockHolder heldByOther;
    private GateDecision lastDecision;
    private Problem problem;
    private volatile CutoverState state;

    private CutoverRunner(CutoverPlan plan, CutoverPorts ports, String actor, String machine) {
        this.plan = plan;
        this.ports = ports;
        this.actor = actor;
        this.machine = machine == null ? "" : machine;
        this.journal = new CutoverJournal(ports.journal(), plan, actor);
    }

    /** A new cutover: journals the plan, then (on the first tick) takes the lock and writes step 1. */
    public static CutoverRunner start(CutoverPlan plan, CutoverPorts ports, String actor, String machine) {
        CutoverRunner r = new CutoverRunner(plan, ports, actor, machine);
        synchronized (r) {
            r.stage = Stage.LOCK;
            r.requested = plan.startWeights();
            r.dueAt = r.now();
            Map<String, String> facts = new HashMap<>(PlanCodec.encode(plan));
            facts.put(CutoverJournal.WEIGHTS, plan.startWeights().encode());
            r.log(JournalPhase.NOTE, CutoverJournal.START, CONSOLE, "Cutover of " + plan.route().displayName()
                    + " from " + plan.fromId() + " to " + plan.toId() + " in " + plan.stepCount() + " steps; starting at "
                    + plan.startWeights().describe(), facts);
            r.history.add(new SplitPoint(r.now(), plan.startWeights(), plan.startWeights()));
            r.publish();
        }
        return r;
    }

    /**
     * A cutover interrupted by a crash, paused at the reconciled checkpoint: {@link #resume} continues exactly
     * there, {@link #rollBack} goes back to the starting weights.
     */
    public static CutoverRunner restore(Reconciliation rec, CutoverPorts ports, String actor, String machine) {
        CutoverRunner r = new CutoverRunner(rec.plan(), ports, actor, machine);
        synchronized (r) {
            CutoverCheckpoint c = rec.checkpoint();
            r.events.addAll(rec.events());
            r.stage = c.stage();
            r.step = c.step();
            r.requested = c.requested();
            r.confirmed = c.confirmed();
            r.lastWritten = null;
            r.changeId = c.changeId();
            r.bakeUntil = c.bakeUntil();
            r.rollingBack = c.rollingBack();
            r.paused = true;
            r.driftPending = rec.situation() == Reconciliation.Situation.DRIFTED;
            r.pausedBecause = "Restarted after the console stopped: " + rec.explanation();
            if (rec.lockHeld()) {
                r.held = new LockHolder(actor, r.now(), rec.plan().cutoverId(), r.machine);
            }
            r.history.add(new SplitPoint(r.now(), c.requested(), rec.live()));
            r.log(JournalPhase.NOTE, CutoverJournal.RESTART, CONSOLE, "Restarted: " + rec.explanation(),
                    Map.of(CutoverJournal.REASON, rec.situation().name(), CutoverJournal.LIVE,
                            rec.live() == null ? "" : rec.live().encode(), CutoverJournal.STEP,
                            String.valueOf(c.step())));
            r.publish();
        }
        return r;
    }

    public CutoverPlan plan() {
        return plan;
    }

    /** Whether it has finished (succeeded, rolled back or aborted): nothing will tick it again. */
    public synchronized boolean finished() {
        return finished != null;
    }

    /** The latest state; also delivered to listeners after every change. */
    public CutoverState state() {
        return state;
    }

    /** Called with every new state, on the thread that changed it. */
    public void addListener(Consumer<CutoverState> listener) {
        listeners.add(listener);
    }

    /**
     * Does everything due at the clock's time.
     *
     * @return when it next wants to be called; empty when paused (waiting for the operator) or finished
     */
    public synchronized Optional<Instant> tick() {
        int acts = 0;
        while (finished == null && !paused && dueAt != null && !now().isBefore(dueAt) && acts++ < MAX_ACTS_PER_TICK) {
            try {
                act();
            } catch (OperatorException e) {
                pauseForProblem(e.problem());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cutover " + plan.cutoverId() + " failed unexpectedly", e);
                pauseForProblem(Problem.unexpected(e));
            }
        }
        if (acts > 0) {
            publish();
        }
        return finished == null && !paused ? Optional.ofNullable(dueAt) : Optional.empty();
    }

    /** Stops going on after the current action, until {@link #resume}. */
    public synchronized void pause(String by, String why) {
        if (finished != null || paused) {
            return;
        }
        log(JournalPhase.NOTE, CutoverJournal.PAUSE, by, "Paused by " + by + (why.isBlank() ? "" : ": " + why),
                Map.of(CutoverJournal.REASON, why));
        paused = true;
        pausedBecause = "Paused by " + by + (why.isBlank() ? "" : ": " + why);
        publish();
    }

    /** Continues where it was paused (after a drift: writes the step's weights over the ones found). */
    public synchronized void resume(String by) {
        if (finished != null || !paused) {
            return;
        }
        log(JournalPhase.NOTE, CutoverJournal.RESUME, by, "Resumed by " + by + ": " + describeNext(),
                Map.of(CutoverJournal.STEP, String.valueOf(step)));
        paused = false;
        pausedBecause = "";
        problem = null;
        overrideDrift = driftPending;
        driftPending = false;
        if (stage == Stage.JUDGE) {
            judgingSince = now();
        }
        dueAt = stage == Stage.BAKE && bakeUntil != null && bakeUntil.isAfter(now()) ? bakeUntil : now();
        publish();
    }

    /** Skips to the last step (100 %): written at once, then baked and judged like any step. */
    public synchronized void promote(String by) {
        if (finished != null || rollingBack) {
            return;
        }
        log(JournalPhase.NOTE, CutoverJournal.PROMOTE, by, "Promoted by " + by + " to step " + plan.stepCount()
                + " (" + plan.last().weights().describe() + ")", Map.of(CutoverJournal.STEP, String.valueOf(step)));
        step = plan.stepCount();
        requested = plan.last().weights();
        stage = Stage.WRITE;
        attempts = 0;
        paused = false;
        pausedBecause = "";
        problem = null;
        overrideDrift = driftPending;
        driftPending = false;
        dueAt = now();
        publish();
    }

    /** Writes the starting weights back, read back, then finishes as rolled back. */
    public synchronized void rollBack(String by, String why) {
        if (finished != null || rollingBack) {
            return;
        }
        log(JournalPhase.NOTE, CutoverJournal.ROLLBACK, by, "Roll back by " + by + (why.isBlank() ? "" : ": " + why)
                + " to " + plan.startWeights().describe(), Map.of(CutoverJournal.REASON, why,
                        CutoverJournal.STEP, String.valueOf(step)));
        startRollback();
        publish();
    }

    /** Stops where it is: no further write; the lock is released and the weights stay as they are. */
    public synchronized void abort(String by) {
        if (finished != null) {
            return;
        }
        log(JournalPhase.NOTE, CutoverJournal.ABORT, by, "Aborted by " + by + " at step " + step + "; weights left at "
                + (confirmed != null ? confirmed : requested).describe(), Map.of(CutoverJournal.STEP,
                        String.valueOf(step)));
        finish(CutoverPhase.ABORTED, "aborted by " + by);
        publish();
    }

    /**
     * Takes over the lock another console holds (the operator judged it stale and typed the name): atomic, fails if
     * the holder changed meanwhile. On success the cutover goes on.
     */
    public synchronized void takeOverLock(String by) {
        if (finished != null || heldByOther == null) {
            return;
        }
        LockHolder stale = heldByOther;
        LockHolder me = new LockHolder(actor, now(), plan.cutoverId(), machine);
        JournalRecord intent = intent(CutoverJournal.LOCK, by, "Take over the lock from "
                + stale.describe(), Map.of(CutoverJournal.REASON, "takeover"));
        try {
            LockOutcome o = ports.lock().takeOver(routeSession(), plan.route(), stale, me);
            lockAnswered(intent, o);
        } catch (OperatorException e) {
            append(intent.as(JournalPhase.FAILED, "Lock takeover failed: " + e.problem().message(), "", Map.of()), by);
            problem = e.problem();
        }
        publish();
    }

    private void act() {
        switch (stage) {
            case LOCK -> takeLock();
            case WRITE -> write();
            case CONFIRM -> confirm();
            case BAKE -> endBake();
            case JUDGE -> judge();
            case ADVANCE -> advance();
            default -> throw new IllegalStateException(stage.name());
        }
    }

    private void takeLock() {
        LockHolder me = new LockHolder(actor, now(), plan.cutoverId(), machine);
        JournalRecord intent = intent(CutoverJournal.LOCK, CONSOLE, "Take the lock on "
                + plan.route().displayName(), Map.of());
        LockOutcome o;
        try {
            o = ports.lock().acquire(routeSession(), plan.route(), me);
        } catch (OperatorException e) {
            if (e.problem().kind() == Problem.Kind.THROTTLED) {
                attempts++;
                Duration wait = backoff(attempts);
                append(intent.as(JournalPhase.FAILED, "AWS busy taking the lock; asking again in " + wait.toSeconds()
                        + " s", "", Map.of("retryIn", wait.toString())), CONSOLE);
                dueAt = now().plus(wait);
                return;
            }
            append(intent.as(JournalPhase.FAILED, "Lock not taken: " + e.problem().message(), "", Map.of()), CONSOLE);
            throw e;
        }
        attempts = 0;
        lockAnswered(intent, o);
    }

    private void lockAnswered(JournalRecord intent, LockOutcome o) {
        LockHolder holder = o instanceof LockOutcome.Acquired a ? a.holder() : ((LockOutcome.HeldBy) o).holder();
        String where = o instanceof LockOutcome.Acquired a ? a.where() : ((LockOutcome.HeldBy) o).where();
        if (o instanceof LockOutcome.Acquired || holder.cutoverId().equals(plan.cutoverId())) {
            append(intent.as(JournalPhase.DONE, "Lock held: " + where, "", Map.of("where", where,
                    "holder", holder.describe())), CONSOLE);
            held = holder;
            heldByOther = null;
            problem = null;
            paused = false;
            pausedBecause = "";
            stage = Stage.WRITE;
            step = 1;
            requested = plan.step(1).weights();
            dueAt = now();
            return;
        }
        append(intent.as(JournalPhase.FAILED, "Lock held by " + holder.describe() + " (" + where + ")", "",
                Map.of("where", where, "holder", holder.describe())), CONSOLE);
        heldByOther = holder;
        paused = true;
        pausedBecause = "Another console holds the lock: " + holder.describe() + " (" + where + ")";
    }

    private void write() {
        EnvironmentSession session = routeSession();
        Weights base = confirmed != null ? confirmed : plan.startWeights();
        Weights live = ports.shift().live(session, plan.route());
        boolean expected = live.sameAs(base) || live.sameAs(requested) || live.sameAs(lastWritten);
        if (!rollingBack && !overrideDrift && !expected) {
            drift(base, live, "before writing " + what());
            return;
        }
        overrideDrift = false;
        if (live.sameAs(requested)) {
            log(JournalPhase.NOTE, CutoverJournal.WRITE, CONSOLE, "Already at " + requested.describe() + " ("
                    + what() + "); not written again", Map.of(CutoverJournal.STEP, String.valueOf(step),
                            CutoverJournal.WEIGHTS, requested.encode(), CutoverJournal.PURPOSE, purpose()));
            changeId = "";
            lastWritten = requested;
            stage = Stage.CONFIRM;
            attempts = 0;
            dueAt = now();
            return;
        }
        JournalRecord intent = intent(CutoverJournal.WRITE, CONSOLE, "Write " + what() + ": "
                + requested.describe(), Map.of(CutoverJournal.STEP, String.valueOf(step), CutoverJournal.WEIGHTS,
                        requested.encode(), CutoverJournal.PREVIOUS, live.encode(), CutoverJournal.PURPOSE,
                        purpose()));
        WriteOutcome outcome;
        try {
            outcome = ports.shift().write(session, plan.route(), requested);
        } catch (OperatorException e) {
            append(intent.as(JournalPhase.FAILED, "Write refused: " + e.problem().message(), "",
                    Map.of("problem", e.problem().title())), CONSOLE);
            throw e;
        }
        if (outcome instanceof WriteOutcome.Accepted a) {
            append(intent.as(JournalPhase.DONE, "Written " + what() + (a.changeId().isBlank() ? "" : "; change "
                    + a.changeId()), a.requestId(), Map.of(CutoverJournal.CHANGE_ID, a.changeId())), CONSOLE);
            changeId = a.changeId();
            lastWritten = requested;
            history.add(new SplitPoint(now(), requested, confirmed));
            stage = Stage.CONFIRM;
            attempts = 0;
            dueAt = now().plus(backoff(0));
        } else {
            WriteOutcome.Busy b = (WriteOutcome.Busy) outcome;
            attempts++;
            Duration wait = backoff(attempts);
            append(intent.as(JournalPhase.FAILED, "AWS busy (" + b.code() + "); nothing changed, asking again in "
                    + wait.toSeconds() + " s", "", Map.of("code", b.code(), "retryIn", wait.toString())), CONSOLE);
            dueAt = now().plus(wait);
        }
    }

    private void confirm() {
        ReadBack rb = ports.shift().readBack(routeSession(), plan.route(), requested, changeId);
        switch (rb.state()) {
            case PENDING, BUSY -> {
                attempts++;
                dueAt = now().plus(backoff(attempts));
            }
            case MISMATCH -> drift(requested, rb.live(), "reading back " + what() + " (" + rb.evidence() + ")");
            case CONFIRMED -> {
                confirmed = rb.live();
                history.add(new SplitPoint(now(), requested, confirmed));
                if (rollingBack) {
                    log(JournalPhase.NOTE, CutoverJournal.CONFIRMED, CONSOLE, "Rolled back: " + rb.evidence(),
                            confirmedFacts(null, rb));
                    finish(CutoverPhase.ROLLED_BACK, "rolled back to " + confirmed.describe());
                    return;
                }
                bakeUntil = now().plus(plan.step(step).bake());
                log(JournalPhase.NOTE, CutoverJournal.CONFIRMED, CONSOLE, "Step " + step + " confirmed ("
                        + rb.evidence() + "); baking until " + bakeUntil, confirmedFacts(bakeUntil, rb));
                stage = Stage.BAKE;
                dueAt = bakeUntil;
            }
            default -> throw new IllegalStateException(rb.state().name());
        }
    }

    private Map<String, String> confirmedFacts(Instant until, ReadBack rb) {
        Map<String, String> f = new HashMap<>();
        f.put(CutoverJournal.STEP, String.valueOf(step));
        f.put(CutoverJournal.WEIGHTS, confirmed.encode());
        f.put(CutoverJournal.PURPOSE, purpose());
        f.put(CutoverJournal.CHANGE_ID, changeId);
        f.put(CutoverJournal.AT, now().toString());
        f.put(CutoverJournal.EVIDENCE, rb.evidence());
        if (until != null) {
            f.put(CutoverJournal.BAKE_UNTIL, until.toString());
        }
        return f;
    }

    private void endBake() {
        Weights live = ports.shift().live(routeSession(), plan.route());
        if (!live.sameAs(requested)) {
            drift(requested, live, "at the end of step " + step + "'s bake");
            return;
        }
        stage = Stage.JUDGE;
        judgingSince = now();
        dueAt = now();
    }

    private void judge() {
        Instant now = now();
        TimeWindow window = new TimeWindow(now.minus(plan.gates().window()), now);
        Map<String, GateReadings> readings = new LinkedHashMap<>();
        for (String id : List.of(plan.toId(), plan.fromId())) {
            Optional<CutoverSide> side = plan.sides().stream().filter(s -> s.targetId().equals(id)).findFirst();
            if (side.isEmpty() || !side.get().resolved()) {
                continue;
            }
            List<String> alarms = id.equals(plan.toId()) ? plan.gates().alarmNames() : List.of();
            EnvironmentSession session = ports.sessions().session(side.get().environmentId());
            readings.put(id, ports.metrics().read(session, side.get(), alarms, window));
        }
        GateDecision decision = GateEvaluator.evaluate(step, now, plan, window, readings);
        lastDecision = decision;
        GatePolicy policy = plan.gates();
        String action;
        switch (decision.verdict()) {
            case CRITICAL -> action = policy.rollbackOnCritical() ? "rollback" : "pause";
            case WARNING -> action = policy.pauseOnWarning() ? "pause" : "next";
            case WAIT -> action = Duration.between(judgingSince, now).compareTo(policy.maxWait()) >= 0 ? "pause"
                    : "wait";
            default -> action = policy.pauseEveryStep() && step < plan.stepCount() ? "pause" : "next";
        }
        Map<String, String> facts = new HashMap<>();
        facts.put(CutoverJournal.STEP, String.valueOf(step));
        facts.put(CutoverJournal.VERDICT, decision.verdict().name());
        facts.put(CutoverJournal.ACTION, action);
        facts.put(CutoverJournal.EVIDENCE, decision.evidence().stream().map(GateEvidence::reason)
                .collect(Collectors.joining("\n")));
        facts.put("window", window.start() + "/" + window.end());
        log(JournalPhase.NOTE, CutoverJournal.GATES, CONSOLE, "Gates of step " + step + ": " + decision.verdict()
                + " → " + action + decisive(decision), facts);
        switch (action) {
            case "rollback" -> startRollback();
            case "pause" -> {
                stage = decision.verdict() == GateVerdict.WAIT || decision.verdict() == GateVerdict.CRITICAL
                        ? Stage.JUDGE : Stage.ADVANCE;
                paused = true;
                pausedBecause = switch (decision.verdict()) {
                    case PASS -> "Step " + step + " passed its gates; promote or resume to go on";
                    case WAIT -> "No data for " + policy.maxWait().toMinutes() + " min" + decisive(decision);
                    default -> "Gates of step " + step + ": " + decision.verdict() + decisive(decision);
                };
            }
            case "wait" -> dueAt = now.plus(WAIT_RETRY);
            default -> {
                stage = Stage.ADVANCE;
                dueAt = now;
            }
        }
    }

    private void advance() {
        if (step >= plan.stepCount()) {
            finish(CutoverPhase.SUCCEEDED, plan.toId() + " has " + String.format(java.util.Locale.ROOT, "%.1f %%",
                    requested.percent(plan.toId())));
            return;
        }
        step++;
        requested = plan.step(step).weights();
        stage = Stage.WRITE;
        attempts = 0;
        dueAt = now();
    }

    private void startRollback() {
        rollingBack = true;
        requested = plan.startWeights();
        stage = Stage.WRITE;
        attempts = 0;
        paused = false;
        pausedBecause = "";
        problem = null;
        driftPending = false;
        dueAt = now();
    }

    private void drift(Weights expected, Weights live, String when) {
        log(JournalPhase.NOTE, CutoverJournal.DRIFT, CONSOLE, "Weights changed outside this cutover, found " + when
                + ": expected " + expected.describe() + ", found " + live.describe(), Map.of(CutoverJournal.STEP,
                        String.valueOf(step), CutoverJournal.WEIGHTS, expected.encode(), CutoverJournal.LIVE,
                        live.encode()));
        history.add(new SplitPoint(now(), requested, live));
        confirmed = live;
        stage = Stage.WRITE;
        paused = true;
        driftPending = true;
        pausedBecause = "Someone else changed the weights (" + when + "): expected " + expected.describe()
                + ", found " + live.describe() + ". Resume writes " + what() + " over them; roll back writes the"
                + " starting weights.";
    }

    private void finish(CutoverPhase outcome, String summary) {
        if (held != null) {
            JournalRecord intent = intent(CutoverJournal.UNLOCK, CONSOLE, "Release the lock",
                    Map.of());
            try {
                ports.lock().release(routeSession(), plan.route(), held);
                append(intent.as(JournalPhase.DONE, "Lock released", "", Map.of()), CONSOLE);
                held = null;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "lock of cutover " + plan.cutoverId() + " not released", e);
                append(intent.as(JournalPhase.FAILED, "Lock not released: " + e.getMessage(), "", Map.of()),
                        CONSOLE);
            }
        }
        log(JournalPhase.END, CutoverJournal.END, CONSOLE, "Cutover " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + ": " + summary, Map.of(CutoverJournal.OUTCOME, outcome.name(), CutoverJournal.STEP,
                        String.valueOf(step)));
        finished = outcome;
        paused = false;
        dueAt = null;
    }

    private void pauseForProblem(Problem p) {
        problem = p;
        paused = true;
        pausedBecause = p.title() + ": " + p.message();
        log(JournalPhase.NOTE, CutoverJournal.PAUSE, CONSOLE, "Paused on an error: " + p.title() + ": " + p.message(),
                Map.of(CutoverJournal.REASON, p.message(), CutoverJournal.STEP, String.valueOf(step)));
    }

    private EnvironmentSession routeSession() {
        return ports.sessions().session(plan.route().environmentId());
    }

    /** Route 53 answers within a minute: poll at 2, 4, 8, 16 s, then every 30 s. */
    private static Duration backoff(int attempt) {
        long seconds = 2L << Math.min(attempt, 4);
        return Duration.ofSeconds(Math.min(seconds, MAX_POLL.toSeconds()));
    }

    private String what() {
        return rollingBack ? "the rollback" : "step " + step + " of " + plan.stepCount();
    }

    private String purpose() {
        return rollingBack ? CutoverJournal.FOR_ROLLBACK : CutoverJournal.FOR_STEP;
    }

    private String describeNext() {
        return new CutoverCheckpoint(stage, step, requested, confirmed, changeId, stage == Stage.BAKE ? bakeUntil
                : null, rollingBack).describe(plan);
    }

    private static String decisive(GateDecision d) {
        List<GateEvidence> worst = d.decisive();
        return worst.isEmpty() || d.verdict() == GateVerdict.PASS ? "" : " (" + worst.stream()
                .map(GateEvidence::reason).collect(Collectors.joining("; ")) + ")";
    }

    private Instant now() {
        return ports.clock().instant();
    }

    private JournalRecord line(JournalPhase phase, String event, String by, String summary, Map<String, String> f) {
        Map<String, String> facts = new HashMap<>(f);
        facts.put(CutoverJournal.BY, by);
        return journal.line(phase, event, summary, facts);
    }

    private JournalRecord line(JournalPhase phase, String event, String summary, Map<String, String> f) {
        return line(phase, event, CONSOLE, summary, f);
    }

    /** Journals the INTENT line before the AWS call it announces, and returns it for the outcome's line. */
    private JournalRecord intent(String event, String by, String summary, Map<String, String> facts) {
        JournalRecord record = line(JournalPhase.INTENT, event, by, summary, facts);
        append(record, by);
        return record;
    }

    private JournalRecord intent(String event, String summary, Map<String, String> facts) {
        return intent(event, CONSOLE, summary, facts);
    }

    private void log(JournalPhase phase, String event, String by, String summary, Map<String, String> facts) {
        append(line(phase, event, by, summary, facts), by);
    }

    private void append(JournalRecord record, String by) {
        JournalEntry entry = journal.append(record);
        events.add(CutoverReconciler.event(entry));
    }

    private void publish() {
        CutoverPhase phase;
        if (finished != null) {
            phase = finished;
        } else if (paused) {
            phase = CutoverPhase.PAUSED;
        } else if (rollingBack) {
            phase = CutoverPhase.ROLLING_BACK;
        } else {
            phase = switch (stage) {
                case LOCK -> CutoverPhase.STARTING;
                case WRITE, ADVANCE -> CutoverPhase.WRITING;
                case CONFIRM -> CutoverPhase.CONFIRMING;
                case BAKE -> CutoverPhase.BAKING;
                case JUDGE -> CutoverPhase.JUDGING;
            };
        }
        state = new CutoverState(plan, phase, step, requested, confirmed, finished == null && !paused ? dueAt : null,
                paused ? pausedBecause : "", finished == null ? describeNext() : "", Optional.ofNullable(held),
                Optional.ofNullable(heldByOther), Optional.ofNullable(lastDecision), Optional.ofNullable(problem),
                events, history);
        listeners.forEach(l -> l.accept(state));
    }
}
