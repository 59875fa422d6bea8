package io.harbormaster.sandbox.sso;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.SandboxResponse;
import io.harbormaster.sandbox.core.ServiceHandler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.iam.Role;
import io.harbormaster.sandbox.iam.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SSO portal API (service sso, REST-JSON, bearer token in {@code x-amz-sso_bearer_token}): GetRoleCredentials,
 * ListAccounts, ListAccountRoles (paged by next_token / max_result) and Logout.
 */
final class SsoPortalHandler implements ServiceHandler {

    private static final String BEARER = "x-amz-sso_bearer_token";
    private static final Set<String> PATHS = Set.of("/federation/credentials", "/assignment/accounts",
            "/assignment/roles", "/logout");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final World world;
    private final Edge edge;
    private final IdentityCenter center;

    SsoPortalHandler(World world, Edge edge, IdentityCenter center) {
        this.world = world;
        this.edge = edge;
        this.center = center;
    }

    @Override
    public String name() {
        return "sso";
    }

    @Override
    public boolean accepts(SandboxRequest r) {
        return PATHS.contains(r.path()) && r.header("x-amz-target") == null;
    }

    @Override
    public SandboxResponse handle(SandboxRequest r) {
        String id = edge.requestIds().next();
        try {
            Map<String, String> q = RestJson.query(r);
            ObjectNode out = world.locked(() -> {
                IdentityCenter.Token token = center.liveToken(r.header(BEARER));
                if (token == null) {
                    throw failure(401, "UnauthorizedException", "Session token not found or invalid");
                }
                return switch (r.path()) {
                    case "/federation/credentials" -> roleCredentials(token, required(q, "account_id"), required(q, "role_name"));
                    case "/assignment/accounts" -> accounts(token, q);
                    case "/assignment/roles" -> roles(token, required(q, "account_id"), q);
                    default -> {
                        center.logout(token);
                        yield RestJson.object();
                    }
                };
            });
            return RestJson.ok(id, out);
        } catch (RestJson.Failure f) {
            return RestJson.error(id, f);
        } catch (RuntimeException e) {
            edge.logFailure(name(), e);
            return RestJson.error(id, failure(500, "InternalServerException", "Internal error."));
        }
    }

    private ObjectNode roleCredentials(IdentityCenter.Token token, String accountId, String roleName) {
        Role role = center.assignedRole(token.user(), accountId, roleName);
        if (role == null) {
            throw failure(403, "ForbiddenException", "No access");
        }
        Session s = center.roleCredentials(token.user(), role);
        ObjectNode c = RestJson.object().put("accessKeyId", s.accessKeyId()).put("secretAccessKey", s.secretAccessKey())
                .put("sessionToken", s.sessionToken()).put("expiration", s.expiration().toEpochMilli());
        ObjectNode out = RestJson.object();
        out.set("roleCredentials", c);
        return out;
    }

    private ObjectNode accounts(IdentityCenter.Token token, Map<String, String> q) {
        List<ObjectNode> all = new ArrayList<>();
        for (IdentityCenter.Assignment a : center.assignments(token.user())) {
            all.add(RestJson.object().put("accountId", a.account().id()).put("accountName", a.account().name())
                    .put("emailAddress", "aws+" + a.account().name() + "@harbormaster.example"));
        }
        return page(all, q, "accountList");
    }

    private ObjectNode roles(IdentityCenter.Token token, String accountId, Map<String, String> q) {
        List<ObjectNode> all = new ArrayList<>();
        for (IdentityCenter.Assignment a : center.assignments(token.user())) {
            if (a.account().id().equals(accountId)) {
                a.permissionSets().forEach(set -> all.add(RestJson.object().put("roleName", set).put("accountId", accountId)));
            }
        }
        return page(all, q, "roleList");
    }

    private static ObjectNode page(List<ObjectNode> all, Map<String, String> q, String member) {
        int size = DEFAULT_PAGE;
        if (q.containsKey("max_result")) {
            try {
                size = Integer.parseInt(q.get("max_result"));
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE) {
                throw failure(400, "InvalidRequestException", "max_result must be between 1 and " + MAX_PAGE);
            }
        }
        int from = 0;
        String next = q.get("next_token");
        if (next != null && !next.isEmpty()) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw failure(400, "InvalidRequestException", "Invalid next token");
            }
        }
        int to = Math.min(all.size(), from + size);
        ObjectNode out = RestJson.object();
        ArrayNode list = out.putArray(member);
        all.subList(from, to).forEach(list::add);
        if (to < all.size()) {
            out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            throw failure(400, "InvalidRequestException", name + " is required");
        }
        return v;
    }

    private static RestJson.Failure failure(int status, String type, String message) {
        return new RestJson.Failure(status, type, RestJson.object().put("message", message));
    }
}
