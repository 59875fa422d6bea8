package io.harbormaster.model.metrics;

import io.harbormaster.model.fleet.Deployment;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deploys on the time axis, from what DescribeServices already says: each deployment's creation (and failure), and
 * the events "has started N tasks" and "has reached a steady state". ECS repeats the steady-state event every few
 * hours while nothing happens, so only the first one after a deploy or task start is a marker.
 */
public final class DeployMarkers {

    private static final Pattern STARTED = Pattern.compile("has started (\\d+) tasks?");

    private DeployMarkers() {
    }

    /** Markers inside the window, oldest first. */
    public static List<DeployMarker> of(Service service, TimeWindow window) {
        List<DeployMarker> all = new ArrayList<>();
        for (Deployment d : service.deployments()) {
            String revision = revisionLabel(d);
            if (d.createdAt() != null) {
                all.add(new DeployMarker(d.createdAt(), DeployMarker.Kind.DEPLOYMENT_STARTED, "Deploy " + revision));
            }
            if (d.failed() && d.updatedAt() != null) {
                all.add(new DeployMarker(d.updatedAt(), DeployMarker.Kind.DEPLOYMENT_FAILED, "Deploy " + revision
                        + " failed" + (d.rolloutStateReason().isEmpty() ? "" : ": " + d.rolloutStateReason())));
            }
        }
        for (ServiceEvent e : service.events()) {
            Matcher m = STARTED.matcher(e.message().toLowerCase(Locale.ROOT));
            if (m.find()) {
                all.add(new DeployMarker(e.createdAt(), DeployMarker.Kind.TASKS_STARTED,
                        "Started " + m.group(1) + (m.group(1).equals("1") ? " task" : " tasks")));
            } else if (e.steadyState()) {
                all.add(new DeployMarker(e.createdAt(), DeployMarker.Kind.STEADY_STATE, "Steady state"));
            }
        }
        all.sort(Comparator.comparing(DeployMarker::at).thenComparing(DeployMarker::kind));
        List<DeployMarker> out = new ArrayList<>();
        boolean settled = true;
        for (DeployMarker m : all) {
            if (m.kind() == DeployMarker.Kind.STEADY_STATE) {
                if (settled) {
                    continue;
                }
                settled = true;
            } else {
                settled = false;
            }
            if (window.contains(m.at())) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    private static String revisionLabel(Deployment d) {
        String arn = d.taskDefinitionArn();
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? (arn.isEmpty() ? d.id() : arn) : arn.substring(slash + 1);
    }
}
