package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;

/** ELBv2 through the SDK: the fleet's load balancers, listener weights and their limits, targets that follow ECS. */
class ElbTest {

    private static Sandbox sandbox;
    private static SdkClients clients;
    private static SdkClients net;
    private static AwsCredentials stageAdmin;
    private static AwsCredentials devAdmin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        net = new SdkClients(sandbox);
        stageAdmin = clients.role("alice", "stage", "admin");
        devAdmin = clients.role("alice", "dev", "admin");
    }

    @AfterAll
    static void stop() {
        net.close();
        clients.close();
        sandbox.close();
    }

    private static LoadBalancer lb(ElasticLoadBalancingV2Client elb, String name) {
        return elb.describeLoadBalancers(b -> b.names(name)).loadBalancers().get(0);
    }

    private static TargetGroup tg(ElasticLoadBalancingV2Client elb, String name) {
        return elb.describeTargetGroups(b -> b.names(name)).targetGroups().get(0);
    }

    @Test
    void prodHasBlueAndGreenAlbsAndSharedOnesPagedByMarker() {
        try (var elb = net.elb(clients.role("carol", "prod", "readonly"))) {
            List<LoadBalancer> all = new ArrayList<>();
            String marker = null;
            int pages = 0;
            do {
                String m = marker;
                var page = elb.describeLoadBalancers(b -> b.pageSize(2).marker(m));
                all.addAll(page.loadBalancers());
                marker = page.nextMarker();
                pages++;
            } while (marker != null);
            assertThat(pages).isGreaterThan(1);
            assertThat(all).extracting(LoadBalancer::loadBalancerName)
                    .containsExactlyInAnyOrder("api-blue", "api-green", "api-alb", "app-alb", "cdn-alb", "internal-alb");
            LoadBalancer blue = all.stream().filter(l -> l.loadBalancerName().equals("api-blue")).findFirst().orElseThrow();
            assertThat(blue.dnsName()).matches("api-blue-\\d{9,10}\\.us-east-1\\.elb\\.amazonaws\\.com");
            assertThat(blue.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
            assertThat(blue.loadBalancerArn()).matches("arn:aws:elasticloadbalancing:us-east-1:444444444444:loadbalancer/app/api-blue/[0-9a-f]{16}");
            assertThat(blue.state().codeAsString()).isEqualTo("active");
            assertThat(blue.availabilityZones()).hasSize(3);
            assertThat(all.stream().filter(l -> l.loadBalancerName().equals("internal-alb")).findFirst().orElseThrow()
                    .schemeAsString()).isEqualTo("internal");

            List<TargetGroup> blueTgs = elb.describeTargetGroups(b -> b.loadBalancerArn(blue.loadBalancerArn())).targetGroups();
            assertThat(blueTgs).extracting(TargetGroup::targetGroupName).containsExactly("api-blue");
            assertThat(blueTgs.get(0).loadBalancerArns()).containsExactly(blue.loadBalancerArn());
            assertThat(blueTgs.get(0).targetTypeAsString()).isEqualTo("instance");

            List<Listener> listeners = elb.describeListeners(b -> b.loadBalancerArn(blue.loadBalancerArn())).listeners();
            Listener https = listeners.stream().filter(l -> l.port() == 443).findFirst().orElseThrow();
            assertThat(https.defaultActions().get(0).typeAsString()).isEqualTo("forward");
            assertThat(https.defaultActions().get(0).forwardConfig().targetGroups())
                    .extracting(TargetGroupTuple::targetGroupArn).containsExactly(blueTgs.get(0).targetGroupArn());
            assertThat(listeners.stream().filter(l -> l.port() == 80).findFirst().orElseThrow()
                    .defaultActions().get(0).redirectConfig().statusCodeAsString()).isEqualTo("HTTP_301");

            LoadBalancer shared = lb(elb, "api-alb");
            Listener sharedHttps = elb.describeListeners(b -> b.loadBalancerArn(shared.loadBalancerArn())).listeners()
                    .stream().filter(l -> l.port() == 443).findFirst().orElseThrow();
            List<Rule> rules = elb.describeRules(b -> b.listenerArn(sharedHttps.listenerArn())).rules();
            assertThat(rules.get(rules.size() - 1).isDefault()).isTrue();
            assertThat(rules.stream().filter(r -> !r.isDefault()).flatMap(r -> r.conditions().stream())
                    .flatMap(c -> c.values().stream()).collect(Collectors.toList()))
                    .contains("api-auth.example.com", "api-graphql.example.com");

            assertThatThrownBy(() -> elb.describeLoadBalancers(b -> b.names("nope")))
                    .isInstanceOf(LoadBalancerNotFoundException.class);
            assertThatThrownBy(() -> elb.describeTargetGroups(b -> b.targetGroupArns(
                    "arn:aws:elasticloadbalancing:us-east-1:444444444444:targetgroup/nope/0123456789abcdef")))
                    .isInstanceOf(TargetGroupNotFoundException.class);
            assertThatThrownBy(() -> elb.describeListeners(b -> b.listenerArns(https.listenerArn() + "0")))
                    .isInstanceOf(ListenerNotFoundException.class);
            assertThatThrownBy(() -> elb.describeLoadBalancers(b -> b.pageSize(401)))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
            assertThat(elb.describeTags(b -> b.resourceArns(blue.loadBalancerArn())).tagDescriptions().get(0).tags())
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("Environment=prod"));
        }
    }

    @Test
    void listenerWeightsAreValidatedAsAwsDoes() {
        try (var elb = net.elb(stageAdmin)) {
            LoadBalancer app = lb(elb, "app-alb");
            Listener https = elb.describeListeners(b -> b.loadBalancerArn(app.loadBalancerArn())).listeners().stream()
                    .filter(l -> l.port() == 443).findFirst().orElseThrow();
            String web = tg(elb, "app-web").targetGroupArn();
            String search = tg(elb, "app-search").targetGroupArn();
            Listener changed = elb.modifyListener(b -> b.listenerArn(https.listenerArn()).defaultActions(Action.builder()
                    .type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                            TargetGroupTuple.builder().targetGroupArn(web).weight(80).build(),
                            TargetGroupTuple.builder().targetGroupArn(search).weight(20).build())).build()))
                    .listeners().get(0);
            assertThat(changed.defaultActions().get(0).forwardConfig().targetGroups())
                    .extracting(TargetGroupTuple::weight).containsExactly(80, 20);
            assertThat(elb.describeListeners(b -> b.listenerArns(https.listenerArn())).listeners().get(0)
                    .defaultActions().get(0).forwardConfig().targetGroups()).hasSize(2);

            List<TargetGroupTuple> six = elb.describeTargetGroups(b -> b.loadBalancerArn(app.loadBalancerArn()))
                    .targetGroups().stream().limit(6)
                    .map(t -> TargetGroupTuple.builder().targetGroupArn(t.targetGroupArn()).weight(1).build()).toList();
            assertThat(six).hasSize(6);
            assertThatThrownBy(() -> elb.modifyListener(b -> b.listenerArn(https.listenerArn()).defaultActions(
                    Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(six)).build())))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
            assertThatThrownBy(() -> elb.modifyListener(b -> b.listenerArn(https.listenerArn()).defaultActions(
                    Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                            TargetGroupTuple.builder().targetGroupArn(web).weight(1000).build())).build())))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.getMessage()).contains("999");
                    });
            String blueTg = tg(elb, "api-blue").targetGroupArn();
            assertThatThrownBy(() -> elb.modifyListener(b -> b.listenerArn(https.listenerArn()).defaultActions(
                    Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(blueTg).build())))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupAssociationLimit"));
            assertThat(elb.describeListeners(b -> b.listenerArns(https.listenerArn())).listeners().get(0)
                    .defaultActions().get(0).forwardConfig().targetGroups()).extracting(TargetGroupTuple::weight)
                    .containsExactly(80, 20);
        }
        try (var elb = net.elb(clients.role("carol", "stage", "readonly"))) {
            LoadBalancer app = lb(elb, "app-alb");
            String listener = elb.describeListeners(b -> b.loadBalancerArn(app.loadBalancerArn())).listeners().get(0).listenerArn();
            assertThatThrownBy(() -> elb.modifyListener(b -> b.listenerArn(listener).port(8443)))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.statusCode()).isEqualTo(403);
                    });
        }
    }

    @Test
    void targetsFollowEcsTasksThroughScalingAndAFaultyImage() {
        try (var elb = net.elb(devAdmin); EcsClient ecs = clients.ecs(devAdmin)) {
            String api = tg(elb, "api").targetGroupArn();
            List<TargetHealthDescription> before = elb.describeTargetHealth(b -> b.targetGroupArn(api)).targetHealthDescriptions();
            assertThat(before).hasSize(2).allSatisfy(d -> {
                assertThat(d.targetHealth().stateAsString()).isEqualTo("healthy");
                assertThat(d.target().id()).startsWith("i-0");
                assertThat(d.target().port()).isBetween(32768, 60999);
            });

            ecs.updateService(b -> b.cluster("dev").service("api").desiredCount(4));
            sandbox.clock().advance(Duration.ofSeconds(16));
            List<TargetHealthDescription> starting = elb.describeTargetHealth(b -> b.targetGroupArn(api)).targetHealthDescriptions();
            assertThat(starting.size()).isGreaterThan(2);
            assertThat(starting).anySatisfy(d -> assertThat(d.targetHealth().stateAsString()).isEqualTo("initial"));
            sandbox.clock().advance(Duration.ofSeconds(60));
            assertThat(elb.describeTargetHealth(b -> b.targetGroupArn(api)).targetHealthDescriptions())
                    .hasSize(4).allSatisfy(d -> assertThat(d.targetHealth().stateAsString()).isEqualTo("healthy"));

            var current = ecs.describeServices(b -> b.cluster("dev").services("api")).services().get(0);
            var td = ecs.describeTaskDefinition(b -> b.taskDefinition(current.taskDefinition())).taskDefinition();
            ContainerDefinition c = td.containerDefinitions().get(0);
            String faulty = ecs.registerTaskDefinition(b -> b.family(td.family()).networkMode(td.networkMode())
                    .containerDefinitions(c.toBuilder().image("registry.example.com/api:1.44.0-faulty").build()))
                    .taskDefinition().taskDefinitionArn();
            ecs.updateService(b -> b.cluster("dev").service("api").taskDefinition(faulty));
            boolean sawUnhealthy = false;
            for (int i = 0; i < 60 && !sawUnhealthy; i++) {
                sandbox.clock().advance(Duration.ofSeconds(1));
                sawUnhealthy = elb.describeTargetHealth(b -> b.targetGroupArn(api)).targetHealthDescriptions().stream()
                        .anyMatch(d -> d.targetHealth().stateAsString().equals("unhealthy")
                                && d.targetHealth().reasonAsString().equals("Target.FailedHealthChecks"));
            }
            assertThat(sawUnhealthy).isTrue();
            sandbox.clock().advance(Duration.ofSeconds(40));
            assertThat(elb.describeTargetHealth(b -> b.targetGroupArn(api)).targetHealthDescriptions())
                    .anySatisfy(d -> assertThat(d.targetHealth().stateAsString()).isIn("draining", "unhealthy", "initial"))
                    .filteredOn(d -> d.targetHealth().stateAsString().equals("healthy")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(c.portMappings()).extracting(PortMapping::hostPort).containsOnly(0);
        }
    }
}
