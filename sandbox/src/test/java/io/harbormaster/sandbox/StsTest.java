package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTest {

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

    @Test
    void callerIdentityOfAnOpsUser() {
        try (StsClient sts = clients.sts(clients.user("alice"))) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();
            assertThat(id.account()).isEqualTo("111111111111");
            assertThat(id.arn()).isEqualTo("arn:aws:iam::111111111111:user/alice");
            assertThat(id.userId()).startsWith("AIDA");
        }
    }

    @Test
    void accessKeysAreStableForASeed() {
        try (Sandbox other = Sandbox.start(SandboxOptions.forTests())) {
            assertThat(other.control().accessKey("bob")).isEqualTo(sandbox.control().accessKey("bob"));
            assertThat(other.awsCredentials("carol")).isEqualTo(sandbox.awsCredentials("carol"));
        }
        assertThat(sandbox.control().accessKey("alice").accessKeyId()).startsWith("AKIA").hasSize(20);
    }

    @Test
    void aliceAssumesDevAdmin() {
        try (StsClient sts = clients.sts(clients.user("alice"))) {
            AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/admin").roleSessionName("alice"));
            assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/admin/alice");
            assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
            assertThat(r.credentials().expiration()).isEqualTo(sandbox.clock().now().plusSeconds(3600));
            try (StsClient asRole = clients.sts(SdkClients.session(r.credentials()))) {
                GetCallerIdentityResponse id = asRole.getCallerIdentity();
                assertThat(id.account()).isEqualTo("222222222222");
                assertThat(id.arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/admin/alice");
                assertThat(id.userId()).startsWith("AROA").endsWith(":alice");
            }
        }
    }

    @Test
    void bobIsNotTrustedByProdAdmin() {
        try (StsClient sts = clients.sts(clients.user("bob"))) {
            StsException e = catchThrowableOfType(StsException.class, () ->
                    sts.assumeRole(b -> b.roleArn("arn:aws:iam::444444444444:role/admin").roleSessionName("bob")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                    "User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sts:AssumeRole on resource: "
                            + "arn:aws:iam::444444444444:role/admin");
        }
    }

    @Test
    void prodAdminNeedsTheRightMfaCode() {
        try (StsClient sts = clients.sts(clients.user("alice"))) {
            String role = "arn:aws:iam::444444444444:role/admin";
            StsException missing = catchThrowableOfType(StsException.class, () ->
                    sts.assumeRole(b -> b.roleArn(role).roleSessionName("alice")));
            assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(missing.awsErrorDetails().errorMessage()).contains("MFA");

            String right = sandbox.currentTotpCode("alice");
            String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
            StsException bad = catchThrowableOfType(StsException.class, () ->
                    sts.assumeRole(b -> b.roleArn(role).roleSessionName("alice")
                            .serialNumber("arn:aws:iam::111111111111:mfa/alice").tokenCode(wrong)));
            assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(bad.awsErrorDetails().errorMessage()).contains("MultiFactorAuthentication failed");

            AssumeRoleResponse ok = sts.assumeRole(b -> b.roleArn(role).roleSessionName("alice")
                    .serialNumber("arn:aws:iam::111111111111:mfa/alice").tokenCode(right));
            assertThat(ok.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::444444444444:assumed-role/admin/alice");
        }
    }

    @Test
    void mfaSessionFromGetSessionTokenSatisfiesProdAdmin() {
        Credentials session;
        try (StsClient sts = clients.sts(clients.user("alice"))) {
            session = sts.getSessionToken(b -> b.serialNumber("arn:aws:iam::111111111111:mfa/alice")
                    .tokenCode(sandbox.currentTotpCode("alice")).durationSeconds(3600)).credentials();
        }
        try (StsClient sts = clients.sts(SdkClients.session(session))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/alice");
            AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::444444444444:role/admin")
                    .roleSessionName("alice").durationSeconds(7200));
            assertThat(r.credentials().expiration()).isEqualTo(sandbox.clock().now().plusSeconds(7200));
        }
    }

    @Test
    void roleChainingIsCappedAtOneHour() {
        AwsCredentials admin = clients.role("alice", "stage", "admin");
        try (StsClient sts = clients.sts(admin)) {
            StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRole(b -> b
                    .roleArn("arn:aws:iam::333333333333:role/readonly").roleSessionName("alice").durationSeconds(7200)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::333333333333:role/readonly").roleSessionName("alice"));
            assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/readonly/alice");
        }
    }

    @Test
    void credentialsExpireOnTheSandboxClock() {
        Credentials c;
        try (StsClient sts = clients.sts(clients.user("carol"))) {
            c = sts.assumeRole(b -> b.roleArn("arn:aws:iam::333333333333:role/readonly").roleSessionName("carol")
                    .durationSeconds(900)).credentials();
        }
        assertThat(c.expiration()).isAfter(Instant.now().minusSeconds(60));
        try (StsClient sts = clients.sts(SdkClients.session(c))) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("333333333333");
            sandbox.clock().advance(Duration.ofSeconds(901));
            StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
        }
    }

    @Test
    void aSessionLongExpiredIsForgottenAndItsKeyNoLongerKnown() {
        Credentials old;
        try (StsClient sts = clients.sts(clients.user("carol"))) {
            old = sts.assumeRole(b -> b.roleArn("arn:aws:iam::333333333333:role/readonly").roleSessionName("carol")
                    .durationSeconds(900)).credentials();
            sandbox.clock().advance(Duration.ofSeconds(900).plus(Iam.FORGET_AFTER).minusSeconds(1));
            sts.getSessionToken();   // STS issues a session: the old one expired less than FORGET_AFTER ago stays
            try (StsClient expired = clients.sts(SdkClients.session(old))) {
                assertThat(catchThrowableOfType(StsException.class, expired::getCallerIdentity).awsErrorDetails()
                        .errorCode()).as("recently expired").isEqualTo("ExpiredToken");
            }
            sandbox.clock().advance(Duration.ofSeconds(2));
            sts.getSessionToken();
        }
        assertThat(sandbox.issuedSessions()).extracting(Session::accessKeyId).doesNotContain(old.accessKeyId());
        try (StsClient forgotten = clients.sts(SdkClients.session(old))) {
            StsException e = catchThrowableOfType(StsException.class, forgotten::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void unknownKeyIsAnInvalidClientTokenId() {
        try (StsClient sts = clients.sts(AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00", "secret"))) {
            StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void missingRoleArnIsAValidationError() {
        try (StsClient sts = clients.sts(clients.user("alice"))) {
            StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRole(b -> b.roleSessionName("alice")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).contains("roleArn");
        }
    }

    @Test
    void awsConfigHasTheContractedProfiles() {
        String config = sandbox.awsConfig("alice");
        assertThat(config).contains("[profile sandbox-ops]\nregion = us-east-1\nendpoint_url = " + sandbox.endpoint());
        assertThat(config).contains("[profile sandbox-prod]\nrole_arn = arn:aws:iam::444444444444:role/admin\n"
                + "source_profile = sandbox-ops\nrole_session_name = alice\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\n"
                + "region = us-east-1\nendpoint_url = " + sandbox.endpoint());
        assertThat(sandbox.awsConfig("carol")).contains("role_arn = arn:aws:iam::222222222222:role/readonly")
                .doesNotContain("mfa_serial");
        assertThat(sandbox.awsCredentials("bob")).isEqualTo("[sandbox-ops]\naws_access_key_id = "
                + sandbox.control().accessKey("bob").accessKeyId() + "\naws_secret_access_key = "
                + sandbox.control().accessKey("bob").secretAccessKey() + "\n");
    }
}
