package io.harbormaster.model.deploy;

import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.WriteOutcomeUnknown;
import io.harbormaster.model.journal.JournalEntry;
import io.harbormaster.model.journal.JournalPhase;
import io.harbormaster.model.journal.JournalRecord;
import io.harbormaster.model.journal.WriteJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Deploys use cases over the ports: preview (reads only), deploy (register the new revision if any, then
 * UpdateService), roll back now, answer a PAUSE hook, close a finished deploy, list history. Every AWS write is
 * journalled as one {@value #KIND} operation: an INTENT before the call, DONE with the request id or FAILED after;
 * the operation ends (END) when the deployment reached a terminal status or never started. Blocking: call it off the
 * FX thread.
 */
public final class DeployService {

    /** The journal's operation kind for deploys. */
    public static final String KIND = "deploy";

    static final String F_REGION = "region";
    static final String F_CLUSTER = "cluster";
    static final String F_SERVICE = "service";
    static final String F_STEP = "step";
    static final String F_TASK_DEFINITION = "taskDefinition";
    static final String F_SERVICE_DEPLOYMENT = "serviceDeployment";
    static final String F_STATUS = "status";

    private final DescribeDeployTarget targets;
    private final DescribeRevision revisions;
    private final RegisterRevision register;
    private final StartDeployment start;
    private final StopDeployment stop;
    private final ContinueDeployment proceed;
    private final ServiceDeployments deployments;
    private final WriteJournal journal;
    private final Supplier<String> operationIds;

    public DeployService(DescribeDeployTarget targets, DescribeRevision revisions, RegisterRevision register,
                         StartDeployment start, StopDeployment stop, ContinueDeployment proceed,
                         ServiceDeployments deployments, WriteJournal journal, Supplier<String> operationIds) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.register = Objects.requireNonNull(register, "register");
        this.start = Objects.requireNonNull(start, "start");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.proceed = Objects.requireNonNull(proceed, "proceed");
        this.deployments = Objects.requireNonNull(deployments, "deployments");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.operationIds = Objects.requireNonNull(operationIds, "operationIds");
    }

    public DeployTarget target(EnvironmentSession session, ServiceRef service) {
        return targets.describeTarget(session, service);
    }

    /** Everything the preview shows; reads only. */
    public DeployPreview preview(EnvironmentSession session, DeployRequest request) {
        return preview(targets.describeTarget(session, request.target()), session, request);
    }

    /** The preview against a target already read (the wizard reads it on its first page). */
    public DeployPreview preview(DeployTarget target, EnvironmentSession session, DeployRequest request) {
        if (!target.ecsControlled()) {
            throw new IllegalArgumentException(target.service().serviceName() + " is deployed by "
                    + target.deploymentController() + ", not ECS: its strategies cannot be chosen here");
        }
        TaskDefinitionSpec newRevision;
        boolean registers;
        if (request.revision() instanceof RevisionSource.Existing existing) {
            newRevision = revisions.describeRevision(session, existing.taskDefinition());
            registers = false;
        } else {
            newRevision = NewRevision.of(target.taskDefinition(), ((RevisionSource.Changed) request.revision())
                    .change());
            registers = true;
        }
        int desired = request.desiredCount().orElse(target.desiredCount());
        return new DeployPreview(target, request, newRevision, registers,
                DeployDiffer.diff(target, newRevision, request), TimelinePlanner.plan(request.settings(), desired));
    }

    /**
     * Registers the new revision (when the preview has one) and starts the deployment, journalling each write.
     *
     * @throws OperatorException when a write fails; the journal says which, and the operation is closed
     */
    public DeployStarted deploy(EnvironmentSession session, DeployPreview preview) {
        DeployRequest request = preview.request();
        String operationId = operationIds.get();
        Map<String, String> facts = baseFacts(session, request.target());
        facts.put("strategy", request.settings().strategy().name());
        facts.put("desiredCount", String.valueOf(preview.desiredCount()));
        String serviceArn = preview.target().serviceArn().isEmpty() ? request.target().service()
                : preview.target().serviceArn();
        String name = request.target().serviceName();
        String taskDefinitionArn = preview.newRevision().arn();
        if (preview.registersNewRevision()) {
            Map<String, String> registerFacts = new HashMap<>(facts);
            registerFacts.put(F_STEP, "register");
            registerFacts.put("from", preview.target().taskDefinition().arn());
            registerFacts.put("images", String.join(",", preview.newRevision().images()));
            JournalRecord intent = record(operationId, JournalPhase.INTENT, session, serviceArn,
                    "RegisterTaskDefinition " + preview.newRevision().family() + " (from "
                            + preview.target().taskDefinition().familyRevision() + ", images "
                            + String.join(", ", preview.newRevision().images()) + ")", registerFacts);
            Written<TaskDefinitionSpec> registered = write(intent, () -> register.register(session,
                    preview.newRevision()), true);
            taskDefinitionArn = registered.result().arn();
            journal.append(intent.as(JournalPhase.DONE, "Registered " + registered.result().familyRevision(),
                    registered.requestId(), Map.of(F_TASK_DEFINITION, taskDefinitionArn)));
        }
        Map<String, String> updateFacts = new HashMap<>(facts);
        updateFacts.put(F_STEP, "update");
        updateFacts.put(F_TASK_DEFINITION, taskDefinitionArn);
        JournalRecord intent = record(operationId, JournalPhase.INTENT, session, serviceArn,
                "UpdateService " + name + " → " + io.harbormaster.model.fleet.Arns.name(taskDefinitionArn) + " ("
                        + request.settings().strategy() + ", " + preview.desiredCount() + " tasks)", updateFacts);
        String definition = taskDefinitionArn;
        Written<String> started = write(intent, () -> start.start(session, new StartDeploymentCommand(
                request.target(), definition, request.desiredCount(), request.settings())), true);
        journal.append(intent.as(JournalPhase.DONE, name + " is deploying "
                        + io.harbormaster.model.fleet.Arns.name(taskDefinitionArn), started.requestId(),
                Map.of(F_SERVICE_DEPLOYMENT, started.result())));
        return new DeployStarted(operationId, request.target(), taskDefinitionArn, started.result());
    }

    /** Records the service deployment ECS started, when UpdateService's answer did not name it. */
    public void noteDeployment(EnvironmentSession session, String operationId, ServiceRef service, String arn) {
        JournalRecord first = journal.operation(operationId).get(0).record();
        journal.append(first.as(JournalPhase.NOTE, "Following " + io.harbormaster.model.fleet.Arns.name(arn), "",
                Map.of(F_SERVICE_DEPLOYMENT, arn, F_STEP, "follow")));
    }

    /** Rolls the deployment back now (StopServiceDeployment ROLLBACK), journalled with the deploy it belongs to. */
    public Written<String> rollbackNow(EnvironmentSession session, ServiceRef service, String serviceDeploymentArn) {
        JournalRecord intent = controlIntent(session, service, serviceDeploymentArn, "stop",
                "StopServiceDeployment ROLLBACK " + service.serviceName());
        Written<String> done = write(intent, () -> stop.rollback(session, serviceDeploymentArn), false);
        journal.append(intent.as(JournalPhase.DONE, "Rollback requested for " + service.serviceName(),
                done.requestId(), Map.of()));
        return done;
    }

    /** Answers a PAUSE hook (ContinueServiceDeployment), journalled with the deploy it belongs to. */
    public Written<String> answerHook(EnvironmentSession session, ServiceRef service, String serviceDeploymentArn,
                                      String hookId, HookAction action) {
        JournalRecord intent = controlIntent(session, service, serviceDeploymentArn, "continue",
                "ContinueServiceDeployment " + action + " " + service.serviceName() + " (hook " + hookId + ")");
        Written<String> done = write(intent, () -> proceed.answer(session, serviceDeploymentArn, hookId, action),
                false);
        journal.append(intent.as(JournalPhase.DONE, (action == HookAction.CONTINUE ? "Continued " : "Rolled back ")
                + service.serviceName() + " past its pause", done.requestId(), Map.of("hookId", hookId)));
        return done;
    }

    /**
     * Promote: the images of {@code source}'s service (e.g. stage's) for {@code target}'s namesake (prod's), with
     * which side is newer; reads both services, writes nothing. Build the request from
     * {@link PromotionPlan#change()}.
     */
    public PromotionPlan promote(EnvironmentSession sourceSession, ServiceRef source, EnvironmentSession targetSession,
                                 ServiceRef target) {
        TaskDefinitionSpec from = targets.describeTarget(sourceSession, source).taskDefinition();
        TaskDefinitionSpec to = targets.describeTarget(targetSession, target).taskDefinition();
        return Promoter.plan(from, to);
    }

    /** What one revision changed from another (e.g. a history entry against the one before it). */
    public List<DiffSection> revisionDiff(EnvironmentSession session, String fromTaskDefinition,
                                          String toTaskDefinition) {
        return DeployDiffer.taskDefinition(revisions.describeRevision(session, fromTaskDefinition),
                revisions.describeRevision(session, toTaskDefinition));
    }

    /** A request deploying an earlier revision as it is: rollback to any revision is a new deploy of it. */
    public static DeployRequest rollbackTo(DeployTarget target, String taskDefinitionArn) {
        return new DeployRequest(target.service(), new RevisionSource.Existing(taskDefinitionArn),
                java.util.OptionalInt.empty(), target.settings());
    }

    /** Closes a deploy operation: the deployment ended (terminal status) or never started. */
    public void finish(String operationId, DeploymentStatus status, String why) {
        List<JournalEntry> lines = journal.operation(operationId);
        if (lines.isEmpty() || lines.stream().anyMatch(e -> e.record().phase() == JournalPhase.END)) {
            return;
        }
        JournalRecord first = lines.get(0).record();
        String service = first.fact(F_SERVICE);
        journal.append(first.as(JournalPhase.END, "Deploy of " + io.harbormaster.model.fleet.Arns.name(service)
                + " ended " + status + (why.isBlank() ? "" : ": " + why), "", Map.of(F_STATUS, status.name(),
                F_STEP, "end")));
    }

    /** Deploy operations the journal has not closed, for the follower to take up again. */
    public List<OpenDeploy> openDeploys() {
        List<OpenDeploy> open = new ArrayList<>();
        for (List<JournalEntry> lines : journal.openOperations(KIND)) {
            open.add(openDeploy(lines));
        }
        return open;
    }

    /**
     * The service's deployments (ListServiceDeployments), newest first, joined with the journal: who started each
     * from this console and when; the revision each rolled out (from the journal, else DescribeServiceRevisions).
     */
    public List<DeployHistoryEntry> history(EnvironmentSession session, ServiceRef service, int max) {
        List<ServiceDeploymentBrief> briefs = deployments.list(session, service, max);
        Map<String, JournalEntry> startedHere = new LinkedHashMap<>();
        for (JournalEntry e : journal.recent(5_000)) {
            JournalRecord r = e.record();
            String arn = r.fact(F_SERVICE_DEPLOYMENT);
            if (r.kind().equals(KIND) && !arn.isEmpty() && r.environmentId().equals(session.environment().id())) {
                startedHere.merge(arn, e, (a, b) -> a.sequence() < b.sequence() ? a : b);
            }
        }
        Map<String, String> definitions = new HashMap<>();
        List<String> unknown = briefs.stream().filter(b -> !startedHere.containsKey(b.arn()))
                .map(ServiceDeploymentBrief::targetRevisionArn).filter(a -> !a.isEmpty()).distinct().toList();
        if (!unknown.isEmpty()) {
            deployments.describeRevisions(session, unknown)
                    .forEach(r -> definitions.put(r.arn(), r.taskDefinitionArn()));
        }
        List<DeployHistoryEntry> history = new ArrayList<>();
        for (ServiceDeploymentBrief brief : briefs) {
            JournalEntry here = startedHere.get(brief.arn());
            if (here == null) {
                history.add(new DeployHistoryEntry(brief, "", null,
                        definitions.getOrDefault(brief.targetRevisionArn(), ""), ""));
                continue;
            }
            List<JournalEntry> lines = journal.operation(here.record().operationId());
            JournalEntry first = lines.isEmpty() ? here : lines.get(0);
            history.add(new DeployHistoryEntry(brief, first.record().actor(), first.at(),
                    here.record().fact(F_TASK_DEFINITION), here.record().operationId()));
        }
        return history;
    }

    static OpenDeploy openDeploy(List<JournalEntry> lines) {
        JournalRecord first = lines.get(0).record();
        String taskDefinition = "";
        String deployment = "";
        boolean updateSent = false;
        boolean updateAnswered = false;
        for (JournalEntry e : lines) {
            JournalRecord r = e.record();
            if (!r.fact(F_TASK_DEFINITION).isEmpty()) {
                taskDefinition = r.fact(F_TASK_DEFINITION);
            }
            if (!r.fact(F_SERVICE_DEPLOYMENT).isEmpty()) {
                deployment = r.fact(F_SERVICE_DEPLOYMENT);
            }
            if ("update".equals(r.fact(F_STEP))) {
                updateSent = true;
                updateAnswered |= r.phase() == JournalPhase.DONE;
            }
        }
        return new OpenDeploy(first.operationId(), first.environmentId(), first.fact(F_REGION),
                new ServiceRef(first.fact(F_CLUSTER), first.fact(F_SERVICE)), taskDefinition, deployment, updateSent,
                updateAnswered, lines.get(0).at(), first.actor(), lines);
    }

    private JournalRecord controlIntent(EnvironmentSession session, ServiceRef service, String arn, String step,
                                        String summary) {
        Optional<OpenDeploy> owner = openDeploys().stream()
                .filter(o -> o.serviceDeploymentArn().equals(arn)).findFirst();
        String operationId = owner.map(OpenDeploy::operationId).orElseGet(operationIds);
        Map<String, String> facts = baseFacts(session, service);
        facts.put(F_STEP, step);
        facts.put(F_SERVICE_DEPLOYMENT, arn);
        String resource = owner.map(o -> o.lines().get(0).record().resource()).orElse(service.service());
        return record(operationId, JournalPhase.INTENT, session, resource, summary, facts);
    }

    /** Appends the intent, runs the call; on failure appends FAILED (and END when {@code ends}) and rethrows. */
    private <T> Written<T> write(JournalRecord intent, Supplier<Written<T>> call, boolean ends) {
        journal.append(intent);
        try {
            return call.get();
        } catch (WriteOutcomeUnknown e) {
            // Neither FAILED nor END: the deploy stays open and is taken up again (DeploymentFollower.resume).
            journal.append(intent.as(JournalPhase.NOTE, "Outcome unknown: " + e.problem().message(), "", Map.of()));
            throw e;
        } catch (RuntimeException e) {
            String why = e instanceof OperatorException o ? o.problem().message() : String.valueOf(e.getMessage());
            journal.append(intent.as(JournalPhase.FAILED, "Failed: " + why, requestIdOf(e), Map.of()));
            if (ends) {
                journal.append(intent.as(JournalPhase.END, "Deploy not started", "", Map.of(F_STEP, "end")));
            }
            throw e;
        }
    }

    private static String requestIdOf(RuntimeException e) {
        if (e instanceof OperatorException o) {
            String details = o.problem().details();
            int at = details.indexOf("request id ");
            if (at >= 0) {
                int end = details.indexOf(',', at);
                return details.substring(at + "request id ".length(), end < 0 ? details.length() : end).strip();
            }
        }
        return "";
    }

    private static Map<String, String> baseFacts(EnvironmentSession session, ServiceRef service) {
        Map<String, String> facts = new HashMap<>();
        facts.put(F_REGION, session.region());
        facts.put(F_CLUSTER, service.cluster());
        facts.put(F_SERVICE, service.service());
        return facts;
    }

    private static JournalRecord record(String operationId, JournalPhase phase, EnvironmentSession session,
                                        String resource, String summary, Map<String, String> facts) {
        return new JournalRecord(operationId, KIND, phase, session.environment().id(), resource,
                session.identity().arn(), summary, "", facts);
    }
}
