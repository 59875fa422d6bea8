package io.harbormaster.sandbox;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;

/** ELBv2 and Route 53 SDK clients pointed at a sandbox, retries off so tests see every error as sent. */
final class NetClients implements AutoCloseable {

    private final Sandbox sandbox;
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(8).build();

    NetClients(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    ElasticLoadBalancingV2Client elb(AwsCredentials credentials) {
        return ElasticLoadBalancingV2Client.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Route 53 is global: the SDK signs for us-east-1 (aws-global). */
    Route53Client route53(AwsCredentials credentials) {
        return Route53Client.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        http.close();
    }
}
