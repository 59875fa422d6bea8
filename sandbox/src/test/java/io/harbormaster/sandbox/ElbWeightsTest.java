package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Weighted forward actions as the cutover console uses them, through the SDK: ModifyRule and ModifyListener replace
 * the whole action list, DescribeRules / DescribeListeners read back exactly what was set (ForwardConfig with its
 * target groups, weights and stickiness), and every limit is refused with AWS's error.
 */
class ElbWeightsTest {

    @RegisterExtension
    static final SandboxAdmins aws = new SandboxAdmins();

    private static String tg(ElasticLoadBalancingV2Client elb, String name) {
        return elb.describeTargetGroups(b -> b.names(name)).targetGroups().get(0).targetGroupArn();
    }

    private static Listener https(ElasticLoadBalancingV2Client elb, String lbName) {
        String lb = elb.describeLoadBalancers(b -> b.names(lbName)).loadBalancers().get(0).loadBalancerArn();
        return elb.describeListeners(b -> b.loadBalancerArn(lb)).listeners().stream()
                .filter(l -> l.port() == 443).findFirst().orElseThrow();
    }

    private static Rule hostRule(ElasticLoadBalancingV2Client elb, Listener l, String host) {
        return elb.describeRules(b -> b.listenerArn(l.listenerArn())).rules().stream()
                .filter(r -> r.conditions().stream().anyMatch(c -> c.values().contains(host)))
                .findFirst().orElseThrow();
    }

    private static TargetGroupTuple weight(String arn, Integer w) {
        return TargetGroupTuple.builder().targetGroupArn(arn).weight(w).build();
    }

    private static Action forward(Consumer<ForwardActionConfig.Builder> config) {
        return Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(config).build();
    }

    private static Rule reread(ElasticLoadBalancingV2Client elb, String ruleArn) {
        return elb.describeRules(b -> b.ruleArns(ruleArn)).rules().get(0);
    }

    @Test
    void modifyRuleReplacesTheWholeActionAndDescribeRulesReadsBackExactlyWhatWasSet() {
        try (ElasticLoadBalancingV2Client elb = aws.clients().elb(aws.prodAdmin())) {
            Listener l = https(elb, "app-alb");
            Rule rule = hostRule(elb, l, "app-web.example.com");
            String web = tg(elb, "app-web");
            String search = tg(elb, "app-search");
            String billing = tg(elb, "app-billing");
            assertThat(rule.actions()).hasSize(1);
            assertThat(rule.actions().get(0).forwardConfig().targetGroups()).containsExactly(weight(web, 1));

            Rule set = elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(forward(f -> f
                    .targetGroups(weight(web, 800), weight(search, 150), weight(billing, 50))
                    .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(3600))))).rules().get(0);
            Rule back = reread(elb, rule.ruleArn());
            assertThat(back).isEqualTo(set);
            assertThat(back.conditions()).isEqualTo(rule.conditions()); // conditions not given: unchanged
            ForwardActionConfig fc = back.actions().get(0).forwardConfig();
            assertThat(fc.targetGroups()).containsExactly(weight(web, 800), weight(search, 150), weight(billing, 50));
            assertThat(fc.targetGroupStickinessConfig().enabled()).isTrue();
            assertThat(fc.targetGroupStickinessConfig().durationSeconds()).isEqualTo(3600);
            assertThat(back.actions().get(0).targetGroupArn()).isNull(); // several groups: no single TargetGroupArn

