package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.MetricAlarms;
import io.harbormaster.sandbox.core.WholeMinutes;
import io.harbormaster.sandbox.core.World;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * CloudWatch's state across accounts and regions, registered as a world component. Alarms are evaluated on the
 * sandbox clock: while any alarm exists, an event on the world's timeline evaluates every alarm at each whole
 * minute, so a manual clock advance of ten minutes runs ten evaluations in order. After each evaluation the alarm's
 * actions for its state that a service has claimed ({@link MetricAlarms#onActions}) run, as Auto Scaling actions do
 * on AWS: every minute the alarm stays in the state. Everything here runs under the world lock.
 */
public final class CloudWatch {

    private final World world;
    final Metrics metrics;
    private final Map<String, CloudWatchRegion> regions = new TreeMap<>();
    private final WholeMinutes evaluations;
    private final Map<String, MetricAlarms.ActionTarget> actionTargets = new LinkedHashMap<>();

    public CloudWatch(World world) {
        this.world = world;
        this.metrics = new Metrics(world);
        this.evaluations = new WholeMinutes(world, this::tick);
    }

    CloudWatchRegion region(String account, String region) {
        return regions.computeIfAbsent(account + "/" + region, k -> new CloudWatchRegion(account, region));
    }

    World world() {
        return world;
    }

    /** Makes sure alarms get evaluated at the next whole minute and every minute after, while any exist. */
    void scheduleEvaluations() {
        evaluations.schedule();
    }

    void onActions(String arnPrefix, MetricAlarms.ActionTarget target) {
        actionTargets.put(arnPrefix, target);
    }

    /**
     * Creates the alarm {@code name} or updates the one there (its state kept), configured by {@code configure}, and
     * writes the ConfigurationUpdate history item AWS writes.
     */
    void put(CloudWatchRegion region, String name, Consumer<Alarm> configure) {
        Instant now = world.now();
        Alarm existing = region.alarms.get(name);
        Alarm a = existing != null ? existing : new Alarm(name);
        configure.accept(a);
        a.configurationUpdated = now;
        if (existing == null) {
            a.stateUpdated = now;
            a.stateTransitioned = now;
            region.alarms.put(name, a);
        }
        ObjectNode data = JsonService.object().put("version", "1.0").put("type", existing == null ? "Create" : "Update");
        data.set(existing == null ? "createdAlarm" : "updatedAlarm", Wire.json(AlarmOps.alarm(region, a)));
        region.record(new CloudWatchRegion.HistoryItem(name, now, "ConfigurationUpdate",
                "Alarm \"" + name + "\" " + (existing == null ? "created" : "updated"), data.toString()));
        scheduleEvaluations();
    }

    /** Deletes an alarm, writing the ConfigurationUpdate history item AWS writes; false when there is none. */
    boolean delete(CloudWatchRegion region, String name) {
        Alarm a = region.alarms.remove(name);
        if (a == null) {
            return false;
        }
        ObjectNode data = JsonService.object().put("version", "1.0").put("type", "Delete");
        data.set("deletedAlarm", Wire.json(AlarmOps.alarm(region, a)));
        region.record(new CloudWatchRegion.HistoryItem(name, world.now(), "ConfigurationUpdate",
                "Alarm \"" + name + "\" deleted", data.toString()));
        return true;
    }

    private boolean tick() {
        Instant at = world.now();
        boolean any = false;
        for (CloudWatchRegion r : regions.values()) {
            // An action may scale a service whose listeners touch alarms: iterate over a copy.
            for (Alarm a : List.copyOf(r.alarms.values())) {
                any = true;
                evaluate(r, a, at);
            }
        }
        return any;
    }

    void evaluate(CloudWatchRegion r, Alarm a, Instant at) {
        Alarm.Evaluation e = a.evaluate(metrics, r, at);
        if (e != null && !e.state().equals(a.state)) {
            transition(r, a, e.state(), e.reason(), e.reasonData().toString(), at);
        }
        act(r, a, e == null ? List.of() : e.datapoints(), at);
    }

    /** Runs the claimed actions of the alarm's state now, with the datapoints of an evaluation made now. */
    void act(CloudWatchRegion r, Alarm a, Instant at) {
        Alarm.Evaluation e = a.evaluate(metrics, r, at);
        act(r, a, e == null ? List.of() : e.datapoints(), at);
    }

    private void act(CloudWatchRegion r, Alarm a, List<Double> datapoints, Instant at) {
        if (!a.actionsEnabled || actionTargets.isEmpty()) {
            return;
        }
        for (String action : a.actionsNow()) {
            actionTargets.forEach((prefix, target) -> {
                if (action.startsWith(prefix)) {
                    target.invoke(new MetricAlarms.Invocation(r.account, r.region, action, a.name, a.state,
                            a.threshold, a.comparison, datapoints, at));
                }
            });
        }
    }

    /** Moves an alarm to a state and writes the StateUpdate history item AWS writes. */
    void transition(CloudWatchRegion r, Alarm a, String state, String reason, String reasonData, Instant at) {
        ObjectNode data = JsonService.object().put("version", "1.0");
        data.putObject("oldState").put("stateValue", a.state).put("stateReason", a.stateReason);
        ObjectNode next = data.putObject("newState").put("stateValue", state).put("stateReason", reason);
        if (reasonData != null) {
            try {
                next.set("stateReasonData", JsonService.MAPPER.readTree(reasonData));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                next.put("stateReasonData", reasonData);
            }
        }
        String old = a.state;
        a.state = state;
        a.stateReason = reason;
        a.stateReasonData = reasonData;
        a.stateUpdated = at;
        a.stateTransitioned = at;
        r.record(new CloudWatchRegion.HistoryItem(a.name, at, "StateUpdate",
                "Alarm updated from " + old + " to " + state, data.toString()));
    }
}
