package io.harbormaster.views.deploys.live;

import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeploymentProgress;
import io.harbormaster.model.deploy.FollowedDeploys;
import io.harbormaster.model.deploy.OpenDeploy;
import io.harbormaster.model.deploy.ServiceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deploys the Deploys page lists: those {@link FollowedDeploys} follows now (including those taken up again
 * after a restart), and those it followed before in this run, each with its latest look. Reads memory and the local
 * journal only (no AWS call); blocking on the journal, so call it in the background.
 */
public final class DeploysTracker {

    private final FollowedDeploys followed;
    private final DeployService deploys;
    private final Map<String, DeployRow> known = new LinkedHashMap<>();

    public DeploysTracker(FollowedDeploys followed, DeployService deploys) {
        this.followed = followed;
        this.deploys = deploys;
    }

    /** The deploys to list, newest first. */
    public synchronized List<DeployRow> rows() {
        List<String> following = followed.following();
        Map<String, OpenDeploy> open = new LinkedHashMap<>();
        for (OpenDeploy o : deploys.openDeploys()) {
            open.put(o.operationId(), o);
        }
        for (OpenDeploy o : open.values()) {
            if (!known.containsKey(o.operationId())) {
                known.put(o.operationId(), new DeployRow(o.operationId(), o.environmentId(), o.service(), o.taskDefinitionArn(),
                        o.startedAt(), o.actor(), null, following.contains(o.operationId())));
            }
        }
        List<DeployRow> rows = new ArrayList<>();
        for (DeployRow row : List.copyOf(known.values())) {
            Optional<DeploymentProgress> latest = followed.latest(row.operationId());
            DeployRow now = new DeployRow(row.operationId(), row.environmentId(), row.service(),
                    row.taskDefinitionArn(), row.startedAt(),
                    row.startedBy(), latest.orElse(row.progress()), following.contains(row.operationId()));
            known.put(row.operationId(), now);
            rows.add(now);
        }
        rows.sort(Comparator.comparing((DeployRow r) -> r.startedAt() == null ? Instant.MIN : r.startedAt())
                .reversed());
        return rows;
    }

    /** A deploy just started from this console, listed at once. */
    public synchronized void started(String operationId, String environmentId, ServiceRef service,
                                     String taskDefinitionArn, Instant at, String by) {
        known.putIfAbsent(operationId, new DeployRow(operationId, environmentId, service, taskDefinitionArn, at, by,
                null, true));
    }
}
