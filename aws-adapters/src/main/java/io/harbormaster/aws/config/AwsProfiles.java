package io.harbormaster.aws.config;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS profiles of one config + credentials pair, parsed by the SDK's own parser. Parse errors name the file and
 * the line; a profile whose chain is broken (no source, unknown source, a loop) is reported by {@link #checkChain}.
 */
public final class AwsProfiles {

    private final AwsConfigFiles files;
    private final ProfileFile profileFile;

    private AwsProfiles(AwsConfigFiles files, ProfileFile profileFile) {
        this.files = files;
        this.profileFile = profileFile;
    }

    /**
     * @throws OperatorException (CONFIGURATION) naming the file and line when either file cannot be read or parsed
     */
    public static AwsProfiles load(AwsConfigFiles files) {
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        parse(files.config(), ProfileFile.Type.CONFIGURATION).ifPresent(all::addFile);
        parse(files.credentials(), ProfileFile.Type.CREDENTIALS).ifPresent(all::addFile);
        return new AwsProfiles(files, all.build());
    }

    private static Optional<ProfileFile> parse(Path path, ProfileFile.Type type) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            // Read it ourselves first so an unreadable file is told apart from a malformed one.
            byte[] ignored = Files.readAllBytes(path);
            return Optional.of(ProfileFile.builder().content(path).type(type).build());
        } catch (IOException e) {
            throw new OperatorException(new Problem(Problem.Kind.CONFIGURATION, "AWS configuration unreadable",
                    "Cannot read " + path + ": " + e.getMessage(),
                    "Check the file's permissions, or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere.",
                    e.toString()), e);
        } catch (RuntimeException e) {
            throw new OperatorException(new Problem(Problem.Kind.CONFIGURATION, "AWS configuration malformed",
                    path + ": " + describe(e, path, type),
                    "Fix that line (the AWS CLI reads the same format), then File → Reload AWS configuration"
                            + " (Ctrl+Shift+R).", e.toString()), e);
        }
    }

    /**
     * The SDK's message for what it rejects on purpose names the line; anything else it throws (an index error on a
     * lone "[" line, found by AwsConfigurationFuzzTest) does not, so the first line at which the file stops parsing
     * is found by parsing ever longer prefixes of it.
     */
    private static String describe(RuntimeException e, Path path, ProfileFile.Type type) {
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return lowerFirst(e.getMessage());
        }
        try {
            // Decoded as leniently as the SDK reads it, split at the same line ends (\n, \r, \r\n).
            List<String> lines = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).lines().toList();
            for (int n = 1; n <= lines.size(); n++) {
                String prefix = String.join("\n", lines.subList(0, n)) + "\n";
                try {
                    ProfileFile.builder().content(prefix).type(type).build();
                } catch (RuntimeException atThisLine) {
                    return "line " + n + " cannot be read as a profile line or a property";
                }
            }
        } catch (IOException unreadable) {
            return "the file could not be read again: " + unreadable.getMessage();
        }
        return lowerFirst(e.getMessage());
    }

    public AwsConfigFiles files() {
        return files;
    }

    public ProfileFile profileFile() {
        return profileFile;
    }

    public Map<String, Profile> profiles() {
        return profileFile.profiles();
    }

    public Optional<Profile> profile(String name) {
        return profileFile.profile(name);
    }

    public Optional<String> property(String profile, String property) {
        return profile(profile).flatMap(p -> p.property(property)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** endpoint_url of the profile, else of its source profile chain (sandbox profiles carry it on every profile). */
    public Optional<String> endpointUrl(String profile) {
        for (String name : chain(profile)) {
            Optional<String> url = property(name, ProfileProperty.ENDPOINT_URL);
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }

    /** region of the profile, else of its source profile chain. */
    public Optional<String> region(String profile) {
        for (String name : chain(profile)) {
            Optional<String> region = property(name, ProfileProperty.REGION);
            if (region.isPresent()) {
                return region;
            }
        }
        return Optional.empty();
    }

    /**
     * The profile and the source profiles behind it, nearest first, stopping before a loop or a missing profile.
     */
    public List<String> chain(String profile) {
        Set<String> seen = new LinkedHashSet<>();
        String current = profile;
        while (current != null && profile(current).isPresent() && seen.add(current)) {
            current = property(current, ProfileProperty.SOURCE_PROFILE).orElse(null);
        }
        return new ArrayList<>(seen);
    }

    /**
     * Checks that a role profile can be followed back to a login.
     *
     * @throws OperatorException (CONFIGURATION) for an unknown profile, a role without a source, an unknown source or a loop
     */
    public void checkChain(String profile) {
        Set<String> seen = new LinkedHashSet<>();
        String current = profile;
        while (true) {
            if (profile(current).isEmpty()) {
                throw configProblem(current.equals(profile)
                        ? "There is no profile '" + profile + "' in " + describeFiles()
                        : "Profile '" + profile + "' names source_profile '" + current + "', which does not exist in "
                                + describeFiles(), "Add the profile, or correct the name.");
            }
            if (!seen.add(current)) {
                throw configProblem("Profiles form a loop: " + String.join(" → ", seen) + " → " + current,
                        "Point one of them at a profile with keys or credential_source.");
            }
            boolean hasRole = property(current, ProfileProperty.ROLE_ARN).isPresent();
            Optional<String> source = property(current, ProfileProperty.SOURCE_PROFILE);
            if (hasRole && source.isEmpty() && property(current, ProfileProperty.CREDENTIAL_SOURCE).isEmpty()) {
                throw configProblem("Profile '" + current + "' has role_arn but neither source_profile nor"
                        + " credential_source", "Add source_profile = <your ops login profile>.");
            }
            if (!hasRole || source.isEmpty() || source.get().equals(current) && seen.size() > 1) {
                return;
            }
            if (source.get().equals(current)) {
                // A profile that is its own source uses its own static keys for the role (allowed by the CLI).
                return;
            }
            current = source.get();
        }
    }

    private String describeFiles() {
        return files.config() + " / " + files.credentials();
    }

    private OperatorException configProblem(String message, String nextStep) {
        return new OperatorException(new Problem(Problem.Kind.CONFIGURATION, "AWS profile cannot be used", message,
                nextStep + " (" + describeFiles() + ")", ""));
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "unreadable";
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
