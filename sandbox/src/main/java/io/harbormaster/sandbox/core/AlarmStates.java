package io.harbormaster.sandbox.core;

/**
 * The state of CloudWatch alarms as a service that watches them reads it (ECS reads the alarms named in a
 * deployment configuration, as it polls DescribeAlarms). Lets ECS watch alarms without depending on CloudWatch;
 * CloudWatch registers its implementation as a world component. Called under the world lock.
 */
public interface AlarmStates {

    /** OK, ALARM or INSUFFICIENT_DATA; null when the account has no alarm of that name in the region. */
    String state(String account, String region, String alarmName);

    /** How much data the alarm evaluates (period × evaluation periods); zero when there is no such alarm. */
    java.time.Duration evaluationWindow(String account, String region, String alarmName);
}
