package io.harbormaster.app.journey;

import io.harbormaster.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What an operator (or a pipeline) does to the sandbox behind the console's back: plain SDK calls with the generated
 * profiles' ops key through an environment's admin role, with alice's MFA code where the profile asks for one.
 */
final class SandboxWrites {

    private final Path home;
    private final Sandbox sandbox;

    SandboxWrites(Path home, Sandbox sandbox) {
        this.home = home;
        this.sandbox = sandbox;
    }

    /** UpdateService(forceNewDeployment): new tasks start, and read the image faults set now. */
    void forceNewDeployment(String environment, String account, String clusterArn, String service) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).httpClient(http)
                     .endpointOverride(sandbox.endpoint()).credentialsProvider(admin(http, environment, account))
                     .build()) {
            ecs.updateService(r -> r.cluster(clusterArn).service(service).forceNewDeployment(true));
        }
    }

    /**
     * PutMetricAlarm on the service's AWS/ECS metric (Average over a minute, above {@code threshold} for
     * {@code periods} minutes), as a team's Terraform makes them.
     */
    void putServiceAlarm(String environment, String account, String cluster, String service, String name,
            String metric, double threshold, int periods) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             software.amazon.awssdk.services.cloudwatch.CloudWatchClient cw =
                     software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder().region(Region.US_EAST_1)
                             .httpClient(http).endpointOverride(sandbox.endpoint())
                             .credentialsProvider(admin(http, environment, account)).build()) {
            cw.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ECS").metricName(metric).statistic("Average")
                    .period(60).evaluationPeriods(periods).threshold(threshold)
                    .comparisonOperator("GreaterThanThreshold").dimensions(
                            software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("ClusterName")
                                    .value(cluster).build(),
                            software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("ServiceName")
                                    .value(service).build()));
        }
    }

    /** StopTask of one running task of the service, with the reason an operator elsewhere gave; its ARN. */
    String stopOneTask(String environment, String account, String cluster, String service, String reason) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).httpClient(http)
                     .endpointOverride(sandbox.endpoint()).credentialsProvider(admin(http, environment, account))
                     .build()) {
            String task = ecs.listTasks(r -> r.cluster(cluster).serviceName(service)).taskArns().get(0);
            ecs.stopTask(r -> r.cluster(cluster).task(task).reason(reason));
            return task;
        }
    }

    /** UpdateService(desiredCount): the service scaled by someone else; its tasks start or stop as ECS would. */
    void scale(String environment, String account, String clusterArn, String service, int desired) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             EcsClient ecs = EcsClient.builder().region(Region.US_EAST_1).httpClient(http)
                     .endpointOverride(sandbox.endpoint()).credentialsProvider(admin(http, environment, account))
                     .build()) {
            ecs.updateService(r -> r.cluster(clusterArn).service(service).desiredCount(desired));
        }
    }

    /**
     * One atomic change batch setting the weights of a weighted record's sets by set identifier (UPSERT each), as a
     * cutover does; returns the change id.
     */
    String setWeights(String environment, String account, String zoneName, String recordName,
            java.util.Map<String, Long> weights) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             Route53Client r53 = Route53Client.builder().region(Region.AWS_GLOBAL).httpClient(http)
                     .endpointOverride(sandbox.endpoint()).credentialsProvider(admin(http, environment, account))
                     .build()) {
            String zone = r53.listHostedZonesByName(b -> b.dnsName(zoneName)).hostedZones().get(0).id();
            List<ResourceRecordSet> sets = r53.listResourceRecordSets(b -> b.hostedZoneId(zone)
                    .startRecordName(recordName).maxItems("100")).resourceRecordSets().stream()
                    .filter(r -> r.name().equals(recordName) && weights.containsKey(r.setIdentifier())).toList();
            if (sets.size() != weights.size()) {
                throw new IllegalStateException("expected " + weights.keySet() + " under " + recordName + ", found "
                        + sets.stream().map(ResourceRecordSet::setIdentifier).toList());
            }
            List<Change> changes = sets.stream().map(r -> Change.builder().action(ChangeAction.UPSERT)
                    .resourceRecordSet(r.toBuilder().weight(weights.get(r.setIdentifier())).build()).build())
                    .toList();
            return r53.changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(changes)))
                    .changeInfo().id();
        }
    }

    /** CREATE of a TXT record in a zone, as another console taking a cutover lock would (fails if it exists). */
    void createTxt(String environment, String account, String zoneName, String name, String value) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             Route53Client r53 = Route53Client.builder().region(Region.AWS_GLOBAL).httpClient(http)
                     .endpointOverride(sandbox.endpoint()).credentialsProvider(admin(http, environment, account))
                     .build()) {
            String zone = r53.listHostedZonesByName(b -> b.dnsName(zoneName)).hostedZones().get(0).id();
            r53.changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(Change.builder()
                    .action(ChangeAction.CREATE).resourceRecordSet(ResourceRecordSet.builder().name(name)
                            .type(software.amazon.awssdk.services.route53.model.RRType.TXT).ttl(60L)
                            .resourceRecords(r -> r.value(value)).build()).build())));
        }
    }

    /**
     * Makes the listener rule of a load balancer matching a host header forward to two target groups by weight, as
     * a team keeping a weighted scheme on its load balancer would; returns the rule's ARN.
     */
    String weightedRule(String environment, String account, String loadBalancer, String host, String first,
            int firstWeight, String second, int secondWeight) {
        try (SdkHttpClient http = ApacheHttpClient.create();
             software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client elb =
                     software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client.builder()
                             .region(Region.US_EAST_1).httpClient(http).endpointOverride(sandbox.endpoint())
                             .credentialsProvider(admin(http, environment, account)).build()) {
            String a = elb.describeTargetGroups(b -> b.names(first)).targetGroups().get(0).targetGroupArn();
            String b2 = elb.describeTargetGroups(b -> b.names(second)).targetGroups().get(0).targetGroupArn();
            String lb = elb.describeLoadBalancers(b -> b.names(loadBalancer)).loadBalancers().get(0)
                    .loadBalancerArn();
            var rule = elb.describeListeners(b -> b.loadBalancerArn(lb)).listeners().stream()
                    .flatMap(l -> elb.describeRules(b -> b.listenerArn(l.listenerArn())).rules().stream())
                    .filter(r -> r.conditions().stream().anyMatch(c -> c.values().contains(host)
                            || (c.hostHeaderConfig() != null && c.hostHeaderConfig().values().contains(host))))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no rule for " + host + " on "
                            + loadBalancer + " in " + environment));
            elb.modifyRule(b -> b.ruleArn(rule.ruleArn()).actions(
                    software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder()
                            .type(software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum.FORWARD)
                            .forwardConfig(f -> f.targetGroups(
                                    software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple
                                            .builder().targetGroupArn(a).weight(firstWeight).build(),
                                    software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple
                                            .builder().targetGroupArn(b2).weight(secondWeight).build())).build()));
            return rule.ruleArn();
        }
    }

    private AwsCredentialsProvider admin(SdkHttpClient http, String environment, String account) {
        ProfileFile profiles = profiles();
        String mfaSerial = profiles.profile("sandbox-" + environment).flatMap(p -> p.property("mfa_serial"))
                .orElse(null);
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).httpClient(http)
                .endpointOverride(sandbox.endpoint()).credentialsProvider(ProfileCredentialsProvider.builder()
                        .profileFile(profiles).profileName("sandbox-ops").build()).build()) {
            Credentials c = sts.assumeRole(r -> {
                r.roleArn("arn:aws:iam::" + account + ":role/admin").roleSessionName("journey-write");
                if (mfaSerial != null) {
                    r.serialNumber(mfaSerial).tokenCode(sandbox.currentTotpCode("alice"));
                }
            }).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                    c.secretAccessKey(), c.sessionToken()));
        }
    }

    private ProfileFile profiles() {
        Path dir = home.resolve("sandbox");
        return ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(dir.resolve("config")).type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .addFile(ProfileFile.builder().content(dir.resolve("credentials"))
                        .type(ProfileFile.Type.CREDENTIALS).build())
                .build();
    }
}
