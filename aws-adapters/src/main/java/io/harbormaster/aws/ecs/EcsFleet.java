package io.harbormaster.aws.ecs;

import io.harbormaster.aws.elb.TargetHealthReader;
import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.fleet.DescribeTaskDefinition;
import io.harbormaster.model.fleet.FleetLoadListener;
import io.harbormaster.model.fleet.FleetSnapshot;
import io.harbormaster.model.fleet.FleetStats;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.fleet.LoadFocus;
import io.harbormaster.model.fleet.RefreshFleet;
import io.harbormaster.model.fleet.StringPool;
import io.harbormaster.model.fleet.TaskDefinition;
import io.harbormaster.model.concurrent.ThreadFamily;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.util.function.Function;

import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The fleet inventory over ECS (and ELBv2 for target health), with SDK v2's shared clients.
 *
 * <p>Owns a bounded pool of workers (clusters, lists and batches run in parallel on it) and a task definition cache
 * that lives as long as this object. Calls are paced to AWS's published throttling buckets (ECS, ELBv2) per account
 * and Region ({@link CallPacer}), so a load spends each bucket as fast as AWS refills it without being throttled,
 * and use the SDK's standard retry strategy (exponential backoff with jitter, longer for throttling) with more
 * attempts than the SDK's default of 3, for the throttles pacing cannot foresee (other clients in the account); so
 * throttling on a large fleet slows a load down rather than failing a cluster. Every call, retry and throttle is
 * counted into the snapshot's {@link io.harbormaster.model.fleet.FleetStats}.
 *
 * <p>Not the adaptive strategy: its client-side rate limiter has one scope for every call made with it, while a
 * load fans out over four ECS throttling buckets and ELBv2. A few throttles in one bucket slowed every operation;
 * and once enabled, after a pause it measured a send rate near zero and allowed twice that, so the next load
 * started at a crawl (the fleet benchmark's warm re-entry: 3–7 DescribeServices a second for 5 s with the
 * bucket full, every row current after 15.9 s against 9.0 s for the first load).
 * Close it on exit to stop the workers.
 */
public final class EcsFleet implements LoadFleet, RefreshFleet, DescribeTaskDefinition, AutoCloseable {

    /** Enough to keep the sandbox's (and AWS's) per-call latency hidden; low enough not to invite throttling. */
    public static final int DEFAULT_PARALLELISM = 12;

    /** The logger that gets one FINE record per API call (see CallMeter), for timelines. */
    public static final String CALL_LOG = "io.harbormaster.aws.ecs.calls";

    /** What the calls of a load, a refresh and a task definition's read say they are for (a user agent token). */
    static final String LOAD = "harbormaster-fleet-load";
    static final String REFRESH = "harbormaster-fleet-refresh";
    static final String TASK_DEFINITION = "harbormaster-task-definition";

    private static final System.Logger LOG = System.getLogger(EcsFleet.class.getName());

    /** Attempts per call, the first included. */
    static final int MAX_ATTEMPTS = 10;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final Clock clock;
    private final PriorityPool pool;
    private final TaskDefinitionCache definitions = new TaskDefinitionCache();
    private final SdkPlugin patientRetries;
    /** Numbers each load's, refresh's and task definition's calls apart (see {@link FleetStats#caller()}). */
    private final AtomicLong runs = new AtomicLong();

    public EcsFleet(AwsSessions sessions, AwsClientFactory clients, Clock clock) {
        this(sessions, clients, clock, DEFAULT_PARALLELISM);
    }

    public EcsFleet(AwsSessions sessions, AwsClientFactory clients, Clock clock, int parallelism) {
        this(sessions, clients, clock, parallelism, new ThreadFamily("harbormaster").factory("fleet"));
    }

