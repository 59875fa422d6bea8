package io.harbormaster.sandbox.iam;

import java.time.Instant;

/**
 * Temporary credentials handed out by STS.
 *
 * @param role        the assumed role, null for GetSessionToken sessions
 * @param sessionName the role session name, null for GetSessionToken sessions
 * @param user        the IAM user at the start of the chain
 * @param mfa         whether an MFA code was presented somewhere along the chain
 */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                      IamUser user, Role role, String sessionName, boolean mfa) {

    public String arn() {
        return role == null ? user.arn()
                : "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    public String userId() {
        return role == null ? user.userId() : role.roleId() + ":" + sessionName;
    }
}
