package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.RegionDisabledException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * What an operator's console must cope with in identity, through SDK 2.40.2: an access key revoked by an
 * administrator (the key stops working; sessions already issued from it live until they expire, as on AWS), and a
 * region the account has not enabled (STS: RegionDisabledException; other services: the security token is invalid).
 */
class IdentityAdminTest {

    static Sandbox sandbox;
    static SdkClients clients;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    private static <T> T build(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, T> b, Region region,
                               AwsCredentials credentials) {
        b.endpointOverride(sandbox.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        return b.build();
    }

    @Test
    void aRevokedKeyStopsWorkingWhileItsSessionsLiveOn() {
        AwsCredentials bob = clients.user("bob");
        AwsCredentials devAdmin = clients.role("bob", "dev", "admin");
        Credentials plain;
        try (StsClient sts = clients.sts(bob)) {
            plain = sts.getSessionToken(b -> b.durationSeconds(900)).credentials();
        }
        sandbox.control().revokeAccessKey("bob");
        try {
            try (StsClient sts = clients.sts(bob)) {
                StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
                StsException assume = catchThrowableOfType(StsException.class, () -> sts.assumeRole(b -> b
                        .roleArn("arn:aws:iam::222222222222:role/readonly").roleSessionName("bob")));
                assertThat(assume.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            }
            try (EcsClient ecs = clients.ecs(bob)) {
                EcsException e = catchThrowableOfType(EcsException.class, ecs::listClusters);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(e.statusCode()).isEqualTo(400);
            }
            // Sessions issued before the revocation keep working until they expire.
            try (EcsClient ecs = clients.ecs(devAdmin)) {
                assertThat(ecs.listClusters().clusterArns()).isNotEmpty();
            }
            try (StsClient sts = clients.sts(SdkClients.session(plain))) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/bob");
            }
            sandbox.clock().advance(Duration.ofMinutes(61));
            try (EcsClient ecs = clients.ecs(devAdmin)) {
                EcsException e = catchThrowableOfType(EcsException.class, ecs::listClusters);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
            }
        } finally {
            sandbox.control().reinstateAccessKey("bob");
        }
        try (StsClient sts = clients.sts(bob)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
        }
    }

    @Test
    void aRegionTheAccountHasNotEnabledAnswersAsAws() {
        Region hongKong = Region.AP_EAST_1;
        AwsCredentials alice = clients.user("alice");
        AwsCredentials devAdmin = clients.role("alice", "dev", "admin");
        try (StsClient sts = build(StsClient.builder(), hongKong, alice)) {
            RegionDisabledException e = catchThrowableOfType(RegionDisabledException.class, sts::getCallerIdentity);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RegionDisabledException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("STS is not activated in this region for account:111111111111.");
        }
        try (StsClient sts = build(StsClient.builder(), hongKong, devAdmin)) {
            RegionDisabledException e = catchThrowableOfType(RegionDisabledException.class, sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorMessage()).contains("account:222222222222");
        }
        try (EcsClient ecs = build(EcsClient.builder(), hongKong, devAdmin)) {
            EcsException e = catchThrowableOfType(EcsException.class, ecs::listClusters);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
        try (ElasticLoadBalancingV2Client elb = build(ElasticLoadBalancingV2Client.builder(), hongKong, devAdmin)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, elb::describeLoadBalancers);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
        // Enabled in dev: dev's calls there work (the fleet has nothing in that region), other accounts' still fail.
        sandbox.control().setRegionEnabled("222222222222", "ap-east-1", true);
        try {
            try (EcsClient ecs = build(EcsClient.builder(), hongKong, devAdmin)) {
                assertThat(ecs.listClusters().clusterArns()).isEmpty();
            }
            try (EcsClient ecs = build(EcsClient.builder(), hongKong, clients.role("alice", "stage", "admin"))) {
                EcsException e = catchThrowableOfType(EcsException.class, ecs::listClusters);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            }
        } finally {
            sandbox.control().setRegionEnabled("222222222222", "ap-east-1", false);
        }
        // Regions that are not opt-in are enabled everywhere.
        try (EcsClient ecs = build(EcsClient.builder(), Region.EU_WEST_1, devAdmin)) {
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
        }
    }
}
