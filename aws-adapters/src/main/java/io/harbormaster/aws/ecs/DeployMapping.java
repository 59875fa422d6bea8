package io.harbormaster.aws.ecs;

import io.harbormaster.model.deploy.CanaryConfig;
import io.harbormaster.model.deploy.CircuitBreaker;
import io.harbormaster.model.deploy.DeployAlarms;
import io.harbormaster.model.deploy.DeployStrategy;
import io.harbormaster.model.deploy.DeployTarget;
import io.harbormaster.model.deploy.DeploymentSettings;
import io.harbormaster.model.deploy.DeploymentStatus;
import io.harbormaster.model.deploy.HookAction;
import io.harbormaster.model.deploy.HookDetail;
import io.harbormaster.model.deploy.HookTargetType;
import io.harbormaster.model.deploy.LifecycleHook;
import io.harbormaster.model.deploy.LifecycleStage;
import io.harbormaster.model.deploy.LinearConfig;
import io.harbormaster.model.deploy.LoadBalancerRouting;
import io.harbormaster.model.deploy.RevisionSummary;
import io.harbormaster.model.deploy.RollbackInfo;
import io.harbormaster.model.deploy.RollbackMonitor;
import io.harbormaster.model.deploy.ServiceDeploymentBrief;
import io.harbormaster.model.deploy.ServiceDeploymentDetail;
import io.harbormaster.model.deploy.ServiceRef;
import io.harbormaster.model.deploy.ServiceRevisionDetail;
import io.harbormaster.model.deploy.StartDeploymentCommand;
import io.harbormaster.model.deploy.TaskDefinitionSpec;
import io.harbormaster.model.fleet.PlacementConstraint;
import io.harbormaster.model.fleet.PlacementStrategy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/** ECS's deployment shapes as the model's records, and the model's deploy command as UpdateService. */
final class DeployMapping {

    private static final System.Logger LOG = System.getLogger(DeployMapping.class.getName());

    private DeployMapping() {
    }

    static DeployTarget target(ServiceRef ref, Service s, TaskDefinitionSpec definition) {
        List<LoadBalancerRouting> lbs = s.loadBalancers().stream().map(DeployMapping::routing).toList();
        String controller = s.deploymentController() == null ? "ECS" : s.deploymentController().typeAsString();
        return new DeployTarget(ref, s.serviceArn(), definition, nz(s.desiredCount()), nz(s.runningCount()),
                settings(s.deploymentConfiguration(), lbs), s.launchTypeAsString(), controller,
                s.placementConstraints().stream().map(c -> new PlacementConstraint(c.typeAsString(), c.expression()))
                        .toList(),
                s.placementStrategy().stream().map(p -> new PlacementStrategy(p.typeAsString(), p.field())).toList(),
                s.currentServiceDeployment());
    }

    static LoadBalancerRouting routing(LoadBalancer lb) {
        var a = lb.advancedConfiguration();
        return new LoadBalancerRouting(lb.targetGroupArn(), lb.containerName(), nz(lb.containerPort()),
                a == null ? "" : a.alternateTargetGroupArn(), a == null ? "" : a.productionListenerRule(),
                a == null ? "" : a.testListenerRule(), a == null ? "" : a.roleArn());
    }

