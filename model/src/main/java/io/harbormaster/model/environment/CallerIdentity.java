package io.harbormaster.model.environment;

/** What STS GetCallerIdentity says about the credentials in use. */
public record CallerIdentity(String account, String arn, String userId) {

    public CallerIdentity {
        if (account == null || arn == null) {
            throw new IllegalArgumentException("a caller identity needs an account and an ARN");
        }
        userId = userId == null ? "" : userId;
    }

    /**
     * The human-meaningful tail of the ARN: "alice" for a user, "admin/alice" for an assumed role.
     */
    public String principal() {
        int slash = arn.indexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }
}
