package io.harbormaster.model.environment;

import java.util.Objects;
import java.util.Optional;

/**
 * An AWS profile that could become an environment: offered to the operator, never added silently.
 *
 * @param profileName  the profile
 * @param loginProfile its source_profile (empty for credential_source or SSO profiles)
 * @param roleArn      role_arn, or the SSO role name for an SSO profile
 * @param accountId    the account it lands in, from the role ARN or sso_account_id; may be empty
 * @param region       the profile's region, if it has one
 * @param kind         how it is entered
 * @param mfaSerial    the MFA device, if the role needs one
 * @param problem      why it cannot be used as it is (broken chain, no profile for an assignment), if so
 * @param accountName  the account's name where known (IAM Identity Center's portal lists it); empty otherwise
 */
public record EnvironmentCandidate(String profileName, String loginProfile, String roleArn, String accountId,
        Optional<String> region, Kind kind, Optional<String> mfaSerial, Optional<String> problem, String accountName) {

    public enum Kind {
        /** role_arn + source_profile: assumed from an ops login. */
        ASSUMED_ROLE,
        /** role_arn + credential_source (instance profile, container, environment). */
        CREDENTIAL_SOURCE,
        /** IAM Identity Center (sso_session / sso_*): needs a browser login first. */
        SSO
    }

    public EnvironmentCandidate {
        Objects.requireNonNull(profileName, "profileName");
        loginProfile = loginProfile == null ? "" : loginProfile;
        roleArn = roleArn == null ? "" : roleArn;
        accountId = accountId == null ? "" : accountId;
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mfaSerial, "mfaSerial");
        Objects.requireNonNull(problem, "problem");
        accountName = accountName == null ? "" : accountName;
    }

    /** A candidate whose account's name is not known. */
    public EnvironmentCandidate(String profileName, String loginProfile, String roleArn, String accountId,
            Optional<String> region, Kind kind, Optional<String> mfaSerial, Optional<String> problem) {
        this(profileName, loginProfile, roleArn, accountId, region, kind, mfaSerial, problem, "");
    }

    /** The same candidate, its account named. */
    public EnvironmentCandidate withAccountName(String name) {
        return new EnvironmentCandidate(profileName, loginProfile, roleArn, accountId, region, kind, mfaSerial, problem,
                name);
    }
}
