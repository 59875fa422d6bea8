package io.harbormaster.views.cost;

import io.harbormaster.model.cost.scaling.ServiceScaling;
import java.util.stream.Collectors;

/**
 * One service scaled by Service Auto Scaling, as the Scaling tab lists it.
 *
 * @param atMaximum its desired count is at the target's maximum: scaling out can add nothing more
 */
public record ScalingRow(String cluster, String service, int desired, ServiceScaling scaling, boolean atMaximum) {

    /** "cpu40-target-tracking: keeps … at 40; …" for each policy, one a line. */
    public String policies() {
        return scaling.policies().stream().map(p -> p.name() + ": " + p.summary())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The CloudWatch alarms that invoke its policies and their states, one a line ("TargetTracking-…-AlarmHigh-…:
     * ALARM"); a policy no alarm invokes says so, since it can never act.
     */
    public String alarms() {
        return scaling.policies().stream().map(p -> p.alarms().isEmpty() ? p.name() + ": no alarm invokes it"
                : p.alarms().stream().map(a -> a.name() + ": " + (a.state().isEmpty() ? "state unknown" : a.state()))
                        .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n"));
    }

    /** Whether an alarm of its policies is in ALARM, so a policy is being invoked every minute. */
    public boolean alarmFiring() {
        return scaling.policies().stream().flatMap(p -> p.alarms().stream())
                .anyMatch(ServiceScaling.PolicyAlarm::firing);
    }

    /** "at its maximum" when scaling out can add nothing more; "" otherwise. */
    public String maximum() {
        return atMaximum ? "at its maximum" : "";
    }

    /** The newest activity, as "2026-12-06T06:12:00Z Setting desired count to 8. (Successful)"; "" for none. */
    public String lastActivity() {
        return scaling.activities().isEmpty() ? "" : line(scaling.activities().get(0));
    }

    static String line(ServiceScaling.Activity a) {
        return a.start() + " " + a.description() + " (" + (a.notScaledReason() != null ? "not scaled: "
                + a.notScaledReason() : a.status()) + ")";
    }
}
