package io.harbormaster.aws.elb;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.write.ReadBackWrite;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.ReadBack;
import io.harbormaster.model.cutover.TrafficKind;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.cutover.WriteOutcome;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.metrics.ElbDimensions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * ALB forward actions to several target groups: found by describing every load balancer's listeners and rules,
 * written with ModifyListener (default action) or ModifyRule — which replace the whole action list, so the actions
 * are described first and sent back whole with only the forward's weights changed (every target group with its
 * weight, the group stickiness kept) — and read back by describing again.
 */
public final class AlbWeights {

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public AlbWeights(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    private ElasticLoadBalancingV2Client client(EnvironmentSession session) {
        return clients.elbv2(sessions.context(session));
    }

    /** Every listener default action and rule of the session's Region forwarding to two or more target groups. */
    public List<AlbWeightedForward> find(EnvironmentSession session) {
        try {
            ElasticLoadBalancingV2Client elb = client(session);
            List<AlbWeightedForward> out = new ArrayList<>();
            for (LoadBalancer lb : elb.describeLoadBalancersPaginator(b -> { }).loadBalancers()) {
                for (Listener l : elb.describeListenersPaginator(b -> b.loadBalancerArn(lb.loadBalancerArn()))
                        .listeners()) {
                    forward(l.defaultActions()).ifPresent(f -> out.add(route(session, lb, l, "", "default", f)));
                    for (Rule rule : rules(elb, l.listenerArn())) {
                        if (!Boolean.TRUE.equals(rule.isDefault())) {
                            forward(rule.actions()).ifPresent(f -> out.add(route(session, lb, l, rule.ruleArn(),
                                    rule.priority(), f)));
                        }
                    }
                }
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing weighted ALB forwards in " + session.environment().displayName());
        }
    }

    private static List<Rule> rules(ElasticLoadBalancingV2Client elb, String listenerArn) {
        List<Rule> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeRulesResponse r = elb.describeRules(b -> b.listenerArn(listenerArn).marker(m));
            out.addAll(r.rules());
            marker = r.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    /** The forward action with two or more target groups, if the list has one. */
    private static Optional<ForwardActionConfig> forward(List<Action> actions) {
        return actions.stream().filter(a -> a.type() == ActionTypeEnum.FORWARD && a.forwardConfig() != null
                && a.forwardConfig().targetGroups().size() >= 2).map(Action::forwardConfig).findFirst();
    }

    private static AlbWeightedForward route(EnvironmentSession session, LoadBalancer lb, Listener l, String ruleArn,
            String priority, ForwardActionConfig f) {
        List<WeightedTarget> targets = f.targetGroups().stream().map(t -> new WeightedTarget(t.targetGroupArn(),
                ElbDimensions.targetGroupName(t.targetGroupArn()), t.targetGroupArn(),
                t.weight() == null ? 1 : t.weight())).toList();
        long sticky = f.targetGroupStickinessConfig() != null
                && Boolean.TRUE.equals(f.targetGroupStickinessConfig().enabled())
                && f.targetGroupStickinessConfig().durationSeconds() != null
                ? f.targetGroupStickinessConfig().durationSeconds() : 0;
        return new AlbWeightedForward(session.environment().id(), session.region(), lb.loadBalancerArn(),
                lb.loadBalancerName(), l.listenerArn(), l.port() == null ? 0 : l.port(), ruleArn, priority, sticky,
                targets);
    }

    /** The whole action list sent back with the forward's weights replaced. */
    public WriteOutcome write(EnvironmentSession session, AlbWeightedForward route, Weights weights) {
        String doing = "setting the weights of " + route.displayName() + " in " + session.environment()
                .displayName();
        try {
            ElasticLoadBalancingV2Client elb = client(session);
            List<Action> actions = new ArrayList<>();
            for (Action a : actions(elb, route)) {
                actions.add(a.type() == ActionTypeEnum.FORWARD && a.forwardConfig() != null
                        ? reweighted(a, weights) : a);
            }
            return ReadBackWrite.send((route.defaultAction() ? "ModifyListener of " : "ModifyRule of ")
                    + route.displayName(), () -> {
                        String requestId = route.defaultAction()
                                ? elb.modifyListener(b -> b.listenerArn(route.listenerArn()).defaultActions(actions)
                                        .overrideConfiguration(ReadBackWrite::retryOnlyThrottling))
                                        .responseMetadata().requestId()
                                : elb.modifyRule(b -> b.ruleArn(route.ruleArn()).actions(actions)
                                        .overrideConfiguration(ReadBackWrite::retryOnlyThrottling))
                                        .responseMetadata().requestId();
                        return (WriteOutcome) new WriteOutcome.Accepted("", requestId);
                    }, () -> live(session, route).sameAs(weights) ? Optional.of(new WriteOutcome.Accepted("", ""))
                            : Optional.empty());
        } catch (SdkException e) {
            if (AwsErrors.isBusy(e)) {
                return new WriteOutcome.Busy(AwsErrors.code(e), e.getMessage());
            }
            throw AwsErrors.translate(e, doing);
        }
    }

    private static Action reweighted(Action a, Weights weights) {
        List<TargetGroupTuple> groups = a.forwardConfig().targetGroups().stream().map(t -> {
            Integer w = weights.byTarget().get(t.targetGroupArn());
            return w == null ? t : t.toBuilder().weight(w).build();
        }).toList();
        // with ForwardConfig naming several groups, TargetGroupArn must not be given as well
        return a.toBuilder().targetGroupArn(null).forwardConfig(a.forwardConfig().toBuilder().targetGroups(groups)
                .build()).build();
    }

    /** The action re-described and compared with what was written. */
    public ReadBack readBack(EnvironmentSession session, AlbWeightedForward route, Weights expected) {
        try {
            Weights live = live(session, route);
            boolean same = live.sameAs(expected);
            return new ReadBack(same ? ReadBack.State.CONFIRMED : ReadBack.State.MISMATCH, live,
                    (route.defaultAction() ? "DescribeListeners" : "DescribeRules") + ": " + live.describe()
                            + (same ? " as written" : ", written " + expected.describe()));
        } catch (OperatorException e) {
            if (e.getCause() instanceof SdkException s && AwsErrors.isBusy(s)) {
                return new ReadBack(ReadBack.State.BUSY, null, AwsErrors.code(s));
            }
            throw e;
        }
    }

    public Weights live(EnvironmentSession session, AlbWeightedForward route) {
        try {
            ForwardActionConfig f = actions(client(session), route).stream()
                    .filter(a -> a.type() == ActionTypeEnum.FORWARD && a.forwardConfig() != null)
                    .map(Action::forwardConfig).findFirst()
                    .orElseThrow(() -> new OperatorException(new Problem(Problem.Kind.NOT_FOUND,
                            "Forward action gone", route.displayName() + " no longer forwards to target groups",
                            "Someone changed the rule; look at it before going on.", "")));
            Map<String, Integer> m = new LinkedHashMap<>();
            f.targetGroups().forEach(t -> m.put(t.targetGroupArn(), t.weight() == null ? 1 : t.weight()));
            return new Weights(TrafficKind.ALB, m);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the weights of " + route.displayName());
        }
    }

    private static List<Action> actions(ElasticLoadBalancingV2Client elb, AlbWeightedForward route) {
        if (route.defaultAction()) {
            return elb.describeListeners(b -> b.listenerArns(route.listenerArn())).listeners().get(0)
                    .defaultActions();
        }
        return elb.describeRules(b -> b.ruleArns(route.ruleArn())).rules().get(0).actions();
    }
}
