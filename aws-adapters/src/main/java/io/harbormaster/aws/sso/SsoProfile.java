package io.harbormaster.aws.sso;

import io.harbormaster.aws.config.AwsProfiles;
import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * An IAM Identity Center profile as the AWS CLI reads it: {@code sso_session} naming an {@code [sso-session …]}
 * section (start URL, region, registration scopes), or the legacy form with {@code sso_start_url} and
 * {@code sso_region} on the profile itself; plus {@code sso_account_id} and {@code sso_role_name}.
 *
 * @param sessionName the sso-session's name, or null for the legacy form
 * @param scopes      the registration scopes (sso_registration_scopes); empty for legacy profiles
 */
public record SsoProfile(String profileName, String sessionName, String startUrl, String ssoRegion, String accountId,
                         String roleName, List<String> scopes) {

    /** The profile's SSO settings, or empty when it is not an SSO profile. */
    public static Optional<SsoProfile> of(AwsProfiles config, String profile) {
        Optional<String> session = config.property(profile, "sso_session");
        String account = config.property(profile, ProfileProperty.SSO_ACCOUNT_ID).orElse(null);
        String role = config.property(profile, ProfileProperty.SSO_ROLE_NAME).orElse(null);
        if (session.isPresent()) {
            Profile section = config.profileFile().getSection("sso-session", session.get())
                    .orElseThrow(() -> invalid(profile, "names sso_session '" + session.get()
                            + "', but there is no [sso-session " + session.get() + "] section"));
            String url = section.property(ProfileProperty.SSO_START_URL)
                    .orElseThrow(() -> invalid(profile, "its sso-session has no sso_start_url"));
            String region = section.property(ProfileProperty.SSO_REGION)
                    .orElseThrow(() -> invalid(profile, "its sso-session has no sso_region"));
            List<String> scopes = section.property("sso_registration_scopes")
                    .map(s -> List.of(s.split("\\s*,\\s*"))).orElse(List.of());
            return Optional.of(new SsoProfile(profile, session.get(), url, region, require(profile, account,
                    "sso_account_id"), require(profile, role, "sso_role_name"), scopes));
        }
        Optional<String> url = config.property(profile, ProfileProperty.SSO_START_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String region = config.property(profile, ProfileProperty.SSO_REGION)
                .orElseThrow(() -> invalid(profile, "has sso_start_url but no sso_region"));
        return Optional.of(new SsoProfile(profile, null, url.get(), region, require(profile, account, "sso_account_id"),
                require(profile, role, "sso_role_name"), List.of()));
    }

    /** The sign-in this profile shares with others: the sso-session's name, or the start URL for legacy ones. */
    public String signInKey() {
        return sessionName != null ? sessionName : startUrl;
    }

    /** The token cache file's name as the AWS CLI computes it: SHA-1 of the session name (legacy: start URL). */
    public String cacheFileName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(signInKey().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** How the operator knows the sign-in: the session's name, or the start URL. */
    public String describe() {
        return sessionName != null ? "IAM Identity Center session '" + sessionName + "'" : "IAM Identity Center " + startUrl;
    }

    private static String require(String profile, String value, String property) {
        if (value == null || value.isBlank()) {
            throw invalid(profile, "has no " + property);
        }
        return value;
    }

    private static OperatorException invalid(String profile, String what) {
        return new OperatorException(new Problem(Problem.Kind.CONFIGURATION, "SSO profile cannot be used",
                "Profile '" + profile + "' " + what + ".",
                "Correct the profile (aws configure sso writes a complete one).", ""));
    }
}
