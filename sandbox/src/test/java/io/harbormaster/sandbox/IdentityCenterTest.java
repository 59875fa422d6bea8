package io.harbormaster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** IAM Identity Center on the sandbox, driven by the real SsoOidcClient and SsoClient of SDK 2.59.1. */
class IdentityCenterTest {

    private static final String START_URL = "https://harbormaster-sandbox.awsapps.com/start";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    Sandbox sandbox;
    SdkClients clients;
    SsoOidcClient oidc;
    SsoClient sso;
    final HttpClient browser = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        clients = new SdkClients(sandbox);
        oidc = clients.ssoOidc();
        sso = clients.sso();
    }

    @AfterEach
    void stop() {
        sso.close();
        oidc.close();
        clients.close();
        sandbox.close();
    }

    @Test
    void aliceSignsInWithTheDeviceFlowAndEntersProdReadOnly() throws Exception {
        RegisterClientResponse client = register();
        assertThat(client.clientSecretExpiresAt()).isGreaterThan(client.clientIdIssuedAt());
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(device.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(device.verificationUriComplete()).startsWith(sandbox.endpoint() + "/_sandbox/sso/device?user_code=");
        assertThat(device.interval()).isEqualTo(1);
        assertThat(device.expiresIn()).isEqualTo(600);

        assertThat(catchThrowableOfType(AuthorizationPendingException.class, () -> poll(client, device)).error())
                .isEqualTo("authorization_pending");
        assertThat(catchThrowableOfType(SlowDownException.class, () -> poll(client, device)).error()).isEqualTo("slow_down");

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(device.verificationUriComplete())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains(device.userCode()).contains("Allow access");
        assertThat(decide(device.userCode(), "alice", "approve")).isEqualTo(200);

        Thread.sleep(1100);
        CreateTokenResponse token = poll(client, device);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(token.refreshToken()).isNotBlank();
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> poll(client, device))).isNotNull();

        ListAccountsResponse first = sso.listAccounts(r -> r.accessToken(token.accessToken()).maxResults(2));
        assertThat(first.accountList()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        List<String> names = sso.listAccountsPaginator(r -> r.accessToken(token.accessToken()).maxResults(2))
                .accountList().stream().map(AccountInfo::accountName).toList();
        assertThat(names).containsExactly("dev", "stage", "prod");
        assertThat(sso.listAccountRoles(r -> r.accessToken(token.accessToken()).accountId("444444444444")).roleList())
                .extracting(RoleInfo::roleName).containsExactly("AdministratorAccess", "ReadOnlyAccess");

        RoleCredentials creds = sso.getRoleCredentials(r -> r.accessToken(token.accessToken())
                .accountId("444444444444").roleName("ReadOnlyAccess")).roleCredentials();
        assertThat(Instant.ofEpochMilli(creds.expiration())).isEqualTo(sandbox.clock().now().plus(Duration.ofHours(1)));
        AwsSessionCredentials session = AwsSessionCredentials.create(creds.accessKeyId(), creds.secretAccessKey(),
                creds.sessionToken());
        try (StsClient sts = clients.sts(session); EcsClient ecs = clients.ecs(session)) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();
            assertThat(id.account()).isEqualTo("444444444444");
            assertThat(id.arn()).matches("arn:aws:sts::444444444444:assumed-role/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}/alice");
            assertThat(ecs.listClusters().clusterArns()).isNotEmpty();
            EcsException denied = catchThrowableOfType(EcsException.class, () ->
                    ecs.updateService(b -> b.cluster("app").service("app-web").desiredCount(1)));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        }
    }

    @Test
    void bobsDeniedApprovalIsAccessDenied() throws Exception {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(decide(device.userCode(), "bob", "deny")).isEqualTo(200);
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> poll(client, device));
        assertThat(e.error()).isEqualTo("access_denied");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(decide(device.userCode(), "bob", "approve")).isEqualTo(404);
    }

    @Test
    void assignmentsDifferPerUser() throws Exception {
        String bob = signIn("bob");
        assertThat(sso.listAccounts(r -> r.accessToken(bob)).accountList()).extracting(AccountInfo::accountId)
                .containsExactly("222222222222");
        SsoException forbidden = catchThrowableOfType(SsoException.class, () -> sso.getRoleCredentials(r -> r.accessToken(bob)
                .accountId("444444444444").roleName("ReadOnlyAccess")));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");

        String carol = signIn("carol");
        assertThat(sso.listAccounts(r -> r.accessToken(carol)).accountList()).hasSize(3);
        assertThat(sso.listAccountRoles(r -> r.accessToken(carol).accountId("222222222222")).roleList())
                .extracting(RoleInfo::roleName).containsExactly("ReadOnlyAccess");
        assertThat(catchThrowableOfType(SsoException.class, () -> sso.getRoleCredentials(r -> r.accessToken(carol)
                .accountId("222222222222").roleName("AdministratorAccess"))).statusCode()).isEqualTo(403);
    }

    @Test
    void aClosedAccountLeavesThePortalAndItsCredentialsAreForbidden() throws Exception {
        String alice = signIn("alice");
        sandbox.control().closeAccount("444444444444");
        assertThat(sso.listAccounts(r -> r.accessToken(alice)).accountList()).extracting(AccountInfo::accountId)
                .containsExactly("222222222222", "333333333333");
        SsoException forbidden = catchThrowableOfType(SsoException.class, () -> sso.getRoleCredentials(r -> r
                .accessToken(alice).accountId("444444444444").roleName("ReadOnlyAccess")));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.awsErrorDetails().errorCode()).isEqualTo("ForbiddenException");
        assertThat(forbidden.awsErrorDetails().errorMessage()).isEqualTo("No access");
    }

    @Test
    void anAccountsReadOnlyRoleTrustsItsAdministratorsPermissionSet() throws Exception {
        String alice = signIn("alice");
        RoleCredentials admin = sso.getRoleCredentials(r -> r.accessToken(alice).accountId("333333333333")
                .roleName("AdministratorAccess")).roleCredentials();
        RoleCredentials readOnly = sso.getRoleCredentials(r -> r.accessToken(alice).accountId("333333333333")
                .roleName("ReadOnlyAccess")).roleCredentials();
        try (StsClient asAdmin = clients.sts(AwsSessionCredentials.create(admin.accessKeyId(), admin.secretAccessKey(),
                admin.sessionToken()));
             StsClient asReader = clients.sts(AwsSessionCredentials.create(readOnly.accessKeyId(),
                     readOnly.secretAccessKey(), readOnly.sessionToken()))) {
            assertThat(asAdmin.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/readonly")
                    .roleSessionName("alice")).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::333333333333:assumed-role/readonly/alice");
            assertThat(catchThrowableOfType(software.amazon.awssdk.services.sts.model.StsException.class,
                    () -> asReader.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/readonly")
                            .roleSessionName("alice"))).awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void tokensExpireOnTheSandboxClockAndRefreshWithinTheSession() throws Exception {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        decide(device.userCode(), "alice", "approve");
        CreateTokenResponse token = poll(client, device);

        sandbox.clock().advance(Duration.ofMinutes(61));
        UnauthorizedException expired = catchThrowableOfType(UnauthorizedException.class, () ->
                sso.listAccounts(r -> r.accessToken(token.accessToken())));
        assertThat(expired.statusCode()).isEqualTo(401);

        CreateTokenResponse refreshed = oidc.createToken(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).grantType("refresh_token").refreshToken(token.refreshToken()));
        assertThat(refreshed.accessToken()).isNotEqualTo(token.accessToken());
        assertThat(sso.listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).hasSize(3);
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> oidc.createToken(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).grantType("refresh_token").refreshToken(token.refreshToken()))))
                .as("a refresh token is single-use").isNotNull();

        sandbox.clock().advance(Duration.ofHours(8));
        assertThat(catchThrowableOfType(InvalidGrantException.class, () -> oidc.createToken(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).grantType("refresh_token").refreshToken(refreshed.refreshToken()))))
                .as("the session has ended").isNotNull();
    }

    @Test
    void aDeviceCodeExpiresAfterTenMinutes() {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        sandbox.clock().advance(Duration.ofMinutes(10));
        assertThat(catchThrowableOfType(ExpiredTokenException.class, () -> poll(client, device)).error())
                .isEqualTo("expired_token");
    }

    @Test
    void theSsoProfileSetNamesTheUsersAssignments() {
        String alice = sandbox.awsSsoConfig("alice");
        assertThat(alice).contains("[sso-session sandbox-sso]\nsso_start_url = " + START_URL + "\nsso_region = us-east-1")
                .contains("[profile sandbox-sso-prod-readonly]\nsso_session = sandbox-sso\nsso_account_id = 444444444444\n"
                        + "sso_role_name = ReadOnlyAccess\nregion = us-east-1\nendpoint_url = " + sandbox.endpoint());
        assertThat(alice.split("\\[profile ")).hasSize(7);
        assertThat(sandbox.awsSsoConfig("bob").split("\\[profile ")).hasSize(3);
        assertThat(sandbox.awsSsoConfig("carol")).doesNotContain("AdministratorAccess");
    }

    private String signIn(String user) throws IOException, InterruptedException {
        RegisterClientResponse client = register();
        StartDeviceAuthorizationResponse device = start(client);
        decide(device.userCode(), user, "approve");
        return poll(client, device).accessToken();
    }

    private RegisterClientResponse register() {
        return oidc.registerClient(r -> r.clientName("harbormaster-test").clientType("public").scopes("sso:account:access"));
    }

    private StartDeviceAuthorizationResponse start(RegisterClientResponse c) {
        return oidc.startDeviceAuthorization(r -> r.clientId(c.clientId()).clientSecret(c.clientSecret()).startUrl(START_URL));
    }

    private CreateTokenResponse poll(RegisterClientResponse c, StartDeviceAuthorizationResponse d) {
        return oidc.createToken(r -> r.clientId(c.clientId()).clientSecret(c.clientSecret()).grantType(DEVICE_GRANT)
                .deviceCode(d.deviceCode()));
    }

    private int decide(String userCode, String user, String decision) throws IOException, InterruptedException {
        String form = "user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8) + "&user=" + user
                + "&decision=" + decision;
        HttpRequest post = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/sso/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return browser.send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
