package io.harbormaster.sandbox.sts;

import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.Call;
import io.harbormaster.sandbox.core.Caller;
import io.harbormaster.sandbox.core.Edge;
import io.harbormaster.sandbox.core.QueryParams;
import io.harbormaster.sandbox.core.QueryService;
import io.harbormaster.sandbox.core.Throttler;
import io.harbormaster.sandbox.core.World;
import io.harbormaster.sandbox.core.Xml;
import io.harbormaster.sandbox.iam.Iam;
import io.harbormaster.sandbox.iam.IamUser;
import io.harbormaster.sandbox.iam.Role;
import io.harbormaster.sandbox.iam.Session;
import io.harbormaster.sandbox.iam.Totp;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** AWS STS over the query protocol: GetCallerIdentity, AssumeRole, GetSessionToken. */
public final class StsHandler extends QueryService {

    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:.*/)?([\\w+=,.@-]+)");
    private static final Pattern TOKEN_CODE = Pattern.compile("\\d{6}");

    private final Iam iam;

    public StsHandler(World world, Edge edge, Iam iam) {
        super(world, edge, "sts", "2011-06-15", NAMESPACE);
        this.iam = iam;
        op("GetCallerIdentity", "identity", this::getCallerIdentity);
        op("AssumeRole", "credentials", this::assumeRole);
        op("GetSessionToken", "credentials", this::getSessionToken);
    }

    @Override
    public String name() {
        return "sts";
    }

    @Override
    protected Throttler.Rate rate(String family) {
        return new Throttler.Rate(100, 50);
    }

    private void getCallerIdentity(Call call, QueryParams p, Xml out) {
        Caller c = call.caller();
        out.leaf("Arn", c.arn()).leaf("UserId", c.userId()).leaf("Account", c.account());
    }

    private void assumeRole(Call call, QueryParams p, Xml out) {
        Caller caller = call.caller();
        String roleArn = p.required("RoleArn");
        String sessionName = p.required("RoleSessionName");
        if (roleArn.length() < 20 || roleArn.length() > 2048) {
            throw QueryParams.validation("Value '" + roleArn + "' at 'roleArn' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 20");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw QueryParams.validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        Integer duration = p.integer("DurationSeconds");
        if (duration != null && (duration < 900 || duration > 43_200)) {
            throw QueryParams.validation("Value '" + duration + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value " + (duration < 900 ? "greater than or equal to 900" : "less than or equal to 43200"));
        }
        String serial = p.string("SerialNumber");
        String tokenCode = p.string("TokenCode");
        checkTokenCodeShape(tokenCode);

        Role role = ROLE_ARN.matcher(roleArn).matches() ? iam.role(roleArn) : null;
        String denied = "User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn;
        if (role == null) {
            throw AwsException.accessDenied(denied);
        }
        String principal = caller.isRole()
                ? "arn:aws:iam::" + caller.account() + ":role/" + caller.roleName()
                : "arn:aws:iam::" + caller.account() + ":user/" + caller.userName();
        if (!role.trusted().contains(principal)) {
            throw AwsException.accessDenied(denied);
        }
        IamUser user = iam.userOf(caller);
        boolean mfa = caller.mfa();
        if (serial != null || tokenCode != null) {
            mfa = verifyMfa(user, serial, tokenCode) || mfa;
        }
        if (role.requiresMfa() && !mfa) {
            throw AwsException.accessDenied(denied + " because the role's trust policy requires MFA "
                    + "(aws:MultiFactorAuthPresent) and no MFA code was presented");
        }
        int seconds = duration == null ? 3600 : duration;
        if (caller.isRole() && seconds > 3600) {
            throw QueryParams.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (seconds > role.maxSessionSeconds()) {
            throw QueryParams.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Session s = iam.issue(user, role, sessionName, mfa, Duration.ofSeconds(seconds));
        out.open("AssumedRoleUser").leaf("AssumedRoleId", s.userId()).leaf("Arn", s.arn()).close("AssumedRoleUser");
        credentials(out, s);
    }

    private void getSessionToken(Call call, QueryParams p, Xml out) {
        Caller caller = call.caller();
        if (caller.kind() != Caller.Kind.USER) {
            throw AwsException.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        Integer duration = p.integer("DurationSeconds");
        if (duration != null && (duration < 900 || duration > 129_600)) {
            throw QueryParams.validation("Value '" + duration + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value " + (duration < 900 ? "greater than or equal to 900" : "less than or equal to 129600"));
        }
        String serial = p.string("SerialNumber");
        String tokenCode = p.string("TokenCode");
        checkTokenCodeShape(tokenCode);
        IamUser user = iam.userOf(caller);
        boolean mfa = (serial != null || tokenCode != null) && verifyMfa(user, serial, tokenCode);
        Session s = iam.issue(user, null, null, mfa, Duration.ofSeconds(duration == null ? 43_200 : duration));
        credentials(out, s);
    }

    private static void checkTokenCodeShape(String tokenCode) {
        if (tokenCode != null && !TOKEN_CODE.matcher(tokenCode).matches()) {
            throw QueryParams.validation("Value '" + tokenCode + "' at 'tokenCode' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\d]* and have length 6");
        }
    }

    /** True when serial names the user's device and code is valid now; AccessDenied otherwise, as AWS. */
    private boolean verifyMfa(IamUser user, String serial, String tokenCode) {
        if (serial == null || tokenCode == null) {
            throw AwsException.accessDenied("MultiFactorAuthentication failed, unable to validate MFA code: "
                    + "both SerialNumber and TokenCode are required");
        }
        if (!serial.equals(user.mfaSerial())) {
            throw AwsException.accessDenied("MultiFactorAuthentication failed, unable to validate MFA code: "
                    + "no MFA device " + serial + " for user " + user.name());
        }
        if (!Totp.verify(user.totpSecret(), world.now(), tokenCode)) {
            throw AwsException.accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code. ");
        }
        return true;
    }

    private static void credentials(Xml out, Session s) {
        out.open("Credentials")
                .leaf("AccessKeyId", s.accessKeyId())
                .leaf("SecretAccessKey", s.secretAccessKey())
                .leaf("SessionToken", s.sessionToken())
                .leaf("Expiration", DateTimeFormatter.ISO_INSTANT.format(s.expiration()))
                .close("Credentials");
    }
}
