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
