package io.harbormaster.model.cutover;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.WriteJournal;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the Cutovers page works through: finding weighted routes, resolving and checking the sides, starting
 * cutovers, reconciling the ones a crash left open, and driving every running one. Every method but
 * {@link #runners()} may block on AWS: call them through the task executor, never on the FX thread (the runners'
 * controls too — they wait for a tick in progress).
 *
 * <p>The driver ticks each runner every {@code tickEvery} of real time; a runner acts only when its own clock
 * (the wall clock, or a sandbox's faster one) says something is due, so the same driver serves both.
 */
public final class CutoverService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CutoverService.class.getName());

    /**
     * The ports and the clock.
     *
     * @param fleet the fleet loader for the capacity check; may be null (the check then says it could not count)
     */
    public record Ports(FindWeightedTargets find, ShiftWeights shift, CutoverLock lock, GateMetrics metrics,
                        ResolveSides sides, SideHealth health, LoadFleet fleet, CutoverSessions sessions,
                        WriteJournal journal, Clock clock) {
        public Ports {
            Objects.requireNonNull(find, "find");
            Objects.requireNonNull(shift, "shift");
            Objects.requireNonNull(lock, "lock");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(sides, "sides");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(clock, "clock");
        }

        CutoverPorts runnerPorts() {
            return new CutoverPorts(shift, metrics, lock, sessions, journal, clock);
        }
    }

    private final Ports ports;
    private final String actor;
    private final Supplier<String> machine;
    private final List<CutoverRunner> runners = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> driver;

    /**
     * @param actor   the operator's ops identity, written in the journal and the lock
     * @param machine this console's host name, written in the lock
     * @param ticker  runs the ticks (one thread is enough: ticks are short unless AWS is slow)
     */
    public CutoverService(Ports ports, String actor, String machine, ScheduledExecutorService ticker,
            Duration tickEvery) {
        this(ports, actor, () -> machine, ticker, tickEvery);
    }

    /**
     * @param machine this console's host name, asked for when a cutover starts or is restored: finding it may wait
     *                for the network (a name lookup), so it is looked up on another thread and not where this is made
     */
    public CutoverService(Ports ports, String actor, Supplier<String> machine, ScheduledExecutorService ticker,
            Duration tickEvery) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.machine = () -> Objects.requireNonNullElse(machine.get(), "");
        this.driver = ticker.scheduleWithFixedDelay(this::tickAll, tickEvery.toMillis(), tickEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * The runners' time: the wall clock, or a sandbox's (moved by {@code --speed} or by hand). What a preview says
     * about when steps finish must be read from this clock, or it disagrees with what the runner then does.
     */
    public Clock clock() {
        return ports.clock();
    }

    /** Every weighted route of an environment with its split now. */
    public List<WeightedRoute> find(String environmentId) {
        return ports.find().find(ports.sessions().session(environmentId));
    }

    /**
     * The session the cutover uses for an environment (entering it if needed): the Cutovers page asks the write
     * guard about the route's own environment with it, not about the one the window is in.
     */
    public EnvironmentSession session(String environmentId) {
        return ports.sessions().session(environmentId);
    }

    /** Who holds a route's lock, if anyone: "in progress, by whom" on the list. */
    public Optional<LockHolder> lockHolder(WeightedRoute route) {
        return ports.lock().holder(ports.sessions().session(route.environmentId()), route);
    }

    /** Who holds each of an environment's routes' locks, in the routes' order, read together where they can be. */
    public List<Optional<LockHolder>> lockHolders(String environmentId, List<? extends WeightedRoute> routes) {
        return ports.lock().holders(ports.sessions().session(environmentId), routes);
    }

    /** Where each side of a route lives, looking among the given environments (and the route's own). */
    public List<CutoverSide> resolve(WeightedRoute route, List<String> environmentIds) {
        List<EnvironmentSession> candidates = new ArrayList<>();
        List<String> ids = new ArrayList<>(environmentIds);
        if (!ids.contains(route.environmentId())) {
            ids.add(0, route.environmentId());
        }
        for (String id : ids) {
            try {
                candidates.add(ports.sessions().session(id));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "environment " + id + " not entered for resolving sides: "
                        + e.getMessage());
            }
        }
        return ports.sides().resolve(route, candidates);
    }

    /** The pre-flight checks of a plan, reading health, the fleets and an hour of requests. */
    public List<PreflightCheck> preflight(CutoverPlan plan) {
        CutoverSide from = plan.side(plan.fromId());
        CutoverSide to = plan.side(plan.toId());
        Instant now = ports.clock().instant();
        SideHealth.Counts health = to.resolved() ? ports.health().health(session(to), to)
                : new SideHealth.Counts(0, 0, 0);
        List<MetricPoint> sourceRate = from.resolved() ? requests(from, Duration.ofMinutes(5), now) : List.of();
        List<MetricPoint> targetHour = to.resolved() ? requests(to, Duration.ofHours(1), now) : List.of();
        return CutoverPreflight.check(plan, new CutoverPreflight.Inputs(health, fleet(from), fleet(to), sourceRate,
                targetHour));
    }

    private EnvironmentSession session(CutoverSide side) {
        return ports.sessions().session(side.environmentId());
    }

    private List<MetricPoint> requests(CutoverSide side, Duration back, Instant now) {
        return ports.metrics().read(session(side), side, List.of(), new TimeWindow(now.minus(back), now))
                .of(GateReadings.Series.REQUESTS);
    }

    private FleetSnapshot fleet(CutoverSide side) {
        if (ports.fleet() == null || !side.resolved()) {
            return null;
        }
        try {
            return ports.fleet().load(session(side), io.harbormaster.model.fleet.FleetLoadListener.NONE);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "fleet of " + side.environmentId() + " not loaded: " + e.getMessage());
            return null;
        }
    }

    /**
     * What the gates read, for both sides of a plan over a window, each side with its own environment's session: the
     * live view's charts. A side whose load balancer was not found reads as nothing. Blocking.
     */
    public Map<String, GateReadings> readSides(CutoverPlan plan, TimeWindow window) {
        Map<String, GateReadings> out = new LinkedHashMap<>();
        for (String id : List.of(plan.fromId(), plan.toId())) {
            CutoverSide side = plan.sides().stream().filter(s -> s.targetId().equals(id)).findFirst().orElse(null);
            out.put(id, side == null || !side.resolved() ? new GateReadings(Map.of(), Map.of())
                    : ports.metrics().read(session(side), side, plan.gates().alarmNames(), window));
        }
        return out;
    }

    /**
     * The hosts that serve a side (its services' running tasks' hosts) as a fleet of their own, with the side's
     * environment's session: its noise map. Empty when the side was not resolved or its fleet could not be loaded.
     */
    public Optional<SideHosts> sideHosts(CutoverSide side) {
        FleetSnapshot fleet = fleet(side);
        return fleet == null ? Optional.empty() : Optional.of(new SideHosts(session(side), SideFleet.of(fleet, side)));
    }

    /** A side's hosts as a fleet, and the session its metrics are read with. */
    public record SideHosts(EnvironmentSession session, FleetSnapshot fleet) {
    }

    /** Starts a cutover: journals it, then the driver takes the lock and writes step 1. */
    public CutoverRunner start(CutoverPlan plan) {
        CutoverRunner runner = CutoverRunner.start(plan, ports.runnerPorts(), actor, machine.get());
        runners.add(runner);
        return runner;
    }

    /** The open cutovers of the journal (no END line), each compared with its live weights. */
    public List<Reconciliation> reconcileOpen() {
        List<Reconciliation> out = new ArrayList<>();
        for (List<JournalEntry> lines : ports.journal().openOperations(CutoverJournal.KIND)) {
            String id = lines.get(0).record().operationId();
            if (runners.stream().anyMatch(r -> r.plan().cutoverId().equals(id))) {
                continue;
            }
            CutoverPlan plan = CutoverReconciler.plan(lines);
            Weights live = ports.shift().live(ports.sessions().session(plan.route().environmentId()), plan.route());
            out.add(CutoverReconciler.reconcile(lines, live));
        }
        return out;
    }

    /** A cutover a crash left open, back under the driver, paused at its checkpoint for the operator. */
    public CutoverRunner restore(Reconciliation reconciliation) {
        CutoverRunner runner = CutoverRunner.restore(reconciliation, ports.runnerPorts(), actor, machine.get());
        runners.add(runner);
        return runner;
    }

    /** Every cutover started or restored in this run, finished ones included. */
    public List<CutoverRunner> runners() {
        return List.copyOf(runners);
    }

    private void tickAll() {
        for (CutoverRunner r : runners) {
            if (r.finished()) {
                continue;
            }
            try {
                r.tick();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cutover " + r.plan().cutoverId() + " tick failed", e);
            }
        }
    }

    @Override
    public void close() {
        driver.cancel(false);
    }
}
