package io.harbormaster.model.alarms;

/** CloudWatch's three alarm states. */
public enum AlarmState {
    OK, ALARM, INSUFFICIENT_DATA;

    /** CloudWatch's text ("OK", "ALARM", "INSUFFICIENT_DATA"); anything unknown reads as INSUFFICIENT_DATA. */
    public static AlarmState parse(String text) {
        for (AlarmState s : values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return INSUFFICIENT_DATA;
    }
}
