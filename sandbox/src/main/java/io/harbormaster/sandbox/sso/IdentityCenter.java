package io.harbormaster.sandbox.sso;

import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.iam.Account;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.Role;
import io.harbormaster.sandbox.iam.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * IAM Identity Center for the sandbox's organization: one instance (start URL), the users alice, bob and carol, the
 * permission sets AdministratorAccess and ReadOnlyAccess provisioned as AWSReservedSSO_* roles in every environment
 * account, assignments per user, and the OIDC state (registered clients, device authorizations, tokens).
 * Expiry runs on the sandbox clock; the device-flow polling rate (slow_down) on real time, as rate limits do.
 * Every method must be called under the world lock.
 */
public final class IdentityCenter {

    public static final String START_URL = "https://harbormaster-sandbox.awsapps.com/start";
    public static final String ADMIN = "AdministratorAccess";
    public static final String READ_ONLY = "ReadOnlyAccess";
    static final Duration CLIENT_LIFETIME = Duration.ofDays(90);
    static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(10);
    static final int POLL_INTERVAL_SECONDS = 1;
    /** Access tokens with refresh (sso:account:access scope) live one hour; the session they refresh within, eight. */
    static final Duration REFRESHABLE_TOKEN_LIFETIME = Duration.ofHours(1);
    static final Duration SESSION_LIFETIME = Duration.ofHours(8);
    static final Duration ROLE_CREDENTIALS_LIFETIME = Duration.ofHours(1);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    record Client(String clientId, String clientSecret, String name, Instant issuedAt, Instant expiresAt,
                  List<String> scopes) {
    }

    enum Approval { PENDING, APPROVED, DENIED }

    static final class DeviceAuthorization {
        final String deviceCode;
        final String userCode;
        final String clientId;
        final Instant expiresAt;
        Approval approval = Approval.PENDING;
        String user;
        boolean redeemed;
        long lastPollNanos = Long.MIN_VALUE;

