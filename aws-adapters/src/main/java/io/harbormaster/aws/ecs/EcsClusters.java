package io.harbormaster.aws.ecs;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.aws.session.Renewal;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.Cluster;
import io.harbormaster.model.fleet.ListClusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;

/** ListClusters (all pages) then DescribeClusters in batches of AWS's limit of 100. */
public final class EcsClusters implements ListClusters {

    static final int DESCRIBE_CLUSTERS_LIMIT = 100;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public EcsClusters(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = sessions;
        this.clients = clients;
    }

    @Override
    public List<Cluster> listClusters(EnvironmentSession session) {
        String doing = "listing clusters in " + session.environment().displayName() + " (" + session.region() + ")";
        ClientContext context = sessions.context(session);
        EcsClient ecs = clients.ecs(context);
        try {
            return Renewal.call(context, () -> load(ecs));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
    }

    private static List<Cluster> load(EcsClient ecs) {
        {
            List<String> arns = new ArrayList<>();
            ecs.listClustersPaginator(r -> r.maxResults(100)).clusterArns().forEach(arns::add);
            List<Cluster> clusters = new ArrayList<>(arns.size());
            for (int from = 0; from < arns.size(); from += DESCRIBE_CLUSTERS_LIMIT) {
                List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_CLUSTERS_LIMIT));
                DescribeClustersResponse described = ecs.describeClusters(r -> r.clusters(batch));
                described.clusters().forEach(c -> clusters.add(new Cluster(c.clusterArn(), c.clusterName(),
                        c.status(), orZero(c.registeredContainerInstancesCount()), orZero(c.activeServicesCount()),
                        orZero(c.runningTasksCount()), orZero(c.pendingTasksCount()))));
            }
            clusters.sort(Comparator.comparing(Cluster::name));
            return List.copyOf(clusters);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