    /** @param threads where the workers come from: the app's thread family */
    public EcsFleet(AwsSessions sessions, AwsClientFactory clients, Clock clock, int parallelism,
            ThreadFactory threads) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = new PriorityPool(parallelism, Objects.requireNonNull(threads, "threads"));
        RetryStrategy strategy = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS)
                .build();
        this.patientRetries = config -> config.overrideConfiguration(o -> o.retryStrategy(strategy));
    }

    @Override
    public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener) {
        return load(session, listener, LoadFocus.none());
    }

    @Override
    public FleetSnapshot load(EnvironmentSession session, FleetLoadListener listener, LoadFocus focus) {
        return onceMoreIfExpired(caller(LOAD),
                meter -> new FleetLoad(newRun(session, listener, meter), clock.instant(), focus).load());
    }

    @Override
    public FleetSnapshot refresh(EnvironmentSession session, FleetSnapshot previous, FleetLoadListener listener) {
        if (!previous.environmentId().equals(session.environment().id())
                || !previous.region().equals(session.region())) {
            throw new IllegalArgumentException("a snapshot of " + previous.environmentId() + " " + previous.region()
                    + " cannot be refreshed from " + session.environment().id() + " " + session.region());
        }
        return onceMoreIfExpired(caller(REFRESH), meter -> new FleetRefresh(newRun(session, listener, meter),
                previous, clock.instant()).refresh());
    }

    /**
     * A session that expired on AWS's clock before ours surfaces as failed clusters (or a failed list); the
     * clients have already dropped the credentials by then (AwsClientFactory), so one more run renews them and
     * the operator never sees the expiry. The second run's calls carry the first's caller, and its stats count the
     * first run's calls as retries: they are sent again.
     */
    private static FleetSnapshot onceMoreIfExpired(ApiName caller, Function<CallMeter, FleetSnapshot> run) {
        CallMeter first = new CallMeter(caller);
        try {
            FleetSnapshot snapshot = run.apply(first);
            boolean expired = snapshot.problems().stream()
                    .anyMatch(p -> p.problem().kind() == Problem.Kind.CREDENTIALS_EXPIRED);
            if (!expired) {
                return snapshot;
            }
        } catch (OperatorException e) {
            if (e.problem().kind() != Problem.Kind.CREDENTIALS_EXPIRED) {
                throw e;
            }
        }
        LOG.log(System.Logger.Level.INFO, "{0}: the session expired on AWS''s clock during the run; run again with"
                + " renewed credentials", first.caller());
        return run.apply(first.again());
    }

    /** A name for one run's calls, a product token of their User-Agent: {@code harbormaster-fleet-refresh/17}. */
    private ApiName caller(String purpose) {
        return ApiName.builder().name(purpose).version(Long.toString(runs.incrementAndGet())).build();
    }

    @Override
    public TaskDefinition describeTaskDefinition(EnvironmentSession session, String taskDefinition) {
        FleetRun run = newRun(session, FleetLoadListener.NONE, new CallMeter(caller(TASK_DEFINITION)));
        try {
            return definitions.get(taskDefinition, Runnable::run, run.reads::describeTaskDefinition).join();
        } catch (RuntimeException e) {
            Throwable cause = Batches.unwrap(e);
            if (cause instanceof SdkException sdk) {
                throw AwsErrors.translate(sdk, "describing task definition " + taskDefinition + " in "
                        + run.where());
            }
            throw FleetRun.operatorException(cause, "describing task definition " + taskDefinition);
        }
    }

    /**
     * The account's pacer in the session's Region: one per account and Region, as AWS keeps its buckets, shared by
     * every run there and by the deploys' calls built on the same clients ({@link AwsClientFactory#perAccountAndRegion}).
     */
    CallPacer pacer(EnvironmentSession session) {
        return clients.perAccountAndRegion(sessions.context(session), session.identity().account(), CallPacer.class,
                CallPacer::new);
    }

    /**
     * @param meter counts the run's calls; every call says it is for the meter's caller, as AWS's SDKs let a
     *              caller name its calls (an {@link ApiName} appended to the User-Agent, which CloudTrail records as
     *              the call's userAgent)
     */
    private FleetRun newRun(EnvironmentSession session, FleetLoadListener listener, CallMeter meter) {
        ClientContext context = sessions.context(session);
        ApiName apiName = meter.apiName();
        Consumer<AwsRequestOverrideConfiguration.Builder> override = o -> o.addMetricPublisher(meter)
                .addPlugin(patientRetries).addApiName(apiName);
        CallPacer pacer = pacer(session);
        RunCancellation cancellation = new RunCancellation();
        EcsReads reads = new EcsReads(clients.ecs(context), new EcsMapping(new StringPool()), override, pacer,
                cancellation);
        TargetHealthReader health = new TargetHealthReader(clients.elbv2(context), override);
        return new FleetRun(session, reads, health, definitions, pool, meter,
                listener == null ? FleetLoadListener.NONE : listener, pacer, cancellation);
    }

    @Override
    public void close() {
        pool.close();
    }
}