        DeviceAuthorization(String deviceCode, String userCode, String clientId, Instant expiresAt) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.expiresAt = expiresAt;
        }
    }

    /** An access token (and the refresh token beside it, if any) of one user's portal session. */
    record Token(String accessToken, String refreshToken, String user, String clientId, Instant expiresAt,
                 Instant sessionEndsAt) {
    }

    /** One account a user may enter and the permission sets assigned there. */
    record Assignment(Account account, List<String> permissionSets) {
    }

    private final World world;
    private final Iam iam;
    private final LongSupplier nanoTime;
    private final SplittableRandom random;
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, DeviceAuthorization> byDeviceCode = new HashMap<>();
    private final Map<String, DeviceAuthorization> byUserCode = new HashMap<>();
    private final Map<String, Token> byAccessToken = new HashMap<>();
    private final Map<String, Token> byRefreshToken = new HashMap<>();
    /** account id → permission set name → the role provisioned for it. */
    private final Map<String, Map<String, Role>> provisioned = new LinkedHashMap<>();
    private final java.util.Set<String> closed = new java.util.HashSet<>();

    public IdentityCenter(World world, Iam iam, LongSupplier nanoTime) {
        this.world = world;
        this.iam = iam;
        this.nanoTime = nanoTime;
        this.random = new SplittableRandom(world.seed() ^ 0x550_1DC_0FFEEL);
        for (Account env : Iam.ENVIRONMENTS) {
            Map<String, Role> sets = new LinkedHashMap<>();
            for (String set : List.of(ADMIN, READ_ONLY)) {
                String name = "AWSReservedSSO_" + set + "_" + token(16, "0123456789abcdef");
                Role role = new Role(env.id(), name, "AROA" + token(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                        java.util.Set.of(), false, READ_ONLY.equals(set), 43_200);
                iam.addRole(role);
                sets.put(set, role);
            }
            provisioned.put(env.id(), sets);
            // An account's own read-only role trusts its administrators' permission set, so a profile may chain it
            // (role_arn + source_profile = the SSO profile), as the role's trust policy would name the SSO role.
            iam.trust("arn:aws:iam::" + env.id() + ":role/readonly", sets.get(ADMIN).arn());
        }
    }

    /**
     * Closes an account in the organization: the access portal stops listing it and GetRoleCredentials for it answers
     * ForbiddenException, though the assignments stay (as on AWS while a closed account is suspended).
     */
    public void closeAccount(String accountId) {
        closed.add(accountId);
    }

    /** Who may enter what: alice every account as admin or read-only, bob dev only (both), carol read-only everywhere. */
    List<Assignment> assignments(String user) {
        List<Assignment> out = new ArrayList<>();
        for (Account env : Iam.ENVIRONMENTS) {
            List<String> sets = switch (user) {
                case "alice" -> List.of(ADMIN, READ_ONLY);
                case "bob" -> env == Account.DEV ? List.of(ADMIN, READ_ONLY) : List.of();
                case "carol" -> List.of(READ_ONLY);
                default -> List.of();
            };
            if (!sets.isEmpty() && !closed.contains(env.id())) {
                out.add(new Assignment(env, sets));
            }
        }
        return out;
    }

    boolean isUser(String user) {
        return iam.userNames().contains(user);
    }

    Instant now() {
        return world.now();
    }

    Client register(String name, List<String> scopes) {
        Instant now = world.now();
        Client c = new Client(token(22, ALPHABET), "eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0."
                + token(240, ALPHABET), name, now, now.plus(CLIENT_LIFETIME), List.copyOf(scopes));
        clients.put(c.clientId(), c);
        return c;
    }

    /** The client for these credentials, or null when unknown, mismatched or expired. */
    Client client(String clientId, String clientSecret) {
        Client c = clientId == null ? null : clients.get(clientId);
        if (c == null || !c.clientSecret().equals(clientSecret) || !world.now().isBefore(c.expiresAt())) {
            return null;
        }
        return c;
    }

    DeviceAuthorization startDeviceAuthorization(Client client) {
        String userCode;
        do {
            userCode = token(4, USER_CODE_ALPHABET) + "-" + token(4, USER_CODE_ALPHABET);
        } while (byUserCode.containsKey(userCode));
        DeviceAuthorization d = new DeviceAuthorization(token(64, ALPHABET), userCode, client.clientId(),
                world.now().plus(DEVICE_CODE_LIFETIME));
        byDeviceCode.put(d.deviceCode, d);
        byUserCode.put(userCode, d);
        return d;
    }

    DeviceAuthorization byDeviceCode(String deviceCode) {
        return deviceCode == null ? null : byDeviceCode.get(deviceCode);
    }

    DeviceAuthorization byUserCode(String userCode) {
        return userCode == null ? null : byUserCode.get(userCode.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** True when this poll came sooner than the interval after the previous one (and records it either way). */
    boolean tooSoon(DeviceAuthorization d) {
        long now = nanoTime.getAsLong();
        boolean soon = d.lastPollNanos != Long.MIN_VALUE
                && now - d.lastPollNanos < Duration.ofSeconds(POLL_INTERVAL_SECONDS).toNanos();
        d.lastPollNanos = now;
        return soon;
    }

    Token issueToken(Client client, String user, Instant sessionEndsAt) {
        boolean refreshable = client.scopes().contains("sso:account:access");
        Instant now = world.now();
        Instant expires = refreshable ? min(now.plus(REFRESHABLE_TOKEN_LIFETIME), sessionEndsAt) : sessionEndsAt;
        Token t = new Token("aoa" + token(300, ALPHABET), refreshable ? "aor" + token(300, ALPHABET) : null, user,
                client.clientId(), expires, sessionEndsAt);
        byAccessToken.put(t.accessToken(), t);
        if (t.refreshToken() != null) {
            byRefreshToken.put(t.refreshToken(), t);
        }
        return t;
    }

    Token byRefreshToken(String refreshToken) {
        return refreshToken == null ? null : byRefreshToken.get(refreshToken);
    }

    /** A refresh token is single-use: refreshing replaces it. */
    void retire(Token t) {
        byRefreshToken.remove(t.refreshToken());
    }

    /** The live token for a bearer value, or null when unknown, signed out or expired on the sandbox clock. */
    Token liveToken(String accessToken) {
        Token t = accessToken == null ? null : byAccessToken.get(accessToken);
        return t == null || !world.now().isBefore(t.expiresAt()) ? null : t;
    }

    void logout(Token t) {
        byAccessToken.values().removeIf(x -> x.user().equals(t.user()) && x.clientId().equals(t.clientId()));
        byRefreshToken.values().removeIf(x -> x.user().equals(t.user()) && x.clientId().equals(t.clientId()));
    }

    /** The role behind a permission set in an account, or null when the user has no such assignment. */
    Role assignedRole(String user, String accountId, String permissionSet) {
        for (Assignment a : assignments(user)) {
            if (a.account().id().equals(accountId) && a.permissionSets().contains(permissionSet)) {
                return provisioned.get(accountId).get(permissionSet);
            }
        }
        return null;
    }

    Session roleCredentials(String user, Role role) {
        return iam.issue(iam.user(user), role, user, false, ROLE_CREDENTIALS_LIFETIME);
    }

    /** The provisioned role's name (AWSReservedSSO_…) for tests and documentation. */
    public String roleName(String accountId, String permissionSet) {
        return provisioned.get(accountId).get(permissionSet).name();
    }

    /** The user code of the most recent pending device authorization, for tests that approve without reading it. */
    public String pendingUserCode() {
        String last = null;
        for (DeviceAuthorization d : byUserCode.values()) {
            if (d.approval == Approval.PENDING && world.now().isBefore(d.expiresAt)) {
                last = d.userCode;
            }
        }
        return last;
    }

    /** The AWS shared config for the user's assignments: one sso-session and a profile per account and permission set. */
    public String configFile(String user, int port) {
        String endpoint = "http://127.0.0.1:" + port;
        StringBuilder b = new StringBuilder();
        b.append("[sso-session sandbox-sso]\n")
                .append("sso_start_url = ").append(START_URL).append("\n")
                .append("sso_region = us-east-1\n")
                .append("sso_registration_scopes = sso:account:access\n");
        for (Assignment a : assignments(user)) {
            for (String set : a.permissionSets()) {
                b.append("\n[profile sandbox-sso-").append(a.account().name()).append("-")
                        .append(ADMIN.equals(set) ? "admin" : "readonly").append("]\n")
                        .append("sso_session = sandbox-sso\n")
                        .append("sso_account_id = ").append(a.account().id()).append("\n")
                        .append("sso_role_name = ").append(set).append("\n")
                        .append("region = us-east-1\n")
                        .append("endpoint_url = ").append(endpoint).append("\n");
            }
        }
        return b.toString();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private String token(int length, String alphabet) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
