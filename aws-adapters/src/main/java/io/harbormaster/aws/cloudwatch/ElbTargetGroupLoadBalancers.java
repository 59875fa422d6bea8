package io.harbormaster.aws.cloudwatch;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.aws.session.Renewal;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.LoadBalancersOfTargetGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * DescribeTargetGroups, 20 ARNs a call, for the LoadBalancer dimension of target group metrics. A batch naming a
 * target group that has gone is asked again one by one, so one deleted group costs only its own answer.
 */
public final class ElbTargetGroupLoadBalancers implements LoadBalancersOfTargetGroups {

    static final int BATCH = 20;

    private final AwsSessions sessions;
    private final AwsClientFactory clients;

    public ElbTargetGroupLoadBalancers(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public Map<String, String> loadBalancers(EnvironmentSession session, Collection<String> targetGroupArns) {
        List<String> arns = new ArrayList<>(new LinkedHashSet<>(targetGroupArns));
        Map<String, String> out = new HashMap<>();
        if (arns.isEmpty()) {
            return out;
        }
        ClientContext context = sessions.context(session);
        ElasticLoadBalancingV2Client elb = clients.elbv2(context);
        try {
            for (int i = 0; i < arns.size(); i += BATCH) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + BATCH));
                try {
                    describe(elb, context, batch, out);
                } catch (AwsServiceException e) {
                    if (!isNotFound(e) || batch.size() == 1) {
                        throw e;
                    }
                    for (String one : batch) {
                        try {
                            describe(elb, context, List.of(one), out);
                        } catch (AwsServiceException gone) {
                            if (!isNotFound(gone)) {
                                throw gone;
                            }
                        }
                    }
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "finding the load balancers of " + arns.size() + " target groups in "
                    + session.environment().displayName());
        }
        return out;
    }

    private static void describe(ElasticLoadBalancingV2Client elb, ClientContext context, List<String> arns,
            Map<String, String> out) {
        for (TargetGroup tg : Renewal.call(context, () -> elb.describeTargetGroups(r -> r.targetGroupArns(arns)))
                .targetGroups()) {
            if (!tg.loadBalancerArns().isEmpty()) {
                out.put(tg.targetGroupArn(), tg.loadBalancerArns().get(0));
            }
        }
    }

    private static boolean isNotFound(AwsServiceException e) {
        return e.awsErrorDetails() != null && "TargetGroupNotFound".equals(e.awsErrorDetails().errorCode());
    }
}
