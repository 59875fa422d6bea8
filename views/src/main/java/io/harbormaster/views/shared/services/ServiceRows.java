package io.harbormaster.views.shared.services;

import io.harbormaster.model.fleet.ContainerDefinition;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.ListedService;
import io.harbormaster.model.fleet.Service;
import io.harbormaster.model.fleet.ServiceAttention;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.views.fleet.EnvironmentTag;
import io.harbormaster.views.fleet.FleetData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a snapshot's services into table rows, problems first. Pure; runs off the UI thread. */
public final class ServiceRows {

    /**
     * Most urgent first, then by environment, cluster and name, so the order holds still between refreshes; rows
     * not yet described last (their urgency is unknown).
     */
    public static final Comparator<ServiceRow> PROBLEMS_FIRST = Comparator
            .comparing((ServiceRow r) -> !r.described())
            .thenComparing(ServiceRow::attention)
            .thenComparing(r -> r.environment().name())
            .thenComparing(ServiceRow::cluster)
            .thenComparing(ServiceRow::name)
            .thenComparing(ServiceRow::arn);

    private ServiceRows() {
    }

    public static List<ServiceRow> of(FleetSnapshot snapshot, EnvironmentTag environment) {
        List<ServiceRow> rows = new ArrayList<>(snapshot.services().size());
        for (Service s : snapshot.services()) {
            rows.add(row(snapshot, environment, s));
        }
        rows.sort(PROBLEMS_FIRST);
        return rows;
    }

    /**
     * Every service a fleet shows, a running load's included: described ones (those from before it marked
     * {@link ServiceRow.Freshness#EARLIER}) problems first, then those still being described, by cluster and name.
     */
    public static List<ServiceRow> of(FleetData data, EnvironmentTag environment) {
        FleetSnapshot snapshot = data.snapshot();
        List<ServiceRow> rows = new ArrayList<>(snapshot.services().size() + data.describing().size());
        for (Service s : snapshot.services()) {
            ServiceRow row = row(snapshot, environment, s);
            rows.add(data.earlier().contains(s.arn()) ? row.withFreshness(ServiceRow.Freshness.EARLIER) : row);
        }
        for (ListedService listed : data.describing()) {
            rows.add(ServiceRow.describing(environment, listed.arn(), listed.name(), listed.clusterName()));
        }
        rows.sort(PROBLEMS_FIRST);
        return rows;
    }

    static ServiceRow row(FleetSnapshot snapshot, EnvironmentTag environment, Service s) {
        ServiceAttention attention = ServiceAttention.of(s);
        Set<String> tags = new LinkedHashSet<>();
        for (String tdArn : s.taskDefinitionArns()) {
            TaskDefinition td = snapshot.taskDefinitions().get(tdArn);
            if (td != null) {
                for (ContainerDefinition c : td.containers()) {
                    tags.add(c.imageTag());
                }
            }
        }
        String images = String.join(", ", tags);
        String family = io.harbormaster.model.fleet.Arns.family(s.taskDefinitionArn());
        return new ServiceRow(environment, s.arn(), s.name(), s.clusterName(), s.status(), s.desiredCount(),
                s.runningCount(), s.pendingCount(), s.deploymentsInProgress(), s.taskDefinitionRevision(), family,
                images, s.lastEventAt().orElse(null), attention.level(), attention.reason(),
                ServiceRow.searchTextOf(s.name(), s.clusterName(), family, images, environment.name(),
                        attention.reason()));
    }
}
