package io.harbormaster.sandbox.core;

import java.time.Instant;

/**
 * Who made a call, resolved from the access key id in the SigV4 Authorization header.
 *
 * @param account      the account the caller acts in (the role's account for an assumed role)
 * @param region       the region from the credential scope
 * @param arn          user ARN or assumed-role ARN
 * @param userId       AIDA… for users, AROA…:session for assumed roles
 * @param kind         what kind of credentials were presented
 * @param roleName     the assumed role's name, null for users
 * @param readOnly     true when the principal may only call Describe*, List* and Get*
 * @param mfa          true when the credentials were obtained with an MFA code
 * @param userName     the IAM user behind the call (also for assumed roles: the original login)
 * @param expiration   when temporary credentials expire, null for long-term keys
 * @param permissions  what the user's attached policies allow (users and their GetSessionToken sessions)
 */
public record Caller(String account, String region, String arn, String userId, Kind kind, String roleName,
                     boolean readOnly, boolean mfa, String userName, Instant expiration, Permissions permissions) {

    public Caller {
        permissions = permissions == null ? Permissions.NONE : permissions;
    }

    public enum Kind { USER, SESSION, ROLE }

    public boolean isRole() {
        return kind == Kind.ROLE;
    }

    /** The IAM principal behind the call (the role, not the session), as ECS records in createdBy / registeredBy. */
    public String principalArn() {
        return kind == Kind.ROLE ? "arn:aws:iam::" + account + ":role/" + roleName : arn;
    }

    /**
     * Applies the sandbox's permission model: IAM users (long-term keys or GetSessionToken sessions) may call STS and
     * what their attached policies allow; a read-only role may only call Describe*, List* and Get*; an admin role may
     * call anything.
     *
     * @param service  IAM service prefix, e.g. "ecs"
     * @param action   operation name, e.g. "UpdateService"
     * @param resource resource ARN for the message, or "*"
     */
    public void authorize(String service, String action, String resource) {
        if ("sts".equals(service)) {
            return;
        }
        boolean read = action.startsWith("Describe") || action.startsWith("List") || action.startsWith("Get")
                || action.startsWith("Filter");
        if (kind != Kind.ROLE) {
            if (permissions.allows(service + ":" + action, resource)) {
                return;
            }
            throw AwsException.accessDenied("User: " + arn + " is not authorized to perform: " + service + ":" + action
                    + " on resource: " + resource + " because no identity-based policy allows the " + service + ":"
                    + action + " action");
        }
        if (readOnly && !read) {
            throw AwsException.accessDenied("User: " + arn + " is not authorized to perform: " + service + ":" + action
                    + " on resource: " + resource + " because no identity-based policy allows the " + service + ":"
                    + action + " action");
        }
    }
}
