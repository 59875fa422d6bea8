package io.harbormaster.views.shared;

import java.util.regex.Pattern;

/**
 * The aws CLI command for the read behind a row, to paste into a POSIX shell: what an operator runs to see what the
 * console saw. Words a shell would split or expand are single-quoted.
 */
public final class AwsCliCommand {

    /** Characters no POSIX shell treats specially anywhere in a word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private AwsCliCommand() {
    }

    /** {@code aws ecs describe-services} for one service; the profile left out when blank. */
    public static String describeService(String cluster, String service, String region, String profile) {
        StringBuilder out = new StringBuilder("aws ecs describe-services --cluster ").append(word(cluster))
                .append(" --services ").append(word(service))
                .append(" --region ").append(word(region));
        if (profile != null && !profile.isBlank()) {
            out.append(" --profile ").append(word(profile));
        }
        return out.toString();
    }

    /** One shell word: as it is when plain, else single-quoted with each quote written as {@code '\''}. */
    static String word(String s) {
        if (s != null && PLAIN.matcher(s).matches()) {
            return s;
        }
        return "'" + (s == null ? "" : s.replace("'", "'\\''")) + "'";
    }
}
