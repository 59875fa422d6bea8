package io.harbormaster.sandbox.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.SandboxResponse;
import io.harbormaster.sandbox.core.ServiceHandler;
import io.harbormaster.sandbox.core.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SSO OIDC (service oidc, REST-JSON): RegisterClient, StartDeviceAuthorization and CreateToken with the device_code
 * and refresh_token grants. Unsigned, as on AWS: clients authenticate with their client id and secret in the body.
 * Errors carry {@code error} and {@code error_description} as RFC 8628 names them.
 */
final class SsoOidcHandler implements ServiceHandler {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Set<String> PATHS = Set.of("/client/register", "/device_authorization", "/token");

    private final World world;
    private final Edge edge;
    private final IdentityCenter center;

    SsoOidcHandler(World world, Edge edge, IdentityCenter center) {
        this.world = world;
        this.edge = edge;
        this.center = center;
    }

    @Override
    public String name() {
        return "sso-oidc";
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        return "POST".equals(r.method()) && PATHS.contains(r.path()) && r.header("x-amz-target") == null;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String id = edge.requestIds().next();
        try {
            JsonNode in = RestJson.body(request);
            ObjectNode out = world.locked(() -> switch (request.path()) {
                case "/client/register" -> register(in);
                case "/device_authorization" -> startDeviceAuthorization(in, request.header("host"));
                default -> createToken(in);
            });
            return RestJson.ok(id, out);
        } catch (RestJson.Failure f) {
            return RestJson.error(id, f);
        } catch (RuntimeException e) {
            edge.logFailure(name(), e);
            return RestJson.error(id, failure(500, "InternalServerException", "server_error", "Internal error."));
        }
    }

    private ObjectNode register(JsonNode in) {
        String name = required(in, "clientName");
        String type = required(in, "clientType");
        if (!"public".equals(type)) {
            throw invalidRequest("Invalid client type: " + type);
        }
        List<String> scopes = new ArrayList<>();
        in.path("scopes").forEach(s -> scopes.add(s.asText()));
        IdentityCenter.Client c = center.register(name, scopes);
        return RestJson.object().put("clientId", c.clientId()).put("clientSecret", c.clientSecret())
                .put("clientIdIssuedAt", c.issuedAt().getEpochSecond())
                .put("clientSecretExpiresAt", c.expiresAt().getEpochSecond());
    }

    private ObjectNode startDeviceAuthorization(JsonNode in, String host) {
        IdentityCenter.Client c = client(in);
        String startUrl = required(in, "startUrl");
        if (!IdentityCenter.START_URL.equals(startUrl)) {
            throw invalidRequest("Invalid start URL: " + startUrl);
        }
        IdentityCenter.DeviceAuthorization d = center.startDeviceAuthorization(c);
        String page = "http://" + (host == null ? "127.0.0.1" : host) + ApprovalPage.PATH;
        return RestJson.object().put("deviceCode", d.deviceCode).put("userCode", d.userCode)
                .put("verificationUri", page).put("verificationUriComplete", page + "?user_code=" + d.userCode)
                .put("expiresIn", IdentityCenter.DEVICE_CODE_LIFETIME.toSeconds())
                .put("interval", IdentityCenter.POLL_INTERVAL_SECONDS);
    }

    private ObjectNode createToken(JsonNode in) {
        IdentityCenter.Client c = client(in);
        String grant = required(in, "grantType");
        if (DEVICE_GRANT.equals(grant)) {
            return deviceCodeGrant(c, required(in, "deviceCode"));
        }
        if ("refresh_token".equals(grant)) {
            return refreshGrant(c, required(in, "refreshToken"));
        }
        throw failure(400, "UnsupportedGrantTypeException", "unsupported_grant_type", "Unsupported grant type: " + grant);
    }

    private ObjectNode deviceCodeGrant(IdentityCenter.Client c, String deviceCode) {
        IdentityCenter.DeviceAuthorization d = center.byDeviceCode(deviceCode);
        if (d == null || !d.clientId.equals(c.clientId()) || d.redeemed) {
            throw failure(400, "InvalidGrantException", "invalid_grant", "Invalid grant provided");
        }
        if (!center.now().isBefore(d.expiresAt)) {
            throw failure(400, "ExpiredTokenException", "expired_token", "Device code has expired");
        }
        if (center.tooSoon(d)) {
            throw failure(400, "SlowDownException", "slow_down", "Client is polling too frequently");
        }
        switch (d.approval) {
            case PENDING -> throw failure(400, "AuthorizationPendingException", "authorization_pending",
                    "Authorization is still pending");
            case DENIED -> throw failure(400, "AccessDeniedException", "access_denied", "Access denied");
            default -> {
            }
        }
        d.redeemed = true;
        return token(center.issueToken(c, d.user, center.now().plus(IdentityCenter.SESSION_LIFETIME)));
    }

    private ObjectNode refreshGrant(IdentityCenter.Client c, String refreshToken) {
        IdentityCenter.Token old = center.byRefreshToken(refreshToken);
        if (old == null || !old.clientId().equals(c.clientId()) || !center.now().isBefore(old.sessionEndsAt())) {
            throw failure(400, "InvalidGrantException", "invalid_grant", "Invalid grant provided");
        }
        center.retire(old);
        return token(center.issueToken(c, old.user(), old.sessionEndsAt()));
    }

    private ObjectNode token(IdentityCenter.Token t) {
        ObjectNode out = RestJson.object().put("accessToken", t.accessToken()).put("tokenType", "Bearer")
                .put("expiresIn", Duration.between(center.now(), t.expiresAt()).toSeconds());
        if (t.refreshToken() != null) {
            out.put("refreshToken", t.refreshToken());
        }
        return out;
    }

    private IdentityCenter.Client client(JsonNode in) {
        IdentityCenter.Client c = center.client(required(in, "clientId"), required(in, "clientSecret"));
        if (c == null) {
            throw failure(401, "InvalidClientException", "invalid_client", "Invalid client provided");
        }
        return c;
    }

    private static String required(JsonNode in, String member) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw invalidRequest(member + " is required");
        }
        return v.asText();
    }

    private static RestJson.Failure invalidRequest(String description) {
        return failure(400, "InvalidRequestException", "invalid_request", description);
    }

    private static RestJson.Failure failure(int status, String type, String error, String description) {
        return new RestJson.Failure(status, type, RestJson.object().put("error", error).put("error_description", description));
    }
}
