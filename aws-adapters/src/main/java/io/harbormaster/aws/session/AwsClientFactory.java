package io.harbormaster.aws.session;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients that share one HTTP connection pool. Every client uses the SDK's standard retry strategy
 * (exponential backoff with jitter, longer after throttling), so throttling is absorbed by backing off rather than
 * surfacing as failures. Not the adaptive one: its client-side rate limiter, once throttled, held a whole fleet load
 * to a few calls a second (see {@code EcsFleet}); only the throttled call should wait.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final Map<Key, RetiredClients.Counted> cached = new ConcurrentHashMap<>();
    /**
     * Route 53's pacers, one per account (and endpoint: each sandbox is an AWS of its own), shared by every client
     * of the account: two environments in one account, or an environment entered again with new credentials,
     * draw on the account's one quota as AWS counts it, not on a fresh bucket each.
     */
    private final Map<Account, PacedAttempts> route53Pacers = new ConcurrentHashMap<>();
    private final RetiredClients retired;
    private final Object httpLock = new Object();
    /**
     * Built with the first client, not with the factory: the console is wired while its window is being built, and
     * Apache's pool (a fifth of the wiring's CPU) is needed only once an environment is entered. Guarded by
     * {@link #httpLock}, as is {@link #closed}.
     */
    private SdkHttpClient http;
    private boolean closed;
    private final Duration socketTimeout;
    private final Duration apiCallTimeout;

    /** Waits at most 30 s for a byte of an answer, and 60 s for a call with its retries: nothing hangs for long. */
    public AwsClientFactory() {
        this(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** Shorter waits, for tests of an AWS that stops answering. */
    public AwsClientFactory(Duration socketTimeout, Duration apiCallTimeout) {
        this.socketTimeout = socketTimeout;
        this.apiCallTimeout = apiCallTimeout;
        this.retired = new RetiredClients(apiCallTimeout);
    }

    private record Key(ClientContext context, Class<?> type) {
    }

    private record Account(String id, Optional<URI> endpoint) {
    }

    /** What {@link #perAccountAndRegion} keeps one of. */
    private record AccountRegion(String account, String region, Optional<URI> endpoint, Class<?> type) {
    }

    /**
     * Objects shared by every adapter built on this factory for one account and Region ({@link #perAccountAndRegion}):
     * the ECS quotas' mirrored buckets, which the fleet's reads and the deploys' calls draw on together as AWS counts
     * them.
     */
    private final Map<AccountRegion, Object> perAccountAndRegion = new ConcurrentHashMap<>();

    private SdkHttpClient http() {
        synchronized (httpLock) {
            if (closed) {
                throw new IllegalStateException("The AWS client factory is closed");
            }
            if (http == null) {
                http = ApacheHttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(socketTimeout)
                        .build();
            }
            return http;
        }
    }

    public StsClient sts(AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {
        return configure(StsClient.builder(), credentials, region, endpoint).build();
    }

    /** An SSO OIDC client (unsigned: clients authenticate with their registration); the caller closes it. */
    public SsoOidcClient ssoOidc(String region, Optional<URI> endpoint) {
        return configure(SsoOidcClient.builder(), AnonymousCredentialsProvider.create(), region, endpoint).build();
    }

    /** An SSO portal client (unsigned: the access token is a parameter); the caller closes it. */
    public SsoClient sso(String region, Optional<URI> endpoint) {
        return configure(SsoClient.builder(), AnonymousCredentialsProvider.create(), region, endpoint).build();
    }

    /** A shared ECS client for the context; callers must not close it. */
    public EcsClient ecs(ClientContext context) {
        return shared(context, EcsClient.class, EcsClient::builder);
    }

    /** A shared ELBv2 client for the context; callers must not close it. */
    public ElasticLoadBalancingV2Client elbv2(ClientContext context) {
        return shared(context, ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder);
    }

    /**
     * A shared Route 53 client for the context's credentials; callers must not close it. Route 53 is global: the
     * client signs for aws-global whatever the context's Region. Its calls are paced to the account's five a second
     * ({@link PacedAttempts}): the Cutovers page, the locks and a cutover's read-backs share that one quota, and so
     * do every environment in {@code account} and every client built for it in this run.
     */
    public Route53Client route53(ClientContext context, String account) {
        ClientContext global = new ClientContext(context.credentials(), Region.AWS_GLOBAL.id(), context.endpoint());
        PacedAttempts pacer = route53Pacer(account, context.endpoint());
        return shared(global, Route53Client.class, Route53Client::builder, Optional.of(() -> pacer));
    }

    /** The pacer {@code account}'s Route 53 clients share. */
    PacedAttempts route53Pacer(String account, Optional<URI> endpoint) {
        return route53Pacers.computeIfAbsent(new Account(account, endpoint), a -> PacedAttempts.route53());
    }

    /**
     * The one {@code type} for {@code account} in the context's Region (and endpoint), made by {@code make} when
     * first asked, shared by every adapter built on this factory: for state that mirrors what AWS keeps per account
     * and Region (a quota's bucket), which two adapters keeping their own would each believe they had whole.
     */
    public <T> T perAccountAndRegion(ClientContext context, String account, Class<T> type, Supplier<T> make) {
        return type.cast(perAccountAndRegion.computeIfAbsent(
                new AccountRegion(account, context.region(), context.endpoint(), type), k -> make.get()));
    }

    /** A shared CloudWatch client for the context; callers must not close it. */
    public CloudWatchClient cloudWatch(ClientContext context) {
        return shared(context, CloudWatchClient.class, CloudWatchClient::builder);
    }

    /** A shared CloudWatch Logs client for the context; callers must not close it. */
    public CloudWatchLogsClient logs(ClientContext context) {
        return shared(context, CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    }

    /**
     * A shared Price List client for the context's credentials; callers must not close it. The Price List Query
     * API is served from us-east-1 (and eu-central-1, ap-south-1) whatever Region the prices are for, so the
     * client signs for us-east-1.
     */
    public PricingClient pricing(ClientContext context) {
        ClientContext east = new ClientContext(context.credentials(), Region.US_EAST_1.id(), context.endpoint());
        return shared(east, PricingClient.class, PricingClient::builder);
    }

    /** A shared Application Auto Scaling client for the context; callers must not close it. */
    public ApplicationAutoScalingClient applicationAutoScaling(ClientContext context) {
        return shared(context, ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder);
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C shared(
            ClientContext context, Class<C> type, Supplier<B> builder) {
        return shared(context, type, builder, Optional.empty());
    }

    /** @param pacing the pacer of the client's attempts (Route 53's: the account's one) */
    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C shared(
            ClientContext context, Class<C> type, Supplier<B> builder,
            Optional<Supplier<? extends ExecutionInterceptor>> pacing) {
        return type.cast(cached.computeIfAbsent(new Key(context, type), k -> {
            CallsInFlight calls = new CallsInFlight(System::nanoTime);
            B b = configure(builder.get(), context.credentials(), context.region(), context.endpoint(),
                    Optional.of(calls));
            pacing.ifPresent(p -> b.overrideConfiguration(b.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(p.get()).build()));
            return new RetiredClients.Counted(b.build(), calls);
        }).client());
    }

    /**
     * Forgets the clients of a context that is no longer used (its environment was re-entered): those of its
     * credentials in every Region, the global ones (Route 53, the Price List's us-east-1) included. The next call
     * gets new clients; a task of the old session still holding one finishes with it, and it is closed once quiet.
     */
    public void release(ClientContext context) {
        cached.entrySet().removeIf(e -> {
            ClientContext c = e.getKey().context();
            if (c.credentials().equals(context.credentials()) && c.endpoint().equals(context.endpoint())) {
                retired.retire(e.getValue());
                return true;
            }
            return false;
        });
    }

    /** Released clients not closed yet, for tests. */
    int releasedOpen() {
        return retired.open();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsCredentialsProvider credentials, String region, Optional<URI> endpoint) {
        return configure(builder, credentials, region, endpoint, Optional.empty());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsCredentialsProvider credentials, String region, Optional<URI> endpoint,
            Optional<CallsInFlight> counted) {
        builder.httpClient(http())
                .credentialsProvider(credentials)
                .region(Region.of(region))
                .overrideConfiguration(o -> {
                    o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(apiCallTimeout);
                    counted.ifPresent(o::addExecutionInterceptor);
                    if (credentials instanceof RoleCredentials role) {
                        o.addExecutionInterceptor(new DropExpiredCredentials(role));
                    }
                });
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * When AWS says a role session's token expired (its clock ran ahead of ours, or the session was revoked), the
     * credentials are dropped so the next call renews them. The SDK resolves credentials once per call, so this
     * call still fails; {@link Renewal#call} retries it where a retry is safe.
     */
    private record DropExpiredCredentials(RoleCredentials role) implements ExecutionInterceptor {
        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.exception() instanceof AwsServiceException e && Renewal.isExpired(e)) {
                role.invalidate();
            }
        }
    }

    @Override
    public void close() {
        cached.values().forEach(c -> c.client().close());
        cached.clear();
        retired.close();
        synchronized (httpLock) {
            closed = true;
            if (http != null) {
                http.close();
            }
        }
    }
}