    /**
     * The service's deployment configuration as settings; one this model would refuse (ECS has accepted more than
     * the wizard offers) reads as ECS's rolling defaults with the service's breaker, so the wizard still opens.
     */
    static DeploymentSettings settings(DeploymentConfiguration c, List<LoadBalancerRouting> lbs) {
        if (c == null) {
            return DeploymentSettings.rolling(lbs);
        }
        CircuitBreaker breaker = c.deploymentCircuitBreaker() == null ? CircuitBreaker.OFF
                : new CircuitBreaker(Boolean.TRUE.equals(c.deploymentCircuitBreaker().enable()),
                        Boolean.TRUE.equals(c.deploymentCircuitBreaker().enable())
                                && Boolean.TRUE.equals(c.deploymentCircuitBreaker().rollback()));
        try {
            DeployAlarms alarms = c.alarms() == null ? DeployAlarms.NONE : new DeployAlarms(c.alarms().alarmNames(),
                    Boolean.TRUE.equals(c.alarms().enable()) && !c.alarms().alarmNames().isEmpty(),
                    Boolean.TRUE.equals(c.alarms().enable()) && !c.alarms().alarmNames().isEmpty()
                            && Boolean.TRUE.equals(c.alarms().rollback()));
            DeployStrategy strategy = c.strategy() == null || c.strategyAsString() == null ? DeployStrategy.ROLLING
                    : DeployStrategy.valueOf(c.strategyAsString());
            List<LifecycleHook> hooks = c.lifecycleHooks().stream().map(DeployMapping::hook).toList();
            return new DeploymentSettings(strategy, c.minimumHealthyPercent() == null ? 100
                    : c.minimumHealthyPercent(), c.maximumPercent() == null ? 200 : c.maximumPercent(),
                    c.bakeTimeInMinutes() == null ? 0 : c.bakeTimeInMinutes(),
                    strategy == DeployStrategy.LINEAR ? linear(c) : null,
                    strategy == DeployStrategy.CANARY ? canary(c) : null, breaker, alarms, hooks, lbs);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "deployment configuration read as rolling defaults: "
                    + e.getMessage());
            DeploymentSettings rolling = DeploymentSettings.rolling(lbs);
            return new DeploymentSettings(DeployStrategy.ROLLING, rolling.minimumHealthyPercent(),
                    rolling.maximumPercent(), 0, null, null, breaker, DeployAlarms.NONE, List.of(), lbs);
        }
    }

    private static LinearConfig linear(DeploymentConfiguration c) {
        var l = c.linearConfiguration();
        return l == null ? LinearConfig.DEFAULT : new LinearConfig(l.stepPercent() == null ? 10.0 : l.stepPercent(),
                l.stepBakeTimeInMinutes() == null ? 6 : l.stepBakeTimeInMinutes());
    }

    private static CanaryConfig canary(DeploymentConfiguration c) {
        var k = c.canaryConfiguration();
        return k == null ? CanaryConfig.DEFAULT : new CanaryConfig(k.canaryPercent() == null ? 5.0
                : k.canaryPercent(), k.canaryBakeTimeInMinutes() == null ? 10 : k.canaryBakeTimeInMinutes());
    }

    private static LifecycleHook hook(DeploymentLifecycleHook h) {
        Set<LifecycleStage> stages = EnumSet.noneOf(LifecycleStage.class);
        h.lifecycleStagesAsStrings().forEach(s -> stages.add(LifecycleStage.parse(s)));
        HookTargetType type = "PAUSE".equals(h.targetTypeAsString()) ? HookTargetType.PAUSE
                : HookTargetType.AWS_LAMBDA;
        var timeout = h.timeoutConfiguration();
        return new LifecycleHook(type, h.hookTargetArn(), h.roleArn(), stages,
                timeout == null || timeout.timeoutInMinutes() == null ? LifecycleHook.DEFAULT_TIMEOUT_MINUTES
                        : timeout.timeoutInMinutes(),
                timeout != null && "CONTINUE".equals(timeout.actionAsString()) ? HookAction.CONTINUE
                        : HookAction.ROLLBACK);
    }

    static UpdateServiceRequest updateService(StartDeploymentCommand command) {
        DeploymentSettings s = command.settings();
        DeploymentConfiguration.Builder config = DeploymentConfiguration.builder()
                .strategy(s.strategy().name())
                .minimumHealthyPercent(s.minimumHealthyPercent())
                .maximumPercent(s.maximumPercent())
                .deploymentCircuitBreaker(b -> b.enable(s.circuitBreaker().enable())
                        .rollback(s.circuitBreaker().rollback()))
                .alarms(a -> a.alarmNames(s.alarms().alarmNames()).enable(s.alarms().enable())
                        .rollback(s.alarms().rollback()))
                .lifecycleHooks(s.hooks().stream().map(DeployMapping::hook).toList());
        if (s.strategy() != DeployStrategy.ROLLING) {
            config.bakeTimeInMinutes(s.bakeTimeMinutes());
        }
        if (s.linear() != null) {
            config.linearConfiguration(l -> l.stepPercent(s.linear().stepPercent())
                    .stepBakeTimeInMinutes(s.linear().stepBakeMinutes()));
        }
        if (s.canary() != null) {
            config.canaryConfiguration(c -> c.canaryPercent(s.canary().canaryPercent())
                    .canaryBakeTimeInMinutes(s.canary().canaryBakeMinutes()));
        }
        UpdateServiceRequest.Builder request = UpdateServiceRequest.builder().cluster(command.service().cluster())
                .service(command.service().service()).taskDefinition(command.taskDefinitionArn())
                .deploymentConfiguration(config.build());
        if (!s.loadBalancers().isEmpty()) {
            request.loadBalancers(s.loadBalancers().stream().map(DeployMapping::loadBalancer).toList());
        }
        command.desiredCount().ifPresent(request::desiredCount);
        return request.build();
    }

    private static DeploymentLifecycleHook hook(LifecycleHook h) {
        DeploymentLifecycleHook.Builder b = DeploymentLifecycleHook.builder().targetType(h.type().name())
                .lifecycleStagesWithStrings(h.stages().stream().map(Enum::name).toList())
                .timeoutConfiguration(t -> t.timeoutInMinutes(h.timeoutMinutes())
                        .action(h.timeoutAction().name()));
        if (h.type() == HookTargetType.AWS_LAMBDA) {
            b.hookTargetArn(h.targetArn()).roleArn(h.roleArn());
        }
        return b.build();
    }

    private static LoadBalancer loadBalancer(LoadBalancerRouting r) {
        LoadBalancer.Builder b = LoadBalancer.builder().targetGroupArn(r.targetGroupArn())
                .containerName(r.containerName()).containerPort(r.containerPort());
        if (r.hasAdvanced()) {
            b.advancedConfiguration(a -> {
                a.alternateTargetGroupArn(r.alternateTargetGroupArn()).productionListenerRule(
                        r.productionListenerRule()).roleArn(r.roleArn());
                if (!r.testListenerRule().isEmpty()) {
                    a.testListenerRule(r.testListenerRule());
                }
            });
        }
        return b.build();
    }

    static ServiceDeploymentBrief brief(software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief b) {
        return new ServiceDeploymentBrief(b.serviceDeploymentArn(), b.serviceArn(),
                DeploymentStatus.parse(b.statusAsString()), b.statusReason(), b.targetServiceRevisionArn(),
                b.createdAt(), b.startedAt(), b.finishedAt());
    }

    static ServiceDeploymentDetail detail(ServiceDeployment d) {
        DeployStrategy strategy = DeployStrategy.ROLLING;
        if (d.deploymentConfiguration() != null && d.deploymentConfiguration().strategyAsString() != null) {
            try {
                strategy = DeployStrategy.valueOf(d.deploymentConfiguration().strategyAsString());
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.DEBUG, "unknown strategy " + d.deploymentConfiguration()
                        .strategyAsString());
            }
        }
        var cb = d.deploymentCircuitBreaker();
        var alarms = d.alarms();
        List<HookDetail> hooks = new ArrayList<>();
        d.lifecycleHookDetails().forEach(h -> hooks.add(new HookDetail(h.hookId(),
                "PAUSE".equals(h.targetTypeAsString()) ? HookTargetType.PAUSE : HookTargetType.AWS_LAMBDA,
                h.targetArn(), h.statusAsString(), h.expiresAt(), "CONTINUE".equals(h.timeoutActionAsString())
                        ? HookAction.CONTINUE : HookAction.ROLLBACK)));
        return new ServiceDeploymentDetail(d.serviceDeploymentArn(), d.serviceArn(), d.clusterArn(),
                DeploymentStatus.parse(d.statusAsString()), d.statusReason(),
                LifecycleStage.parse(d.lifecycleStageAsString()), strategy, d.createdAt(), d.startedAt(),
                d.finishedAt(), d.stoppedAt(), d.updatedAt(), summary(d.targetServiceRevision()),
                d.sourceServiceRevisions().stream().map(DeployMapping::summary).toList(),
                d.rollback() == null ? null : new RollbackInfo(d.rollback().reason(), d.rollback().startedAt(),
                        d.rollback().serviceRevisionArn()),
                cb == null ? null : new RollbackMonitor(cb.statusAsString(), nz(cb.failureCount()),
                        nz(cb.threshold()), List.of(), List.of()),
                alarms == null ? null : new RollbackMonitor(alarms.statusAsString(), 0, 0, alarms.alarmNames(),
                        alarms.triggeredAlarmNames()),
                hooks);
    }

    private static RevisionSummary summary(ServiceRevisionSummary s) {
        if (s == null) {
            return null;
        }
        return new RevisionSummary(s.arn(), nz(s.requestedTaskCount()), nz(s.runningTaskCount()),
                nz(s.pendingTaskCount()), s.requestedTestTrafficWeight() == null ? -1
                        : s.requestedTestTrafficWeight(), s.requestedProductionTrafficWeight() == null ? -1
                        : s.requestedProductionTrafficWeight());
    }

    static ServiceRevisionDetail revision(ServiceRevision r) {
        List<String> production = r.resolvedConfiguration() == null ? List.of()
                : r.resolvedConfiguration().loadBalancers().stream().map(lb -> lb.targetGroupArn()).toList();
        return new ServiceRevisionDetail(r.serviceRevisionArn(), r.serviceArn(), r.taskDefinition(), r.createdAt(),
                r.containerImages().stream().map(i -> i.image()).toList(), production);
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
