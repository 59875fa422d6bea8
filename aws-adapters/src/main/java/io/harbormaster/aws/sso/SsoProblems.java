package io.harbormaster.aws.sso;

import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.Problem.Kind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What an operator is told when an IAM Identity Center sign-in or entry fails: who, what, and what to do. */
final class SsoProblems {

    private SsoProblems() {
    }

    static Problem cancelled(SsoProfile p) {
        return new Problem(Kind.CREDENTIALS_MISSING, "Sign-in cancelled",
                "The sign-in to " + p.describe() + " was cancelled before it was approved.",
                "Select the environment again to sign in.", "");
    }

    static Problem denied(SsoProfile p, AwsServiceException e) {
        return new Problem(Kind.ACCESS_DENIED, "Sign-in denied",
                "The sign-in to " + p.describe() + " was denied in the browser.",
                "Select the environment again and choose Allow on the approval page; if you did not deny it, tell your"
                        + " administrator.", details(e));
    }

    static Problem codeExpired(SsoProfile p) {
        return new Problem(Kind.CREDENTIALS_EXPIRED, "Sign-in code expired",
                "The code for " + p.describe() + " expired before it was approved (or the browser was closed).",
                "Select the environment again for a new code, and approve it in the browser within ten minutes.", "");
    }

    static Problem tokenRejected(SsoProfile p, AwsServiceException e) {
        return new Problem(Kind.CREDENTIALS_EXPIRED, "Sign in again",
                "Your sign-in to " + p.describe() + " has expired or was revoked.",
                "Select the environment again to sign in (or run `aws sso login --sso-session " + p.signInKey() + "`).",
                details(e));
    }

    static Problem notAssigned(SsoProfile p, AwsServiceException e) {
        return new Problem(Kind.ACCESS_DENIED, "Permission set not assigned",
                "You are not assigned permission set " + p.roleName() + " in account " + p.accountId() + " (profile '"
                        + p.profileName() + "'), or the account is closed.",
                "Ask your Identity Center administrator for the assignment, or pick an account and role the"
                        + " environments dialog offers.", details(e));
    }

    private static String details(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() + " (request id "
                        + e.requestId() + ")";
    }
}
