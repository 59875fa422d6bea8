package io.harbormaster.sandbox.iam;

import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Authenticator;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Permissions;
import io.harbormaster.sandbox.core.SandboxRequest;
import io.harbormaster.sandbox.core.World;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's identity world: the ops account's users with their access keys and MFA devices, the environment
 * accounts' roles with their trust policies, and the temporary credentials STS has issued. It resolves the caller
 * of every request from the access key id in the SigV4 Authorization header (signatures are not verified).
 */
public final class Iam implements Authenticator {

    public static final List<Account> ENVIRONMENTS = List.of(Account.DEV, Account.STAGE, Account.PROD);
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

    private final World world;
    private final SplittableRandom keys;
    private final Map<String, IamUser> usersByName = new LinkedHashMap<>();
    private final Map<String, IamUser> usersByKey = new LinkedHashMap<>();
    private final Map<String, Role> rolesByArn = new LinkedHashMap<>();
    /** Sessions STS knows: live ones and those expired less than {@link #FORGET_AFTER} ago. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile boolean enforceExpiry = true;
    private final Set<String> revokedKeys = ConcurrentHashMap.newKeySet();
    /** Each user's attached identity-based policies by name. */
    private final Map<String, Map<String, Policy>> userPolicies = new ConcurrentHashMap<>();
    /** Opt-in regions each account has enabled (none by default: every account has them disabled). */
    private final Map<String, Set<String>> enabledOptIn = new ConcurrentHashMap<>();

    /** AWS's opt-in regions (disabled in an account until enabled); every other region is enabled everywhere. */
    public static final Set<String> OPT_IN_REGIONS = Set.of("af-south-1", "ap-east-1", "ap-east-2", "ap-south-2",
            "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-west-1", "eu-central-2",
            "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1");

    /**
     * How long after it expired a session is still known (its calls answered ExpiredToken); later its key is unknown
     * (InvalidClientTokenId / UnrecognizedClientException), so a long run keeps only the sessions of the last hours.
     * AWS publishes no such time; half a day covers every session a console may still hold (12 hours is the longest a
     * role session lasts).
     */
    public static final Duration FORGET_AFTER = Duration.ofHours(12);
    /** How every session token begins, as AWS's do: a scan finds one by it even after STS forgot the session. */
    public static final String SESSION_TOKEN_PREFIX = "IQoJb3JpZ2luX2VjE";

    public Iam(World world) {
        this.world = world;
        // Keys come from their own stream so that they stay the same whatever else the seed drives.
        SplittableRandom r = new SplittableRandom(world.seed() ^ 0x1A3F_5EED_0F_1A4DL);
        for (String name : List.of("alice", "bob", "carol")) {
            byte[] totp = new byte[20];
            for (int i = 0; i < totp.length; i++) {
                totp[i] = (byte) r.nextInt(256);
            }
            IamUser u = new IamUser(name, Account.OPS.id(), "AIDA" + token(r, 17, KEY_ALPHABET),
                    "AKIA" + token(r, 16, KEY_ALPHABET), token(r, 40, SECRET_ALPHABET), totp);
            usersByName.put(name, u);
            usersByKey.put(u.accessKeyId(), u);
        }
        this.keys = r.split();
        attachUserPolicy("alice", AUDIT_LOG_POLICY);
        attachUserPolicy("bob", AUDIT_LOG_POLICY);
        attachUserPolicy("carol", AUDIT_LOG_READ_POLICY);
        String alice = usersByName.get("alice").arn();
        String bob = usersByName.get("bob").arn();
        String carol = usersByName.get("carol").arn();
        for (Account env : ENVIRONMENTS) {
            Set<String> admins = env == Account.DEV ? Set.of(alice, bob) : Set.of(alice);
            Role admin = new Role(env.id(), "admin", "AROA" + token(r, 17, KEY_ALPHABET), admins, env == Account.PROD,
                    false, 43_200);
            Set<String> readers = env == Account.DEV ? Set.of(alice, bob, carol, admin.arn()) : Set.of(alice, carol, admin.arn());
            Role readonly = new Role(env.id(), "readonly", "AROA" + token(r, 17, KEY_ALPHABET), readers, false, true, 43_200);
            rolesByArn.put(admin.arn(), admin);
            rolesByArn.put(readonly.arn(), readonly);
        }
    }

    private static final List<String> AUDIT_LOG_ARNS = List.of(
            "arn:aws:logs:*:" + Account.OPS.id() + ":log-group:/harbormaster/audit",
            "arn:aws:logs:*:" + Account.OPS.id() + ":log-group:/harbormaster/audit:*");

