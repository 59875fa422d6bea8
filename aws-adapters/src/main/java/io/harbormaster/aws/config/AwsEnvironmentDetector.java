package io.harbormaster.aws.config;

import io.harbormaster.aws.sso.SsoLogins;
import io.harbormaster.aws.sso.SsoProfile;
import io.harbormaster.model.environment.DetectEnvironments;
import io.harbormaster.model.environment.EnvironmentCandidate;
import io.harbormaster.model.environment.EnvironmentCandidate.Kind;
import io.harbormaster.model.error.OperatorException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Finds the profiles that could be environments: role profiles (role_arn with source_profile or credential_source)
 * and IAM Identity Center profiles. They are offered to the operator, never added by themselves. For each Identity
 * Center session already signed in, the portal's accounts and permission sets name the accounts, and an assignment no
 * profile enters yet is offered with the profile to write (not addable until it exists).
 */
public final class AwsEnvironmentDetector implements DetectEnvironments {

    private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:aws[\\w-]*:iam::(\\d{12}):role/.+");

    private static final System.Logger LOG = System.getLogger(AwsEnvironmentDetector.class.getName());

    private final Supplier<AwsProfiles> profiles;
    private final SsoLogins sso;

    /** Without Identity Center's portal: profiles only, accounts unnamed. */
    public AwsEnvironmentDetector(Supplier<AwsProfiles> profiles) {
        this(profiles, null);
    }

    public AwsEnvironmentDetector(Supplier<AwsProfiles> profiles, SsoLogins sso) {
        this.profiles = profiles;
        this.sso = sso;
    }

    @Override
    public List<EnvironmentCandidate> detect() {
        AwsProfiles config = profiles.get();
        List<EnvironmentCandidate> found = new ArrayList<>();
        for (String name : config.profiles().keySet()) {
            Optional<String> roleArn = config.property(name, ProfileProperty.ROLE_ARN);
            Optional<String> region = config.region(name);
            Optional<String> mfa = config.property(name, ProfileProperty.MFA_SERIAL);
            if (roleArn.isPresent()) {
                Optional<String> source = config.property(name, ProfileProperty.SOURCE_PROFILE);
                Kind kind = source.isEmpty() && config.property(name, ProfileProperty.CREDENTIAL_SOURCE).isPresent()
                        ? Kind.CREDENTIAL_SOURCE : Kind.ASSUMED_ROLE;
                found.add(new EnvironmentCandidate(name, source.orElse(""), roleArn.get(), account(roleArn.get()),
                        region, kind, mfa, chainProblem(config, name)));
            } else if (isSso(config, name)) {
                String account = config.property(name, ProfileProperty.SSO_ACCOUNT_ID).orElse("");
                String role = config.property(name, ProfileProperty.SSO_ROLE_NAME).orElse("");
                found.add(new EnvironmentCandidate(name, "", role, account, region, Kind.SSO, Optional.empty(),
                        ssoProblem(config, name)));
            }
        }
        return sso == null ? List.copyOf(found) : withAssignments(config, found);
    }

    /** Names the accounts from each signed-in session's assignments, and offers the assignments no profile enters. */
    private List<EnvironmentCandidate> withAssignments(AwsProfiles config, List<EnvironmentCandidate> found) {
        Map<String, SsoProfile> sessions = new LinkedHashMap<>();
        for (EnvironmentCandidate c : found) {
            if (c.kind() == Kind.SSO && c.problem().isEmpty()) {
                SsoProfile.of(config, c.profileName()).ifPresent(p -> sessions.putIfAbsent(p.signInKey(), p));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<EnvironmentCandidate> unprofiled = new ArrayList<>();
        for (SsoProfile session : sessions.values()) {
            Optional<URI> endpoint = config.endpointUrl(session.profileName()).map(URI::create);
            List<SsoLogins.Assignment> assignments;
            try {
                assignments = sso.assignmentsIfSignedIn(session, endpoint).orElse(List.of());
            } catch (OperatorException e) {
                LOG.log(System.Logger.Level.INFO, "Accounts of " + session.describe() + " not listed: "
                        + e.problem().message());
                continue;
            }
            for (SsoLogins.Assignment a : assignments) {
                names.put(a.accountId(), a.accountName());
                if (!hasProfile(config, session, a)) {
                    unprofiled.add(unprofiled(session, a, config.region(session.profileName())));
                }
            }
        }
        List<EnvironmentCandidate> out = new ArrayList<>();
        for (EnvironmentCandidate c : found) {
            String name = names.get(c.accountId());
            out.add(name == null ? c : c.withAccountName(name));
        }
        out.addAll(unprofiled);
        return List.copyOf(out);
    }

    private static boolean hasProfile(AwsProfiles config, SsoProfile session, SsoLogins.Assignment a) {
        for (String name : config.profiles().keySet()) {
            try {
                Optional<SsoProfile> p = SsoProfile.of(config, name);
                if (p.isPresent() && p.get().signInKey().equals(session.signInKey())
                        && p.get().accountId().equals(a.accountId()) && p.get().roleName().equals(a.roleName())) {
                    return true;
                }
            } catch (OperatorException broken) {
                // an incomplete profile enters nothing
            }
        }
        return false;
    }

    /** An assignment no profile enters: offered with the profile to add, since environments are entered by profile. */
    private static EnvironmentCandidate unprofiled(SsoProfile session, SsoLogins.Assignment a, Optional<String> region) {
        String name = (a.accountName() == null || a.accountName().isBlank() ? a.accountId() : a.accountName())
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + a.roleName();
        String section = session.sessionName() != null ? "sso_session = " + session.sessionName()
                : "sso_start_url = " + session.startUrl() + ", sso_region = " + session.ssoRegion();
        return new EnvironmentCandidate(name, "", a.roleName(), a.accountId(), region, Kind.SSO, Optional.empty(),
                Optional.of("No profile enters it yet. Add [profile " + name + "] with " + section + ", sso_account_id = "
                        + a.accountId() + ", sso_role_name = " + a.roleName() + " to your AWS config (aws configure sso"
                        + " writes it), then detect again."), a.accountName());
    }

    private static boolean isSso(AwsProfiles config, String name) {
        return config.property(name, "sso_session").isPresent()
                || config.property(name, ProfileProperty.SSO_START_URL).isPresent()
                || config.property(name, ProfileProperty.SSO_ACCOUNT_ID).isPresent();
    }

    /** An SSO profile is offered unless it is incomplete; entering it signs in (or uses the CLI's sign-in). */
    private static Optional<String> ssoProblem(AwsProfiles config, String name) {
        try {
            return SsoProfile.of(config, name).isPresent() ? Optional.empty()
                    : Optional.of("Profile '" + name + "' has sso_account_id but neither sso_session nor sso_start_url.");
        } catch (OperatorException e) {
            return Optional.of(e.problem().message());
        }
    }

    private static Optional<String> chainProblem(AwsProfiles config, String name) {
        try {
            config.checkChain(name);
            return Optional.empty();
        } catch (OperatorException e) {
            return Optional.of(e.problem().message());
        }
    }

    private static String account(String roleArn) {
        Matcher m = ROLE_ACCOUNT.matcher(roleArn);
        return m.matches() ? m.group(1) : "";
    }
}