            // a new list replaces the old one whole: search and billing are gone, stickiness is off
            elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(forward(f -> f.targetGroups(weight(web, 0),
                    weight(search, 999)))));
            fc = reread(elb, rule.ruleArn()).actions().get(0).forwardConfig();
            assertThat(fc.targetGroups()).containsExactly(weight(web, 0), weight(search, 999));
            assertThat(fc.targetGroupStickinessConfig().enabled()).isFalse();
            assertThat(fc.targetGroupStickinessConfig().durationSeconds()).isNull();

            elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(Action.builder().type(ActionTypeEnum.FORWARD)
                    .targetGroupArn(web).build()));
            Action single = reread(elb, rule.ruleArn()).actions().get(0);
            assertThat(single.targetGroupArn()).isEqualTo(web);
            assertThat(single.forwardConfig().targetGroups()).containsExactly(weight(web, 1));
        }
    }

    @Test
    void modifyListenerReplacesTheDefaultActionsAndTheDefaultRuleIsNotModifiedThroughModifyRule() {
        try (ElasticLoadBalancingV2Client elb = aws.clients().elb(aws.stageAdmin())) {
            Listener l = https(elb, "api-alb");
            String auth = tg(elb, "api-auth");
            String docs = tg(elb, "api-docs");
            Rule defaultRule = elb.describeRules(b -> b.listenerArn(l.listenerArn())).rules().stream()
                    .filter(Rule::isDefault).findFirst().orElseThrow();
            assertThatThrownBy(() -> elb.modifyRule(b -> b.ruleArn(defaultRule.ruleArn()).actions(forward(f -> f
                    .targetGroups(weight(auth, 1))))))
                    .isInstanceOfSatisfying(OperationNotPermittedException.class, e -> assertThat(e.getMessage())
                            .contains("Default rule '" + defaultRule.ruleArn() + "' cannot be modified"));

            Listener changed = elb.modifyListener(b -> b.listenerArn(l.listenerArn()).defaultActions(forward(f -> f
                    .targetGroups(weight(auth, 3), weight(docs, 1))))).listeners().get(0);
            Listener back = elb.describeListeners(b -> b.listenerArns(l.listenerArn())).listeners().get(0);
            assertThat(back).isEqualTo(changed);
            assertThat(back.defaultActions()).hasSize(1);
            assertThat(back.defaultActions().get(0).forwardConfig().targetGroups())
                    .containsExactly(weight(auth, 3), weight(docs, 1));
            assertThat(back.port()).isEqualTo(443); // what was not given stays
            assertThat(elb.describeRules(b -> b.ruleArns(defaultRule.ruleArn())).rules().get(0).actions())
                    .isEqualTo(back.defaultActions());

            elb.modifyListener(b -> b.listenerArn(l.listenerArn()).defaultActions(Action.builder()
                    .type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(c -> c.statusCode("404")).build()));
            back = elb.describeListeners(b -> b.listenerArns(l.listenerArn())).listeners().get(0);
            assertThat(back.defaultActions()).extracting(Action::type).containsExactly(ActionTypeEnum.FIXED_RESPONSE);
        }
    }

    @Test
    void forwardLimitsAreRefusedWithAwsErrorsAndNothingChanges() {
        try (ElasticLoadBalancingV2Client elb = aws.clients().elb(aws.prodAdmin())) {
            Listener l = https(elb, "app-alb");
            Rule rule = hostRule(elb, l, "app-search.example.com");
            List<String> six = List.of(tg(elb, "app-web"), tg(elb, "app-search"), tg(elb, "app-billing"),
                    tg(elb, "app-sessions"), tg(elb, "app-notifications"), tg(elb, "app-websocket"));

            Rule five = elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(forward(f -> f.targetGroups(
                    six.subList(0, 5).stream().map(a -> weight(a, 1)).toList())))).rules().get(0);
            assertThat(five.actions().get(0).forwardConfig().targetGroups()).hasSize(5);

            expectValidation(elb, rule, forward(f -> f.targetGroups(six.stream().map(a -> weight(a, 1)).toList())), "at most 5");
            expectValidation(elb, rule, forward(f -> f.targetGroups(weight(six.get(0), 1000))), "less than or equal to 999");
            expectValidation(elb, rule, forward(f -> f.targetGroups(weight(six.get(0), -1))), "greater than or equal to 0");
            expectValidation(elb, rule, forward(f -> f.targetGroups(weight(six.get(0), 1), weight(six.get(1), null))),
                    "A weight must be specified");
            expectValidation(elb, rule, forward(f -> f.targetGroups(weight(six.get(0), 1))
                    .targetGroupStickinessConfig(s -> s.enabled(true))), "duration");
            expectValidation(elb, rule, forward(f -> f.targetGroups(weight(six.get(0), 1))
                    .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(604_801))), "604800");
            expectValidation(elb, rule, forward(f -> f.targetGroups(weight(six.get(0), 1), weight(six.get(0), 2))),
                    "more than once");

            String unknown = six.get(0).replaceAll("/[0-9a-f]{16}$", "/0000000000000000");
            assertThatThrownBy(() -> elb.modifyRule(b -> b.ruleArn(rule.ruleArn())
                    .actions(forward(f -> f.targetGroups(weight(unknown, 1))))))
                    .isInstanceOf(TargetGroupNotFoundException.class);
            String stagesWeb;
            try (ElasticLoadBalancingV2Client stage = aws.clients().elb(aws.stageAdmin())) {
                stagesWeb = tg(stage, "app-web");
            }
            assertThatThrownBy(() -> elb.modifyRule(b -> b.ruleArn(rule.ruleArn())
                    .actions(forward(f -> f.targetGroups(weight(stagesWeb, 1))))))
                    .as("another account's target group is not found here")
                    .isInstanceOf(TargetGroupNotFoundException.class);
            String blue = tg(elb, "api-blue");
            assertThatThrownBy(() -> elb.modifyRule(b -> b.ruleArn(rule.ruleArn())
                    .actions(forward(f -> f.targetGroups(weight(six.get(0), 1), weight(blue, 1))))))
                    .as("api-blue is api-blue's ALB's")
                    .isInstanceOf(TargetGroupAssociationLimitException.class);

            assertThat(reread(elb, rule.ruleArn())).isEqualTo(five);
        }
    }

    private static void expectValidation(ElasticLoadBalancingV2Client elb, Rule rule, Action action, String message) {
        assertThatThrownBy(() -> elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(action)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains(message);
                });
    }
}
