package io.harbormaster.aws.cutover;

import io.harbormaster.aws.elb.AlbWeights;
import io.harbormaster.aws.route53.Route53Weights;
import io.harbormaster.model.cutover.AlbWeightedForward;
import io.harbormaster.model.cutover.FindWeightedTargets;
import io.harbormaster.model.cutover.ReadBack;
import io.harbormaster.model.cutover.Route53WeightedRecord;
import io.harbormaster.model.cutover.ShiftWeights;
import io.harbormaster.model.cutover.WeightedRoute;
import io.harbormaster.model.cutover.Weights;
import io.harbormaster.model.cutover.WriteOutcome;
import io.harbormaster.model.environment.EnvironmentSession;
import java.util.ArrayList;
import java.util.List;

/** Both kinds of weighted route behind the cutover ports: Route 53 records and ALB forwards. */
public final class AwsWeightedRoutes implements FindWeightedTargets, ShiftWeights {

    private final Route53Weights route53;
    private final AlbWeights alb;

    public AwsWeightedRoutes(Route53Weights route53, AlbWeights alb) {
        this.route53 = route53;
        this.alb = alb;
    }

    @Override
    public List<WeightedRoute> find(EnvironmentSession session) {
        List<WeightedRoute> out = new ArrayList<>(route53.find(session));
        out.addAll(alb.find(session));
        return out;
    }

    @Override
    public WriteOutcome write(EnvironmentSession session, WeightedRoute route, Weights weights) {
        return route instanceof Route53WeightedRecord r ? route53.write(session, r, weights)
                : alb.write(session, (AlbWeightedForward) route, weights);
    }

    @Override
    public ReadBack readBack(EnvironmentSession session, WeightedRoute route, Weights expected, String changeId) {
        return route instanceof Route53WeightedRecord r ? route53.readBack(session, r, expected, changeId)
                : alb.readBack(session, (AlbWeightedForward) route, expected);
    }

    @Override
    public Weights live(EnvironmentSession session, WeightedRoute route) {
        return route instanceof Route53WeightedRecord r ? route53.live(session, r)
                : alb.live(session, (AlbWeightedForward) route);
    }
}
