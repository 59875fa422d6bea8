package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.JsonService;
import io.harbormaster.sandbox.core.WholeMinutes;
import io.harbormaster.sandbox.core.World;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch's state across accounts and regions, registered as a world component. Alarms are evaluated on the
 * sandbox clock: while any alarm exists, an event on the world's timeline evaluates every alarm at each whole
 * minute, so a manual clock advance of ten minutes runs ten evaluations in order. Everything here runs under the
 * world lock.
 */
public final class CloudWatch {

    private final World world;
    final Metrics metrics;
    private final Map<String, CloudWatchRegion> regions = new TreeMap<>();
    private final WholeMinutes evaluations;

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

    private boolean tick() {
        Instant at = world.now();
        boolean any = false;
        for (CloudWatchRegion r : regions.values()) {
            for (Alarm a : r.alarms.values()) {
                any = true;
                evaluate(r, a, at);
            }
        }
        return any;
    }

    void evaluate(CloudWatchRegion r, Alarm a, Instant at) {
        Alarm.Evaluation e = a.evaluate(metrics, r, at);
        if (e == null || e.state().equals(a.state)) {
            return;
        }
        transition(r, a, e.state(), e.reason(), e.reasonData().toString(), at);
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
