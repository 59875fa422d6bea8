package io.harbormaster.model.alarms;

import io.harbormaster.model.environment.EnvironmentSession;
import java.time.Instant;
import java.util.List;

/** Port: the environment's CloudWatch alarms and what happened to one of them. Blocking. */
public interface ListAlarms {

    /** Every metric alarm in the session's region, all pages, sorted by name. */
    List<Alarm> alarms(EnvironmentSession session);

    /** One alarm's history since {@code since}, newest first. */
    List<AlarmHistoryItem> history(EnvironmentSession session, String alarmName, Instant since);
}