    /**
     * The policy an ops administrator attaches to the operators who run cutovers (alice and bob; carol, read-only,
     * reads it only): copy the console's journal to the team's audit log group in the ops account and read it back,
     * and nothing else.
     * Streams are resources under the group's ARN ("…:log-group:NAME:log-stream:STREAM"), hence the second ARN.
     */
    public static final Policy AUDIT_LOG_POLICY = new Policy("HarbormasterAuditLog", List.of(Policy.allow(
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams",
                    "logs:GetLogEvents", "logs:FilterLogEvents"), AUDIT_LOG_ARNS)));

    /** Carol's: read the team's audit log (she writes nothing, so has nothing to copy there). */
    public static final Policy AUDIT_LOG_READ_POLICY = new Policy("HarbormasterAuditLogRead", List.of(Policy.allow(
            List.of("logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents"), AUDIT_LOG_ARNS)));

    /** Attaches a policy to a user (replacing one of the same name), as an administrator would in IAM. */
    public void attachUserPolicy(String userName, Policy policy) {
        user(userName);
        userPolicies.computeIfAbsent(userName, k -> new ConcurrentHashMap<>()).put(policy.name(), policy);
    }

    /** Detaches a user's policy by name; true when it was attached. */
    public boolean detachUserPolicy(String userName, String policyName) {
        user(userName);
        Map<String, Policy> attached = userPolicies.get(userName);
        return attached != null && attached.remove(policyName) != null;
    }

    /** The names of the policies attached to a user. */
    public List<String> userPolicyNames(String userName) {
        user(userName);
        return List.copyOf(userPolicies.getOrDefault(userName, Map.of()).keySet());
    }

    private Permissions permissionsOf(String userName) {
        Map<String, Policy> attached = userPolicies.get(userName);
        return attached == null || attached.isEmpty() ? Permissions.NONE : Policy.of(List.copyOf(attached.values()));
    }

    private static String token(SplittableRandom r, int length, String alphabet) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    public List<String> userNames() {
        return List.copyOf(usersByName.keySet());
    }

    public IamUser user(String name) {
        IamUser u = usersByName.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no sandbox user " + name + "; users are " + usersByName.keySet());
        }
        return u;
    }

    public Role role(String arn) {
        return rolesByArn.get(arn);
    }

    /**
     * Adds a role another service owns (IAM Identity Center's AWSReservedSSO_* roles). Must be called under the
     * world lock; a role with that ARN must not exist yet.
     */
    public void addRole(Role role) {
        if (rolesByArn.putIfAbsent(role.arn(), role) != null) {
            throw new IllegalStateException(role.arn() + " already exists");
        }
    }

    /**
     * Adds a principal to a role's trust policy (Identity Center's permission set roles, trusted to chain into an
     * account's own roles). Must be called under the world lock.
     */
    public void trust(String roleArn, String principalArn) {
        Role r = rolesByArn.get(roleArn);
        if (r == null) {
            throw new IllegalStateException(roleArn + " does not exist");
        }
        java.util.Set<String> trusted = new java.util.HashSet<>(r.trusted());
        trusted.add(principalArn);
        rolesByArn.put(roleArn, new Role(r.accountId(), r.name(), r.roleId(), java.util.Set.copyOf(trusted),
                r.requiresMfa(), r.readOnly(), r.maxSessionSeconds()));
    }

    public void setEnforceExpiry(boolean on) {
        enforceExpiry = on;
    }

    public boolean enforceExpiry() {
        return enforceExpiry;
    }

    /**
     * Deactivates (or, with {@code revoked} false, reactivates) the user's access key: calls signed with it get
     * InvalidClientTokenId / UnrecognizedClientException. Sessions already issued from it keep working until they
     * expire, as on AWS (deactivating a key does not revoke its sessions).
     */
    public void setKeyRevoked(String userName, boolean revoked) {
        String key = user(userName).accessKeyId();
        if (revoked) {
            revokedKeys.add(key);
        } else {
            revokedKeys.remove(key);
        }
    }

    /** Enables or disables an opt-in region for an account; regions that are not opt-in are always enabled. */
    public void setRegionEnabled(String accountId, String region, boolean enabled) {
        if (!OPT_IN_REGIONS.contains(region)) {
            if (!enabled) {
                throw new IllegalArgumentException(region + " is not an opt-in region; it cannot be disabled");
            }
            return;
        }
        Set<String> set = enabledOptIn.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet());
        if (enabled) {
            set.add(region);
        } else {
            set.remove(region);
        }
    }

    public boolean regionEnabled(String accountId, String region) {
        return !OPT_IN_REGIONS.contains(region) || enabledOptIn.getOrDefault(accountId, Set.of()).contains(region);
    }

    /**
     * A request signed for a region the caller's account has not enabled: STS says it is not activated there
     * (RegionDisabledException, 403); every other service does not recognise the credentials, as AWS does.
     */
    private Caller checkRegion(Caller c, SandboxRequest.CredentialScope scope) {
        if (regionEnabled(c.account(), scope.region())) {
            return c;
        }
        if ("sts".equals(scope.service())) {
            throw new AwsException("RegionDisabledException", "RegionDisabledException", 403, true,
                    "STS is not activated in this region for account:" + c.account()
                            + ". Your account administrator can activate STS in this region using the IAM Console.");
        }
        throw AwsException.unrecognizedClient();
    }

    @Override
    public Caller authenticate(SandboxRequest request) {
        SandboxRequest.CredentialScope scope = request.credentialScope();
        if (scope == null) {
            throw AwsException.missingAuthentication();
        }
        String keyId = scope.accessKeyId();
        IamUser user = usersByKey.get(keyId);
        if (user != null) {
            if (revokedKeys.contains(keyId)) {
                throw AwsException.unrecognizedClient();
            }
            return checkRegion(new Caller(Account.OPS.id(), scope.region(), user.arn(), user.userId(), Caller.Kind.USER,
                    null, false, false, user.name(), null, permissionsOf(user.name())), scope);
        }
        Session s = sessions.get(keyId);
        if (s == null) {
            throw AwsException.unrecognizedClient();
        }
        String token = request.header("x-amz-security-token");
        if (token == null || !token.equals(s.sessionToken())) {
            throw AwsException.unrecognizedClient();
        }
        if (enforceExpiry && !world.clock().now().isBefore(s.expiration())) {
            throw AwsException.expiredToken();
        }
        if (s.role() == null) {
            return checkRegion(new Caller(Account.OPS.id(), scope.region(), s.arn(), s.userId(), Caller.Kind.SESSION,
                    null, false, s.mfa(), s.user().name(), s.expiration(), permissionsOf(s.user().name())), scope);
        }
        return checkRegion(new Caller(s.role().accountId(), scope.region(), s.arn(), s.userId(), Caller.Kind.ROLE,
                s.role().name(), s.role().readOnly(), s.mfa(), s.user().name(), s.expiration(), Permissions.NONE), scope);
    }

    /**
     * Every temporary credential issued and not forgotten yet ({@link #FORGET_AFTER} after its expiry): a test scans
     * the console's files for them.
     */
    public List<Session> issuedSessions() {
        return List.copyOf(sessions.values());
    }

    /** Issues temporary credentials; must be called under the world lock (it draws from seeded randomness). */
    public Session issue(IamUser user, Role role, String sessionName, boolean mfa, Duration lifetime) {
        String keyId;
        do {
            keyId = "ASIA" + token(keys, 16, KEY_ALPHABET);
        } while (sessions.containsKey(keyId));
        String secret = token(keys, 40, SECRET_ALPHABET);
        String sessionToken = SESSION_TOKEN_PREFIX + token(keys, 300, SECRET_ALPHABET);
        Instant expiration = world.now().plus(lifetime);
        Session s = new Session(keyId, secret, sessionToken, expiration, user, role, sessionName, mfa);
        forgetExpired(world.now());
        sessions.put(keyId, s);
        return s;
    }

    /** Drops the sessions expired more than {@link #FORGET_AFTER} ago; none while expiry is not enforced. */
    private void forgetExpired(Instant now) {
        if (enforceExpiry) {
            Instant before = now.minus(FORGET_AFTER);
            sessions.values().removeIf(old -> old.expiration().isBefore(before));
        }
    }

    public IamUser userOf(Caller caller) {
        return usersByName.get(caller.userName());
    }

    /** The text of an AWS shared config file with the sandbox profiles for a user. */
    public String configFile(String userName, int port) {
        IamUser u = user(userName);
        String endpoint = "http://127.0.0.1:" + port;
        StringBuilder b = new StringBuilder();
        b.append("[profile sandbox-ops]\n")
                .append("region = us-east-1\n")
                .append("endpoint_url = ").append(endpoint).append("\n");
        boolean readOnlyUser = "carol".equals(u.name());
        for (Account env : ENVIRONMENTS) {
            String role = readOnlyUser ? "readonly" : "admin";
            b.append("\n[profile sandbox-").append(env.name()).append("]\n")
                    .append("role_arn = arn:aws:iam::").append(env.id()).append(":role/").append(role).append("\n")
                    .append("source_profile = sandbox-ops\n")
                    .append("role_session_name = ").append(u.name()).append("\n");
            if (!readOnlyUser && env == Account.PROD) {
                b.append("mfa_serial = ").append(u.mfaSerial()).append("\n");
            }
            b.append("region = us-east-1\n")
                    .append("endpoint_url = ").append(endpoint).append("\n");
        }
        return b.toString();
    }

    /** The text of an AWS shared credentials file with the user's ops access key. */
    public String credentialsFile(String userName) {
        IamUser u = user(userName);
        return "[sandbox-ops]\n"
                + "aws_access_key_id = " + u.accessKeyId() + "\n"
                + "aws_secret_access_key = " + u.secretAccessKey() + "\n";
    }
}
