package io.harbormaster.app;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteAuditBacklog;
import io.harbormaster.app.store.SqliteWriteJournal;
import io.harbormaster.aws.cloudwatch.CloudWatchGateMetrics;
import io.harbormaster.aws.cloudwatch.CloudWatchMetrics;
import io.harbormaster.aws.cutover.AwsWeightedRoutes;
import io.harbormaster.aws.elb.AlbWeights;
import io.harbormaster.aws.elb.ElbSides;
import io.harbormaster.aws.logs.CloudWatchLogsAuditSink;
import io.harbormaster.aws.route53.Route53CutoverLock;
import io.harbormaster.aws.route53.Route53Weights;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.CutoverService;
import io.harbormaster.model.cutover.CutoverSessions;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.environment.MfaPrompt;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.fleet.LoadFleet;
import io.harbormaster.model.journal.AuditedJournal;
import io.harbormaster.views.cutovers.CutoverServices;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Cutovers capability's wiring, apart from the shell's: the Route 53 and ALB adapters behind the cutover ports,
 * the local journal with its copy to the team's audit log ({@value CloudWatchLogsAuditSink#GROUP} in the ops
 * account, entered with the ops login's own profile), and one {@link CutoverService} per run, built when the
 * Cutovers page first asks with the shell's MFA prompt.
 */
public final class CutoverWiring implements CutoverServices, AutoCloseable {

    /** How often the driver looks at the running cutovers (each acts only when its own clock says so). */
    static final Duration TICK = Duration.ofMillis(250);
    private static final Duration AUDIT_RETRY = Duration.ofMinutes(1);

    private final EnvironmentRegistry registry;
    private final AwsSessions sessions;
    private final AwsWeightedRoutes routes;
    private final Route53CutoverLock lock;
    private final CloudWatchGateMetrics gates;
    private final ElbSides sides;
    private final LoadFleet fleet;
    private final Clock clock;
    private final AuditedJournal journal;
    /** Ticks the runners and copies the journal to the audit log; this wiring's own, shut down by close. */
    private final ScheduledExecutorService ticker;
    private volatile MfaPrompt mfa = (environment, serial) -> java.util.Optional.empty();
    private CutoverService service;
    /**
     * This machine's name for the lock, looked up on the ticker from the start: {@code InetAddress.getLocalHost()}
     * may wait for DNS (seconds on some networks), and the service is first asked for on the UI thread.
     */
    private final CompletableFuture<String> hostName;

    /**
     * @param clock the cutovers' time: the sandbox's clock in a sandbox session, else the wall clock
     * @param ticker one thread (from the app's ThreadFamily) for the driver and the audit copy
     */
    CutoverWiring(EnvironmentRegistry registry, AwsSessions sessions, AwsClientFactory clients, LocalStore store,
            CloudWatchMetrics metrics, LoadFleet fleet, Clock clock, Clock journalClock,
            ScheduledExecutorService ticker) {
        this.ticker = ticker;
        this.hostName = CompletableFuture.supplyAsync(CutoverWiring::machine, ticker);
        this.registry = registry;
        this.sessions = sessions;
        this.fleet = fleet;
        this.clock = clock;
        Route53Weights route53 = new Route53Weights(sessions, clients);
        this.routes = new AwsWeightedRoutes(route53, new AlbWeights(sessions, clients));
        this.lock = new Route53CutoverLock(route53);
        this.gates = new CloudWatchGateMetrics(metrics, sessions, clients);
        this.sides = new ElbSides(sessions, clients);
        CloudWatchLogsAuditSink sink = new CloudWatchLogsAuditSink(this::opsSession, sessions, clients,
                CloudWatchLogsAuditSink.GROUP);
        this.journal = new AuditedJournal(new SqliteWriteJournal(store, journalClock), new SqliteAuditBacklog(store),
                sink, ticker::execute);
        // At once, then every minute: lines an earlier run left waiting go now, not with the next write, so a
        // console opened, looked at and closed again still copies them (each read back first if it was sent).
        ticker.scheduleWithFixedDelay(journal::retryPending, 0, AUDIT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The journal every write goes through: local first, then copied to the team's audit log. */
    public AuditedJournal journal() {
        return journal;
    }

    /**
     * The cutover service, built on first use. {@code prompt} asks for MFA codes when a cutover needs to enter an
     * environment (the shell's prompt); {@code actor} is the operator's ops identity (written in journal and lock).
     */
    @Override
    public synchronized CutoverService service(MfaPrompt prompt, String actor) {
        this.mfa = prompt;
        if (service == null) {
            CutoverSessions byId = this::session;
            service = new CutoverService(new CutoverService.Ports(routes, routes, lock, gates, sides, sides, fleet,
                    byId, journal, clock), actor, () -> hostName.getNow(UNKNOWN_HOST), ticker, TICK);
        }
        return service;
    }

    @Override
    public java.util.Optional<String> auditProblem() {
        return journal.copyProblem();
    }

    private EnvironmentSession session(String environmentId) {
        Environment env = registry.environments().stream().filter(e -> e.id().equals(environmentId)).findFirst()
                .orElseThrow(() -> new OperatorException(new Problem(Problem.Kind.CONFIGURATION,
                        "Unknown environment", "The cutover needs environment '" + environmentId + "', which is not"
                                + " defined any more.", "Add it again (Ctrl+,) with the same id.", "")));
        return sessions.enter(env, mfa);
    }

    /** The ops account: the login profile the environments are entered from, used with its own credentials. */
    private EnvironmentSession opsSession() {
        List<Environment> envs = registry.environments();
        Environment first = envs.stream().filter(e -> !e.loginProfile().isBlank()).findFirst()
                .orElseThrow(() -> new OperatorException(new Problem(Problem.Kind.CONFIGURATION, "No ops login",
                        "No environment names the ops login its role is assumed from, so the audit log's account is"
                                + " unknown.", "Set the login profile of your environments (Ctrl+,).", "")));
        Environment ops = new Environment("ops-audit", "ops", first.loginProfile(), first.loginProfile(), "", "",
                first.regions(), "#777777", false, false, Integer.MAX_VALUE);
        return sessions.enter(ops, mfa);
    }

    private static final String UNKNOWN_HOST = "unknown-host";

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return UNKNOWN_HOST;
        }
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            service.close();
        }
        ticker.shutdownNow();
    }
}
