package io.harbormaster.aws.config;

import io.harbormaster.aws.sso.SsoProfile;
import io.harbormaster.model.environment.DetectEnvironments;
import io.harbormaster.model.environment.EnvironmentCandidate;
import io.harbormaster.model.environment.EnvironmentCandidate.Kind;
import io.harbormaster.model.error.OperatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Finds the profiles that could be environments: role profiles (role_arn with source_profile or credential_source)
 * and IAM Identity Center profiles. They are offered to the operator, never added by themselves.
 */
public final class AwsEnvironmentDetector implements DetectEnvironments {

    private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:aws[\\w-]*:iam::(\\d{12}):role/.+");

    private final Supplier<AwsProfiles> profiles;

    public AwsEnvironmentDetector(Supplier<AwsProfiles> profiles) {
        this.profiles = profiles;
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
        return List.copyOf(found);
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
