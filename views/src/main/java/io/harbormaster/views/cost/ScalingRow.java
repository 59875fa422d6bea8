package io.harbormaster.views.cost;

import io.harbormaster.model.cost.scaling.ServiceScaling;
import java.util.List;
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
     * Each policy's alarms in short, one policy a line as {@link #policies()} lists them: "high ALARM, low OK" (a
     * target tracking policy's own two alarms by their role), an operator's alarm by its name; a policy no alarm
     * invokes says so, since it can never act.
     */
    public String alarmStates() {
        return scaling.policies().stream().map(p -> (p.alarms().isEmpty() ? "no alarm invokes it"
                : p.alarms().stream().map(a -> role(a.name()) + " " + state(a)).collect(Collectors.joining(", "))))
                .collect(Collectors.joining("\n"));
    }

    /** Every alarm that invokes its policies, by its full name, with its state: "Alarm TargetTracking-…: OK". */
    public List<String> alarms() {
        return scaling.policies().stream().flatMap(p -> p.alarms().stream())
                .map(a -> "Alarm " + a.name() + ": " + state(a)).toList();
    }

    private static String role(String alarmName) {
        return alarmName.contains("-AlarmHigh-") ? "high" : alarmName.contains("-AlarmLow-") ? "low" : alarmName;
    }

    private static String state(ServiceScaling.PolicyAlarm a) {
        return a.state().isEmpty() ? "state unknown" : a.state();
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
