package io.harbormaster.aws.session;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients that share one HTTP connection pool. Every client uses the adaptive retry strategy, so
 * throttling is absorbed by backing off rather than surfacing as failures.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final SdkHttpClient http;
    private final Map<Key, SdkClient> cached = new ConcurrentHashMap<>();

    private record Key(ClientContext context, Class<?> type) {
    }

    public AwsClientFactory() {
        this.http = ApacheHttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    public StsClient sts(AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {
        return configure(StsClient.builder(), credentials, region, endpoint).build();
    }

    /** A shared client for the context; callers must not close it. */
    public EcsClient ecs(ClientContext context) {
        return (EcsClient) cached.computeIfAbsent(new Key(context, EcsClient.class), k ->
                configure(EcsClient.builder(), context.credentials(), context.region(), context.endpoint()).build());
    }

    /** A shared ELBv2 client for the context; callers must not close it. */
    public ElasticLoadBalancingV2Client elbv2(ClientContext context) {
        return (ElasticLoadBalancingV2Client) cached.computeIfAbsent(new Key(context,
                ElasticLoadBalancingV2Client.class), k -> configure(ElasticLoadBalancingV2Client.builder(),
                context.credentials(), context.region(), context.endpoint()).build());
    }

    /** A shared CloudWatch client for the context; callers must not close it. */
    public CloudWatchClient cloudWatch(ClientContext context) {
        return (CloudWatchClient) cached.computeIfAbsent(new Key(context, CloudWatchClient.class), k ->
                configure(CloudWatchClient.builder(), context.credentials(), context.region(), context.endpoint())
                        .build());
    }

    /** A shared CloudWatch Logs client for the context; callers must not close it. */
    public CloudWatchLogsClient logs(ClientContext context) {
        return (CloudWatchLogsClient) cached.computeIfAbsent(new Key(context, CloudWatchLogsClient.class), k ->
                configure(CloudWatchLogsClient.builder(), context.credentials(), context.region(),
                        context.endpoint()).build());
    }

    /** Closes and forgets the clients of a context that is no longer used (its environment was re-entered). */
    public void release(ClientContext context) {
        cached.entrySet().removeIf(e -> {
            if (e.getKey().context().equals(context)) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {
        builder.httpClient(http)
                .credentialsProvider(credentials)
                .region(Region.of(region))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.ADAPTIVE_V2)
                        .apiCallTimeout(Duration.ofSeconds(60)));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        cached.values().forEach(SdkClient::close);
        cached.clear();
        http.close();
    }
}
