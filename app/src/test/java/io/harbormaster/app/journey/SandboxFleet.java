package io.harbormaster.app.journey;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What the sandbox has, asked independently of the console: plain SDK calls with the generated profiles' ops key,
 * through the environment's read-only role (which needs no MFA).
 */
final class SandboxFleet implements AutoCloseable {

    private final SdkHttpClient http = ApacheHttpClient.create();
    private final EcsClient ecs;

    SandboxFleet(Path home, String environment, String account) {
        Path dir = home.resolve("sandbox");
        ProfileFile profiles = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(dir.resolve("config")).type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .addFile(ProfileFile.builder().content(dir.resolve("credentials"))
                        .type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        URI endpoint = URI.create(profiles.profile("sandbox-" + environment).flatMap(p -> p.property("endpoint_url"))
                .orElseThrow());
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).httpClient(http).endpointOverride(endpoint)
                .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(profiles)
                        .profileName("sandbox-ops").build())
                .build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/readonly")
                    .roleSessionName("journey-check")).credentials();
            ecs = EcsClient.builder().region(Region.US_EAST_1).httpClient(http).endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                    .build();
        }
    }

    /** Every service, by name, with its cluster. */
    List<Service> services() {
        List<Service> all = new ArrayList<>();
        for (String cluster : ecs.listClustersPaginator(r -> r.maxResults(100)).clusterArns()) {
            List<String> arns = new ArrayList<>();
            ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100)).serviceArns().forEach(arns::add);
            for (int i = 0; i < arns.size(); i += 10) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
                all.addAll(ecs.describeServices(r -> r.cluster(cluster).services(batch)).services());
            }
        }
        return all;
    }

    /** "cluster/service" of every service, from ListServices alone (a few calls: cheap under throttling). */
    Set<String> serviceNames() {
        Set<String> names = new HashSet<>();
        for (String cluster : ecs.listClustersPaginator(r -> r.maxResults(100)).clusterArns()) {
            String clusterName = cluster.substring(cluster.lastIndexOf('/') + 1);
            ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100)).serviceArns()
                    .forEach(arn -> names.add(clusterName + "/" + arn.substring(arn.lastIndexOf('/') + 1)));
        }
        return names;
    }

    /** Container instances per cluster name. */
    Map<String, Integer> hostsPerCluster() {
        Map<String, Integer> hosts = new HashMap<>();
        for (String cluster : ecs.listClustersPaginator(r -> r.maxResults(100)).clusterArns()) {
            int n = 0;
            for (String ignored : ecs.listContainerInstancesPaginator(r -> r.cluster(cluster).maxResults(100))
                    .containerInstanceArns()) {
                n++;
            }
            hosts.put(cluster.substring(cluster.lastIndexOf('/') + 1), n);
        }
        return hosts;
    }

    /** The container instances the service's tasks run on. */
    Set<String> hostsOf(String cluster, String service) {
        List<String> tasks = new ArrayList<>();
        ecs.listTasksPaginator(r -> r.cluster(cluster).serviceName(service).maxResults(100)).taskArns()
                .forEach(tasks::add);
        Set<String> hosts = new HashSet<>();
        for (int i = 0; i < tasks.size(); i += 100) {
            List<String> batch = tasks.subList(i, Math.min(tasks.size(), i + 100));
            ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks()
                    .forEach(t -> hosts.add(t.containerInstanceArn()));
        }
        return hosts;
    }

    @Override
    public void close() {
        ecs.close();
        http.close();
    }
}
