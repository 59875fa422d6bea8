package io.harbormaster.views.environment;

import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentSession;
import java.util.regex.Pattern;

/** How environments are named on screen, in one place. */
public final class EnvironmentText {

    /** IAM Identity Center's role for a permission set, as an assumed role's ARN resource names it. */
    private static final Pattern SSO_ROLE = Pattern.compile("^assumed-role/AWSReservedSSO_(.+)_[0-9a-fA-F]+/");

    private EnvironmentText() {
    }

    /** "admin" from arn:aws:iam::222222222222:role/ops/admin; "profile dev" when there is no role. */
    public static String roleName(Environment environment) {
        String arn = environment.roleArn();
        if (arn.isBlank()) {
            return "profile " + environment.profileName();
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    /** "222222222222 · admin", or "account unknown · admin" before the first entry. */
    public static String accountAndRole(Environment environment) {
        String account = environment.accountId().isEmpty() ? "account not yet known" : environment.accountId();
        return account + " · " + roleName(environment);
    }

    /**
     * "entered from ops → account 444444444444", for tooltips and the settings list; "profile sso-prod → …" for a
     * profile entered by itself (IAM Identity Center, credential_source).
     */
    public static String loginAndAccount(Environment environment) {
        String login = environment.loginProfile().isBlank() ? "profile " + environment.profileName()
                : "entered from " + environment.loginProfile();
        String account = environment.accountId().isEmpty() ? "account not yet known"
                : "account " + environment.accountId();
        return login + " → " + account;
    }

    /** "52 min", "1h 05m", "40 s", "expired": short enough for a toggle. */
    public static String timeLeft(java.time.Duration left) {
        if (left.isZero() || left.isNegative()) {
            return "expired";
        }
        if (left.toHours() >= 1) {
            return String.format("%dh %02dm", left.toHours(), left.toMinutesPart());
        }
        if (left.toMinutes() >= 1) {
            return left.toMinutes() + " min";
        }
        return left.toSeconds() + " s";
    }

    /** The part of the caller ARN after the account: "assumed-role/admin/alice @ 222222222222". */
    public static String identity(EnvironmentSession session) {
        String arn = session.identity().arn();
        String[] parts = arn.split(":", 6);
        String principal = parts.length == 6 ? parts[5] : arn;
        return ssoRoleShortened(principal) + " @ " + session.identity().account();
    }

    /**
     * IAM Identity Center names the role it provisions for a permission set "AWSReservedSSO_<set>_<16 hex digits>":
     * the set is what an operator knows it by, and the rest took half the status bar (the load's progress beside it
     * was cut). "assumed-role/AWSReservedSSO_ReadOnlyAccess_0a1b…/alice" reads "assumed-role/ReadOnlyAccess (SSO)/alice".
     */
    static String ssoRoleShortened(String principal) {
        // the suffix is 16 lowercase hex digits in every account seen; its length is not documented, so any hex run
        // is taken (a role that does not match is shown as it is)
        return SSO_ROLE.matcher(principal).replaceFirst("assumed-role/$1 (SSO)/");
    }


    /** "#RRGGBB" → "rgba(r,g,b,alpha)" for tinted backgrounds that work on light and dark themes. */
    public static String tint(String colour, double alpha) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)",
                (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }
}
