package io.harbormaster.model.logs;

import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which lines of a log group are a service's own. Two services may share a task family and so its group and stream
 * prefix (blue/green pairs: api-blue and api-green both log to {@code /ecs/api} under {@code ecs/api/}); each line's
 * stream names its task ({@code <prefix>/<container>/<task id>}), so a line whose task the fleet refresh knows as
 * another's is left out. A task the refresh does not know (stopped since, or started after it) is kept: a stopped
 * task's last lines are what an operator came for.
 */
public final class ServiceLines {

    private final Set<String> own = new HashSet<>();
    private final Set<String> others = new HashSet<>();

    private ServiceLines() {
    }

    /** Every line kept: no fleet, or no service. */
    public static final ServiceLines ALL = new ServiceLines();

    public static ServiceLines of(FleetSnapshot snapshot, String serviceArn) {
        if (snapshot == null || serviceArn == null) {
            return ALL;
        }
        ServiceLines lines = new ServiceLines();
        snapshot.tasksOf(serviceArn).forEach(t -> lines.own.add(idOf(t)));
        snapshot.service(serviceArn).ifPresent(s -> snapshot.tasksIn(s.clusterArn()).forEach(t -> {
            String id = idOf(t);
            if (!lines.own.contains(id)) {
                lines.others.add(id);
            }
        }));
        return lines;
    }

    /** The lines that are not known to be another task's, in the order given. */
    public List<LogEvent> keep(List<LogEvent> events) {
        if (others.isEmpty()) {
            return events;
        }
        return events.stream().filter(e -> e.taskId().map(id -> !others.contains(id)).orElse(true)).toList();
    }

    private static String idOf(Task t) {
        return t.arn().substring(t.arn().lastIndexOf('/') + 1);
    }
}
