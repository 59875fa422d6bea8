package io.harbormaster.aws.elb;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.CutoverSide;
import io.harbormaster.model.cutover.ResolveSides;
import io.harbormaster.model.cutover.SideHealth;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.WeightedTarget;
import io.harbormaster.model.environment.EnvironmentSession;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Where each side of a route takes its traffic, and how healthy it is. A Route 53 target is found by its alias DNS
 * name (or CNAME value) among the load balancers of every environment offered — each read with its own session,
 * since the old and new environments are often different accounts — and then has all that load balancer's target
 * groups. An ALB target is its own target group.
 */
public final class ElbSides implements ResolveSides, SideHealth {

    private static final System.Logger LOG = System.getLogger(ElbSides.class.getName());

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public ElbSides(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    private ElasticLoadBalancingV2Client client(EnvironmentSession session) {
        return clients.elbv2(sessions.context(session));
    }

    @Override
    public List<CutoverSide> resolve(WeightedRoute route, List<EnvironmentSession> candidates) {
        List<CutoverSide> out = new ArrayList<>();
        if (route instanceof AlbWeightedForward alb) {
            for (WeightedTarget t : alb.targets()) {
                out.add(new CutoverSide(t.id(), t.label(), alb.environmentId(), alb.region(), alb.loadBalancerArn(),
                        List.of(t.id())));
            }
            return out;
        }
        List<Found> balancers = new ArrayList<>();
        for (EnvironmentSession session : candidates) {
            try {
                ElasticLoadBalancingV2Client elb = client(session);
                elb.describeLoadBalancersPaginator(b -> { }).loadBalancers()
                        .forEach(lb -> balancers.add(new Found(session, lb)));
            } catch (SdkException e) {
                LOG.log(Level.INFO, "load balancers of " + session.environment().id() + " not readable: "
                        + e.getMessage());
            }
        }
        for (WeightedTarget t : route.targets()) {
            Optional<Found> match = balancers.stream().filter(f -> points(t.pointsTo(), f.lb().dnsName()))
                    .findFirst();
            if (match.isEmpty()) {
                out.add(new CutoverSide(t.id(), t.label(), "", "", "", List.of()));
                continue;
            }
            Found f = match.get();
            List<String> groups = client(f.session()).describeTargetGroupsPaginator(b -> b
                    .loadBalancerArn(f.lb().loadBalancerArn())).targetGroups().stream()
                    .map(TargetGroup::targetGroupArn).toList();
            out.add(new CutoverSide(t.id(), t.label() + " (" + f.lb().loadBalancerName() + " in "
                    + f.session().environment().displayName() + ")", f.session().environment().id(),
                    f.session().region(), f.lb().loadBalancerArn(), groups));
        }
        return out;
    }

    private record Found(EnvironmentSession session, LoadBalancer lb) {
    }

    /** Whether a record's target ("dualstack.name.", or several CNAME values) is the load balancer's DNS name. */
    static boolean points(String pointsTo, String dnsName) {
        String lb = normal(dnsName);
        for (String value : pointsTo.split("\\s+")) {
            String v = normal(value);
            if (v.equals(lb) || v.equals("dualstack." + lb)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    @Override
    public Counts health(EnvironmentSession session, CutoverSide side) {
        int healthy = 0;
        int total = 0;
        try {
            for (String tg : side.targetGroupArns()) {
                for (TargetHealthDescription d : client(session).describeTargetHealth(b -> b.targetGroupArn(tg))
                        .targetHealthDescriptions()) {
                    TargetHealthStateEnum state = d.targetHealth() == null ? null : d.targetHealth().state();
                    if (state == TargetHealthStateEnum.DRAINING || state == TargetHealthStateEnum.UNUSED) {
                        continue;
                    }
                    total++;
                    healthy += state == TargetHealthStateEnum.HEALTHY ? 1 : 0;
                }
            }
            return new Counts(healthy, total, side.targetGroupArns().size());
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the target health of " + side.label());
        }
    }
}
