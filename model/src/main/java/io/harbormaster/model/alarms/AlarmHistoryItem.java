package io.harbormaster.model.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an alarm's history.
 *
 * @param type    StateUpdate, ConfigurationUpdate or Action
 * @param summary CloudWatch's one line ("Alarm updated from OK to ALARM")
 * @param data    CloudWatch's JSON detail; may be blank
 */
public record AlarmHistoryItem(String alarmName, Instant timestamp, String type, String summary, String data) {

    public AlarmHistoryItem {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(timestamp, "timestamp");
        type = type == null ? "" : type;
        summary = summary == null ? "" : summary;
        data = data == null ? "" : data;
    }
}
