package io.harbormaster.app;

import io.harbormaster.app.settings.JsonEnvironmentFile;
import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.app.store.SqliteFleetArchive;
import io.harbormaster.app.store.SqliteMetricHistory;
import io.harbormaster.app.store.SqlitePriceBook;
import io.harbormaster.app.store.SqliteThresholdSettings;
import io.harbormaster.app.store.SqliteUiStateStore;
import io.harbormaster.aws.autoscaling.ApplicationAutoScalingReads;
import io.harbormaster.aws.cloudwatch.CloudWatchAlarms;
import io.harbormaster.aws.pricing.PriceListPrices;
import io.harbormaster.aws.cloudwatch.CloudWatchMetrics;
import io.harbormaster.aws.cloudwatch.ElbTargetGroupLoadBalancers;
import io.harbormaster.aws.config.AwsConfigFiles;
import io.harbormaster.aws.config.AwsEnvironmentDetector;
import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.aws.ecs.EcsFleet;
import io.harbormaster.aws.logs.CloudWatchLogsSearch;
import io.harbormaster.aws.ecs.EcsDeploymentEvidence;
import io.harbormaster.aws.ecs.EcsStoppedTasks;
import io.harbormaster.aws.ecs.EcsDeploys;
import io.harbormaster.aws.elb.ElbRoutingSuggestions;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.model.concurrent.Pause;
import io.harbormaster.model.deploy.DeployDefaults;
import io.harbormaster.model.deploy.DeployDependencies;
import io.harbormaster.model.deploy.DeployService;
import io.harbormaster.model.deploy.DeploymentFollower;
import io.harbormaster.model.deploy.FollowedDeploys;
import io.harbormaster.model.fleet.InterruptedScales;
import io.harbormaster.model.fleet.InterruptedStops;
import io.harbormaster.model.recovery.InterruptedWrites;
import io.harbormaster.model.fleet.JournaledScaleService;
import io.harbormaster.model.fleet.JournaledStopTask;
import io.harbormaster.model.journal.WriteJournal;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.sso.SsoLogins;
import io.harbormaster.aws.sso.SsoTokenCache;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.EnterEnvironment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.settings.UiStateStore;
import io.harbormaster.views.concurrent.FxTaskExecutor;
import io.harbormaster.views.environment.BrowserOpener;
import io.harbormaster.views.environment.FxSsoSignInPrompt;
import io.harbormaster.views.shared.metrics.MetricsDependencies;
import io.harbormaster.views.shell.ShellDependencies;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The hand wiring: one of each adapter, store and executor, built from where the AWS configuration comes from.
 * Owns their life; {@link #close()} releases all of it.
 */
public final class Harbormaster implements AutoCloseable {

    private final LocalStore store;
    private final Optional<EmbeddedSandbox> sandbox;
    private final AwsConfigFiles configFiles;
    private final ExecutorService pool;
    private final FxTaskExecutor executor;
    private final AwsClientFactory clients;
    private final ShellDependencies shell;
    private CloudWatchMetrics cloudWatch;
    private CloudWatchLogsSearch logs;
    private final EcsFleet fleet;
    private final DeployDependencies deploys;
    /** Followers sleep between looks for as long as a deploy runs: their own threads, not the shared pool's. */
    private final ExecutorService followers;
    private SqliteMetricHistory history;
    private Clock metricsClock;
    private final CutoverWiring cutovers;
    private final ScheduledExecutorService housekeeping;

    /** Without a browser: an Identity Center sign-in shows its address to open by hand. */
    public Harbormaster(LocalStore store, Optional<EmbeddedSandbox> sandbox, AwsConfigFiles configFiles,
            Clock clock, ThreadFamily threads) {
        this(store, sandbox, configFiles, clock, threads, address -> System.getLogger(Harbormaster.class.getName())
                .log(System.Logger.Level.INFO, "No browser to open; sign in at " + address));
    }

    /**
     * @param threads the app's thread family: this wiring's pools come from it and are shut down by {@link #close}
     * @param browser opens an Identity Center sign-in's approval address
     */
    public Harbormaster(LocalStore store, Optional<EmbeddedSandbox> sandbox, AwsConfigFiles configFiles,
            Clock clock, ThreadFamily threads, BrowserOpener browser) {
        this.store = store;
        this.sandbox = sandbox;
        this.configFiles = configFiles;
        this.pool = threads.workPool("bg", 8);
        this.housekeeping = threads.scheduler("housekeeping");
        this.followers = threads.unbounded("deploy-follower");
        this.clients = new AwsClientFactory();
        EnvironmentRegistry stored = new SqliteEnvironmentRegistry(store);
        sandbox.ifPresent(s -> s.register(stored));
        EnvironmentRegistry registry = sandbox.<EnvironmentRegistry>map(s -> new StartingSandboxRegistry(stored, s))
                .orElse(stored);
        UiStateStore uiState = new SqliteUiStateStore(store);
        // Identity Center judges its tokens by its own clock: on the sandbox that is the sandbox's, moved by hand or not.
        SsoLogins ssoLogins = new SsoLogins(ssoCache(sandbox), AwsSessions.clientsFor(clients),
                sandbox.map(e -> e.clock(clock.getZone())).orElse(clock),
                Pause.SLEEP);
        AwsSessions sessions = new AwsSessions(() -> AwsProfiles.load(configFiles), clients, clock, ssoLogins,
                new FxSsoSignInPrompt(Harbormaster::shownWindow, browser));
        this.executor = new FxTaskExecutor(pool);
        this.fleet = new EcsFleet(sessions, clients, clock, EcsFleet.DEFAULT_PARALLELISM, threads.factory("fleet"));
        WriteJournal journal = new SqliteWriteJournal(store, clock);
        EcsDeploys ecsDeploys = new EcsDeploys(sessions, clients);
        this.deploys = deploys(ecsDeploys, new EcsDeploymentEvidence(sessions, clients, ecsDeploys), journal,
                uiState, clock);
        // Writes a previous run left open are taken up once their environment is entered: deploys followed again,
        // scales and task stops read back and closed with what was found.
        EnterEnvironment entry = new InterruptedStops(journal, ecsDeploys).settlingEntry(
                new InterruptedScales(journal, ecsDeploys).settlingEntry(deploys.followed().resumingEntry(sessions)));
        MetricsDependencies metrics = metrics(store, sandbox, sessions);
        this.cutovers = new CutoverWiring(registry, sessions, clients, store, cloudWatch, fleet, metricsClock,
                metricsClock, threads.scheduler("cutovers"));
        this.shell = new ShellDependencies(registry, entry, executor, uiState, clock,
                new AwsEnvironmentDetector(() -> AwsProfiles.load(configFiles), ssoLogins), new JsonEnvironmentFile(),
                sessions,
                fleet, fleet, new SqliteFleetArchive(store, clock), Pages.all(new Pages.Ports(
                        new JournaledScaleService(ecsDeploys, journal, Harbormaster::operationId),
                        new JournaledStopTask(ecsDeploys, journal, Harbormaster::operationId), entry, fleet,
                        fleet, metrics, deploys, new ElbRoutingSuggestions(sessions, clients), cutovers,
                        new SqlitePriceBook(store), new PriceListPrices(sessions, clients, clock),
                        new ApplicationAutoScalingReads(sessions, clients),
                        new EcsStoppedTasks(sessions, clients, ecsDeploys))),
                new InterruptedWrites(journal, id -> registry.environments().stream()
                        .filter(e -> e.id().equals(id)).map(e -> e.displayName()).findFirst().orElse(id)));
        housekeeping.scheduleAtFixedRate(this::pruneMetricHistory, 0, PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /**
     * The aws CLI's SSO token cache: the operator's own under ~/.aws/sso/cache; the sandbox's beside its profiles, so
     * practice never signs the operator's CLI in to the sandbox.
     */
    private static SsoTokenCache ssoCache(Optional<EmbeddedSandbox> sandbox) {
        return sandbox.map(s -> new SsoTokenCache(s.files().config().resolveSibling("sso").resolve("cache")))
                .orElseGet(() -> SsoTokenCache.forHome(AwsConfigFiles.userHome()));
    }

    /** The console's window to put a sign-in prompt over (the prompt asks on the UI thread). */
    private static Window shownWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst()
                .orElse(null);
    }

    /** The Cutovers capability: its service (built with the shell's MFA prompt) and the audited write journal. */
    public CutoverWiring cutovers() {
        return cutovers;
    }

    /**
     * Deploys over ECS, journalled; deploys a previous run left open are followed again once their environment is
     * entered (the shell's entry goes through {@link FollowedDeploys#resumingEntry}).
     */
    private DeployDependencies deploys(EcsDeploys ecs, EcsDeploymentEvidence evidence, WriteJournal journal,
                                       UiStateStore uiState, Clock clock) {
        DeployService service = new DeployService(ecs, ecs, ecs, ecs, ecs, ecs, ecs, journal,
                Harbormaster::operationId);
        DeploymentFollower follower = new DeploymentFollower(ecs, evidence, service, clock);
        return new DeployDependencies(service, follower, new FollowedDeploys(service, follower, followers),
                new DeployDefaults(uiState), ecs, ecs, journal);
    }

    private static String operationId() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The Deploys capability, for the Deploys pages. */
    public DeployDependencies deployDependencies() {
        return deploys;
    }

    /** How often the metric cache drops what is past its retention, besides once at start-up. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private void pruneMetricHistory() {
        try {
            history.pruneExpired(metricsClock);
        } catch (RuntimeException e) {
            System.getLogger(Harbormaster.class.getName()).log(System.Logger.Level.WARNING,
                    "Pruning the metric cache failed; it is tried again within the hour", e);
        }
    }

    /** CloudWatch, the local metric cache and levels, alarms and logs; per-host metrics where the fleet puts them. */
    private MetricsDependencies metrics(LocalStore local, Optional<EmbeddedSandbox> embedded, AwsSessions sessions) {
        cloudWatch = new CloudWatchMetrics(sessions, clients);
        logs = new CloudWatchLogsSearch(sessions, clients);
        history = new SqliteMetricHistory(local);
        metricsClock = embedded.map(e -> e.clock(ZoneId.systemDefault())).orElse(Clock.systemDefaultZone());
        return new MetricsDependencies(cloudWatch, history, new SqliteThresholdSettings(local),
                new ElbTargetGroupLoadBalancers(sessions, clients), new CloudWatchAlarms(sessions, clients), logs,
                metricsClock, new SqliteUiStateStore(local));
    }

    /** The GetMetricData adapter, whose call count the benchmark reads. */
    public CloudWatchMetrics cloudWatch() {
        return cloudWatch;
    }

    public CloudWatchLogsSearch logs() {
        return logs;
    }

    public ShellDependencies shellDependencies() {
        return shell;
    }

    public Optional<EmbeddedSandbox> sandbox() {
        return sandbox;
    }

    public AwsConfigFiles configFiles() {
        return configFiles;
    }

    @Override
    public void close() {
        executor.close(); // before the clients close: a read they cut short is the shutdown's, told to nobody
        deploys.followed().close();
        followers.shutdownNow();
        housekeeping.shutdownNow();
        cutovers.close();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fleet.close();
        clients.close();
        sandbox.ifPresent(EmbeddedSandbox::close);
        store.close();
    }
}
