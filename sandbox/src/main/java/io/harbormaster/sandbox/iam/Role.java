package io.harbormaster.sandbox.iam;

import java.util.Set;

/**
 * An IAM role in an environment account.
 *
 * @param trusted     principal ARNs (users, or roles for chaining) its trust policy names
 * @param requiresMfa whether the trust policy has the aws:MultiFactorAuthPresent condition
 * @param readOnly    whether its permissions only allow Describe*, List* and Get*
 */
public record Role(String accountId, String name, String roleId, Set<String> trusted, boolean requiresMfa,
                   boolean readOnly, int maxSessionSeconds) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }
}
