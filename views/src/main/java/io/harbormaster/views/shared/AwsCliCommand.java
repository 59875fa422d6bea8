package io.harbormaster.views.shared;

import java.util.regex.Pattern;

/**
 * The aws CLI command for the read behind a row, to paste into a POSIX shell: what an operator runs to see what the
 * console saw. Words a shell would split or expand are single-quoted; a blank profile is left out, so the default
 * credentials apply.
 */
public final class AwsCliCommand {

    /** Characters no POSIX shell treats specially anywhere in a word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private AwsCliCommand() {
    }

    /** {@code aws ecs describe-services} for one service. */
    public static String describeService(String cluster, String service, String region, String profile) {
        return ecs("describe-services", region, profile, "--cluster", cluster, "--services", service);
    }

    /** {@code aws ecs describe-tasks} for one task (running or stopped). */
    public static String describeTask(String cluster, String task, String region, String profile) {
        return ecs("describe-tasks", region, profile, "--cluster", cluster, "--tasks", task);
    }

    /** {@code aws ecs describe-clusters} for one cluster, with the statistics and settings the page shows. */
    public static String describeCluster(String cluster, String region, String profile) {
        return ecs("describe-clusters", region, profile, "--clusters", cluster, "--include", "STATISTICS",
                "SETTINGS");
    }

    /** {@code aws ecs describe-service-deployments} for one service deployment. */
    public static String describeServiceDeployment(String serviceDeploymentArn, String region, String profile) {
        return ecs("describe-service-deployments", region, profile, "--service-deployment-arns",
                serviceDeploymentArn);
    }

    /** {@code aws ecs <operation> <words…> --region … [--profile …]}. */
    private static String ecs(String operation, String region, String profile, String... words) {
        StringBuilder out = new StringBuilder("aws ecs ").append(operation);
        for (String w : words) {
            out.append(' ').append(w.startsWith("--") ? w : word(w));
        }
        out.append(" --region ").append(word(region));
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
