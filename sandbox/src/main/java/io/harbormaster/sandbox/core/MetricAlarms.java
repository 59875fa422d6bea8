package io.harbormaster.sandbox.core;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metric alarms as another service uses them: Application Auto Scaling creates and deletes the alarms of
 * its target tracking policies, and is the target of alarm actions naming its policies. Lets a service do so without
 * depending on CloudWatch; CloudWatch registers its implementation as a world component. Called under the world lock.
 */
public interface MetricAlarms {

    /**
     * A metric alarm as PutMetricAlarm would create it (one statistic of one metric; no unit; missing data missing).
     *
     * @param comparison one of CloudWatch's four comparison operators, e.g. GreaterThanThreshold
     */
    record Definition(String name, String description, String namespace, String metricName,
            Map<String, String> dimensions, String statistic, int period, int evaluationPeriods, double threshold,
            String comparison, List<String> alarmActions) {

        public Definition {
            dimensions = Map.copyOf(dimensions);
            alarmActions = List.copyOf(alarmActions);
        }
    }

    /** An alarm as the service it names in an action sees it. */
    record AlarmRef(String name, String arn, String state) {
    }

    /**
     * An alarm invoking one of its actions: the alarm in the state whose actions run, and the datapoints its last
     * evaluation looked at, newest first (empty when none were present, e.g. a state set by SetAlarmState with no
     * data).
     */
    record Invocation(String account, String region, String actionArn, String alarmName, String state,
            double threshold, String comparison, List<Double> datapoints, Instant at) {

        public Invocation {
            datapoints = List.copyOf(datapoints);
        }
    }

    /** Runs the alarm actions a service owns (an ARN prefix such as {@code arn:aws:autoscaling:}). */
    @FunctionalInterface
    interface ActionTarget {
        void invoke(Invocation invocation);
    }

    /** Creates the alarm, or updates it (keeping its state) when one of that name exists. */
    void put(String account, String region, Definition alarm);

    /** Deletes the named alarms that exist; names that do not are ignored. */
    void delete(String account, String region, Collection<String> names);

    /** The account's alarms in the region that name {@code actionArn} among their actions, by name. */
    List<AlarmRef> alarmsWithAction(String account, String region, String actionArn);

    /** The named alarm as it is now; null when there is none. */
    AlarmRef alarm(String account, String region, String name);

    /**
     * Routes actions whose ARN starts with {@code arnPrefix} to {@code target}. As CloudWatch does for Auto Scaling
     * actions, they run on every evaluation while the alarm stays in the state, not only on the transition.
     */
    void onActions(String arnPrefix, ActionTarget target);
}
