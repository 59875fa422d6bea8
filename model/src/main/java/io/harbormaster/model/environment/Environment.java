package io.harbormaster.model.environment;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One place an operator can enter: an AWS account reached by assuming a role from the ops login.
 *
 * @param id           stable key (usually the AWS profile name)
 * @param displayName  what the operator sees ("prod")
 * @param profileName  the AWS profile that enters it (has role_arn + source_profile)
 * @param loginProfile the ops login it is entered from (the profile's source_profile); may be blank if unknown
 * @param accountId    the account it lands in, as far as known (12 digits, or blank until first entered)
 * @param roleArn      the role assumed; may be blank for a profile without one
 * @param regions      regions to look at; the first is the default
 * @param colour       #RRGGBB, the colour the environment is drawn in everywhere
 * @param production   prod: unmistakable, every write guarded by typing the resource name
 * @param readOnly     writes disabled in the UI, whatever the role allows
 * @param order        position in the environment bar (Ctrl+1 is the first)
 */
public record Environment(
        String id,
        String displayName,
        String profileName,
        String loginProfile,
        String accountId,
        String roleArn,
        List<String> regions,
        String colour,
        boolean production,
        boolean readOnly,
        int order) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public Environment {
        requireText(id, "id");
        requireText(displayName, "display name");
        requireText(profileName, "profile name");
        loginProfile = loginProfile == null ? "" : loginProfile;
        accountId = accountId == null ? "" : accountId;
        roleArn = roleArn == null ? "" : roleArn;
        if (!accountId.isEmpty() && !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits, was '" + accountId + "'");
        }
        Objects.requireNonNull(regions, "regions");
        if (regions.isEmpty() || regions.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("an environment needs at least one region");
        }
        regions = List.copyOf(regions);
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("colour must be #RRGGBB, was '" + colour + "'");
        }
    }

    public String defaultRegion() {
        return regions.get(0);
    }

    /** The same environment with the account it turned out to land in. */
    public Environment withAccountId(String account) {
        return new Environment(id, displayName, profileName, loginProfile, account, roleArn, regions, colour,
                production, readOnly, order);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an environment needs a " + what);
        }
    }
}
