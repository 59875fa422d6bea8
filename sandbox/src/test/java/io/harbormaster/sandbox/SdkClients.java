package io.harbormaster.sandbox;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Real SDK v2 clients (STS, ECS, ELBv2, Route 53) pointed at a sandbox, retries off so tests see every error as the sandbox sent it. */
final class SdkClients implements AutoCloseable {

    private final Sandbox sandbox;
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(16).build();

    SdkClients(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    AwsCredentials user(String name) {
        SandboxControl.AccessKey k = sandbox.control().accessKey(name);
        return AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey());
    }

    static AwsCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    StsClient sts(AwsCredentials credentials) {
        return configure(StsClient.builder(), credentials, Region.US_EAST_1).build();
    }

    EcsClient ecs(AwsCredentials credentials) {
        return configure(EcsClient.builder(), credentials, Region.US_EAST_1).build();
    }

    CloudWatchClient cloudWatch(AwsCredentials credentials) {
        return configure(CloudWatchClient.builder(), credentials, Region.US_EAST_1).build();
    }

    CloudWatchLogsClient logs(AwsCredentials credentials) {
        return configure(CloudWatchLogsClient.builder(), credentials, Region.US_EAST_1).build();
    }

    ElasticLoadBalancingV2Client elb(AwsCredentials credentials) {
        return configure(ElasticLoadBalancingV2Client.builder(), credentials, Region.US_EAST_1).build();
    }

    /** Route 53 is global: the SDK signs for us-east-1 (aws-global). */
    Route53Client route53(AwsCredentials credentials) {
        return configure(Route53Client.builder(), credentials, Region.AWS_GLOBAL).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsCredentials credentials, Region region) {
        return builder.endpointOverride(sandbox.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /** SSO OIDC: unsigned, clients authenticate with their id and secret. */
    SsoOidcClient ssoOidc() {
        return SsoOidcClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** The SSO portal: unsigned, the access token travels in x-amz-sso_bearer_token. */
    SsoClient sso() {
        return SsoClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** The user's credentials for a role: {@code env} is dev, stage or prod, {@code role} admin or readonly. */
    AwsCredentials role(String user, String env, String role) {
        String account = switch (env) {
            case "dev" -> "222222222222";
            case "stage" -> "333333333333";
            case "prod" -> "444444444444";
            default -> throw new IllegalArgumentException(env);
        };
        try (StsClient sts = sts(user(user))) {
            var req = software.amazon.awssdk.services.sts.model.AssumeRoleRequest.builder()
                    .roleArn("arn:aws:iam::" + account + ":role/" + role).roleSessionName(user);
            if (env.equals("prod") && role.equals("admin")) {
                req.serialNumber("arn:aws:iam::111111111111:mfa/" + user).tokenCode(sandbox.currentTotpCode(user));
            }
            return session(sts.assumeRole(req.build()).credentials());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
