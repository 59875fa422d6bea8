package io.harbormaster.model.deploy;

import io.harbormaster.model.concurrent.Pause;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Follows a service deployment to ECS's terminal status at a polite interval: each look reads the deployment
 * (DescribeServiceDeployments), the service (counts, events), target health, and, when something failed, the stopped
 * tasks' reasons and the alarms. When ECS reports a terminal status the deploy's journal operation is closed.
 * After a restart, {@link #resume} reconciles a journal operation left open with what ECS did. Blocking: run it off
 * the FX thread; a look costs 2–5 calls.
 */
public final class DeploymentFollower {

    /** A look every 5 s: DescribeServiceDeployments and DescribeServices stay far below their buckets' refill. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(DeploymentFollower.class.getName());

    private final ServiceDeployments deployments;
    private final DeploymentEvidence evidence;
    private final DeployService deploys;
    private final Clock clock;
    private final Pause pause;
    private final Duration interval;

    public DeploymentFollower(ServiceDeployments deployments, DeploymentEvidence evidence, DeployService deploys,
                              Clock clock, Pause pause, Duration interval) {
        this.deployments = Objects.requireNonNull(deployments, "deployments");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.deploys = Objects.requireNonNull(deploys, "deploys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    public DeploymentFollower(ServiceDeployments deployments, DeploymentEvidence evidence, DeployService deploys,
                              Clock clock) {
        this(deployments, evidence, deploys, clock, Pause.SLEEP, DEFAULT_INTERVAL);
    }

    /** One look at a deployment, carrying the last stage an earlier look saw it reach moving forward. */
    public DeploymentProgress observe(EnvironmentSession session, ServiceRef service, String serviceDeploymentArn,
                               LifecycleStage reached) {
        ServiceDeploymentDetail deployment = deployments.describe(session, List.of(serviceDeploymentArn)).stream()
                .findFirst().orElseThrow(() -> new OperatorException(new Problem(Problem.Kind.NOT_FOUND,
                        "Deployment not found", "ECS does not know the service deployment " + serviceDeploymentArn
                        + " of " + service.serviceName(), "It may be older than the 90 days ECS keeps.", "")));
        ServiceState state = null;
        List<TargetGroupHealth> health = List.of();
        try {
            state = evidence.serviceState(session, service);
            health = state.targetGroupArns().isEmpty() ? List.of()
                    : evidence.targetHealth(session, state.targetGroupArns());
        } catch (OperatorException e) {
            LOG.log(System.Logger.Level.DEBUG, "service state of " + service.serviceName() + " not read this time: "
                    + e.problem().message());
        }
        List<StoppedTask> failed = List.of();
        boolean failing = deployment.status().rollingBack() || deployment.status() == DeploymentStatus.STOPPED
                || deployment.circuitBreaker().failureCount() > 0 || deployment.circuitBreaker().triggered();
        if (failing) {
            Instant since = deployment.startedAt() != null ? deployment.startedAt() : deployment.createdAt();
            failed = evidence.stoppedTasks(session, service, since == null ? clock.instant().minus(Duration.ofHours(1))
                    : since).stream().filter(DeploymentFollower::failedRatherThanReplaced).toList();
        }
        List<AlarmReading> alarms = deployment.alarms().alarmNames().isEmpty() ? List.of()
                : evidence.alarms(session, deployment.alarms().alarmNames());
        return new DeploymentProgress(clock.instant(), deployment, state, health, failed, alarms, reached);
    }

    /**
     * Looks every interval until ECS reports a terminal status (then closes the journal operation) or
     * {@code cancelled} says so (the operation stays open, to be resumed).
     *
     * @return the last look; empty when cancelled first
     */
    public Optional<DeploymentProgress> follow(EnvironmentSession session, DeployStarted started,
                                               Consumer<DeploymentProgress> listener, BooleanSupplier cancelled)
            throws InterruptedException {
        String arn = started.serviceDeploymentArn();
        LifecycleStage reached = LifecycleStage.UNKNOWN;
        while (!cancelled.getAsBoolean()) {
            if (arn.isEmpty()) {
                arn = locate(session, started).orElse("");
            }
            if (!arn.isEmpty()) {
                DeploymentProgress progress = observe(session, started.service(), arn, reached);
                reached = progress.reached();
                listener.accept(progress);
                if (progress.terminal()) {
                    ServiceDeploymentDetail d = progress.deployment();
                    deploys.finish(started.operationId(), d.status(), String.join("; ", progress.failureEvidence()
                            .isEmpty() ? List.of(d.statusReason()) : progress.failureEvidence()));
                    return Optional.of(progress);
                }
            }
            pause.pause(interval);
        }
        return Optional.empty();
    }

    /**
     * Takes up a deploy operation the journal left open: the deployment to follow, or empty after closing the
     * operation when ECS never started it (UpdateService never sent, or sent without effect).
     */
    public Optional<DeployStarted> resume(EnvironmentSession session, OpenDeploy open) {
        if (!open.serviceDeploymentArn().isEmpty()) {
            // Noted again: the journal says this run took it up (the restart notice reads that as its read-back).
            deploys.noteDeployment(session, open.operationId(), open.service(), open.serviceDeploymentArn());
            return Optional.of(new DeployStarted(open.operationId(), open.service(), open.taskDefinitionArn(),
                    open.serviceDeploymentArn()));
        }
        if (!open.updateSent()) {
            deploys.finish(open.operationId(), DeploymentStatus.UNKNOWN,
                    "the console stopped before UpdateService was sent; nothing was deployed");
            return Optional.empty();
        }
        DeployStarted started = new DeployStarted(open.operationId(), open.service(), open.taskDefinitionArn(), "");
        Optional<String> arn = locate(session, started);
        if (arn.isEmpty()) {
            deploys.finish(open.operationId(), DeploymentStatus.UNKNOWN,
                    "UpdateService's outcome was never recorded and ECS runs no deployment of "
                            + io.harbormaster.model.fleet.Arns.name(open.taskDefinitionArn()));
            return Optional.empty();
        }
        return Optional.of(new DeployStarted(open.operationId(), open.service(), open.taskDefinitionArn(),
                arn.get()));
    }

    /**
     * The service's current deployment when it rolls out {@code started}'s revision (found through its service
     * revision's task definition), noted in the journal.
     */
    Optional<String> locate(EnvironmentSession session, DeployStarted started) {
        String current = evidence.serviceState(session, started.service()).currentServiceDeploymentArn();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServiceDeploymentDetail> detail = deployments.describe(session, List.of(current)).stream()
                .findFirst();
        if (detail.isEmpty() || detail.get().target() == null) {
            return Optional.empty();
        }
        boolean ours = deployments.describeRevisions(session, List.of(detail.get().target().arn())).stream()
                .anyMatch(r -> r.taskDefinitionArn().equals(started.taskDefinitionArn()));
        if (!ours) {
            return Optional.empty();
        }
        deploys.noteDeployment(session, started.operationId(), started.service(), current);
        return Optional.of(current);
    }

    /**
     * Tasks that failed (to start, an essential container exited, health checks) rather than being replaced or
     * scaled in on purpose: only those are evidence.
     */
    static boolean failedRatherThanReplaced(StoppedTask task) {
        String code = task.stopCode();
        String reason = task.stoppedReason().toLowerCase(java.util.Locale.ROOT);
        return "TaskFailedToStart".equals(code) || "EssentialContainerExited".equals(code)
                || reason.contains("failed") || reason.contains("health check") || reason.contains("exited");
    }
}
