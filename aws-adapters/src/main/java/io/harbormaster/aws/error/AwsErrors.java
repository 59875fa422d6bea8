package io.harbormaster.aws.error;

import io.harbormaster.model.error.OperatorException;
import io.harbormaster.model.error.Problem;
import io.harbormaster.model.error.Problem.Kind;
import io.harbormaster.model.error.StackTrace;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** The one place where SDK failures become {@link Problem}s an operator can act on. */
public final class AwsErrors {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedException", "AuthorizationError");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> BAD_KEYS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId",
            "AuthFailure");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "TooManyRequestsException",
            "RequestLimitExceeded", "PriorRequestNotComplete", "SlowDown");
    private static final Set<String> INVALID = Set.of("InvalidParameterException", "ClientException",
            "ValidationError", "ValidationException", "InvalidChangeBatch", "InvalidInput",
            "InvalidParameterValue", "InvalidParameterCombination", "MissingParameter");
    private static final Set<String> REGION = Set.of("RegionDisabledException", "OptInRequired",
            "InvalidRegion");

    /** AWS's own failures (HTTP 5xx), whatever status a protocol sends them with. */
    private static final Set<String> SERVER = Set.of("InternalFailure", "InternalError", "InternalServerError",
            "InternalServiceError", "ServerException", "ServiceUnavailable", "ServiceUnavailableException");

    /** AWS's words when a request's time is more than 5 minutes from its own (SigV4 signatures, S3, EC2). */
    private static final Set<String> CLOCK = Set.of("RequestTimeTooSkewed", "RequestInTheFuture");
    private static final Pattern CLOCK_WORDS = Pattern.compile(
            "Signature expired|Signature not yet current|too skewed|time is too skewed");

    private AwsErrors() {
    }

    /**
     * @param doing what was being attempted, as a phrase ("listing clusters in dev")
     */
    public static OperatorException translate(SdkException e, String doing) {
        return new OperatorException(problem(e, doing), e);
    }

    public static Problem problem(SdkException e, String doing) {
        if (e instanceof AwsServiceException service) {
            return serviceProblem(service, doing);
        }
        if (e instanceof SdkClientException) {
            Throwable root = rootCause(e);
            if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                    || root instanceof SocketTimeoutException && !isConnecting(root)) {
                return new Problem(Kind.NETWORK, "AWS did not answer in time",
                        "AWS took too long to answer while " + doing + " (" + root.getMessage() + "): the service or"
                                + " its Region may be degraded, or the network slow.",
                        "Refresh (F5) in a minute; if it persists, look for the service and Region on the AWS Health"
                                + " Dashboard, and check your network or VPN.", e.toString());
            }
            if (root instanceof ConnectException || root instanceof UnknownHostException
                    || root instanceof SocketTimeoutException || root instanceof java.net.NoRouteToHostException) {
                return new Problem(Kind.NETWORK, "AWS unreachable",
                        "Could not reach AWS while " + doing + ": " + root.getMessage(),
                        "Check your network or VPN, then refresh (F5).", e.toString());
            }
            if (root instanceof IOException) {
                return new Problem(Kind.NETWORK, "Connection to AWS broken",
                        "The connection to AWS broke off before its answer was complete while " + doing + " ("
                                + root.getMessage() + ").",
                        "Refresh (F5); if it keeps happening, check your network, VPN or proxy.", e.toString());
            }
            String text = String.valueOf(e.getMessage());
            if (text.contains("sso login") || text.contains("SSO session") || text.contains("SSO token")) {
                return new Problem(Kind.CREDENTIALS_EXPIRED, "Browser login needed",
                        "The IAM Identity Center login for this profile is missing or has expired (" + doing + ").",
                        "Run `aws sso login --profile <profile>` in a terminal (it opens a browser), then try again.",
                        e.toString());
            }
            if (text.contains("Unable to load credentials")) {
                return new Problem(Kind.CREDENTIALS_MISSING, "No credentials",
                        "No credentials were found while " + doing + ".",
                        "Log in to your ops profile (aws configure, or aws sso login), then try again.",
                        e.toString());
            }
        }
        return new Problem(Kind.UNEXPECTED, "AWS call failed", "Failed while " + doing + ": " + e.getMessage(),
                "Try again; if it persists, copy the details into a bug report.", StackTrace.of(e));
    }

    /**
     * Whether AWS refused for a reason that passes by itself — throttling, or Route 53's PriorRequestNotComplete
     * (the zone is still processing an earlier change) — after the SDK's own retries: nothing changed, ask later.
     */
    public static boolean isBusy(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails()
                    .errorCode());
            return THROTTLED.contains(code) || service.isThrottlingException();
        }
        return false;
    }

    /** AWS's error code of a service error, or "" for a client-side failure. */
    public static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return String.valueOf(service.awsErrorDetails().errorCode());
        }
        return "";
    }

    private static Problem serviceProblem(AwsServiceException e, String doing) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String details = code + ": " + message + " (request id " + e.requestId() + ", HTTP " + e.statusCode() + ")";
        if (DENIED.contains(code)) {
            return new Problem(Kind.ACCESS_DENIED, "Access denied", "Denied while " + doing + ": " + message,
                    "Ask an administrator for the permission, or use a role that has it.", details);
        }
        if (e.statusCode() >= 500 || SERVER.contains(code)) {
            String service = serviceName(e);
            boolean unavailable = e.statusCode() == 503 || code.startsWith("ServiceUnavailable");
            return new Problem(Kind.NETWORK,
                    unavailable ? service + " is unavailable" : service + " failed on AWS's side",
                    service + " answered " + code + " (HTTP " + e.statusCode() + ") while " + doing
                            + ", after the SDK's retries: the fault is AWS's, not your input or permissions.",
                    "Try again in a minute (F5 refreshes); if it persists, look for " + service
                            + " in the Region on the AWS Health Dashboard.", details);
        }
        if (CLOCK.contains(code) || CLOCK_WORDS.matcher(String.valueOf(message)).find()) {
            // Not the keys and not the session (SignatureDoesNotMatch said "keys not recognised"): the computer's
            // clock. The SDK corrects its own offset from AWS's Date header where it can; this is what is left.
            return new Problem(Kind.CONFIGURATION, "This computer's clock is off",
                    "AWS refused the request while " + doing + " because this computer's clock differs from AWS's"
                            + " by more than 5 minutes: " + message,
                    "Set the clock right (turn on automatic time / NTP), then refresh (F5).", details);
        }
        if (EXPIRED.contains(code)) {
            return new Problem(Kind.CREDENTIALS_EXPIRED, "Session expired",
                    "The credentials expired while " + doing + ".",
                    "Enter the environment again to start a new session.", details);
        }
        if (BAD_KEYS.contains(code)) {
            return new Problem(Kind.CREDENTIALS_MISSING, "Credentials not recognised",
                    "AWS does not recognise the access key used while " + doing + " (" + code + ").",
                    "The key may have been deleted or rotated: refresh your ops login's keys.", details);
        }
        if (THROTTLED.contains(code)) {
            return new Problem(Kind.THROTTLED, "AWS is throttling requests",
                    "Too many requests while " + doing + "; the SDK retried and gave up.",
                    "Wait a few seconds and refresh; other tools on the same account share the limit.", details);
        }
        if (REGION.contains(code)) {
            return new Problem(Kind.REGION_DISABLED, "Region not enabled",
                    "The region is not enabled for this account (" + doing + ").",
                    "Enable the region in the account, or remove it from the environment's regions.", details);
        }
        if (code.endsWith("NotFoundException") || code.startsWith("NoSuch") || code.endsWith("NotFound")) {
            return new Problem(Kind.NOT_FOUND, "Not found", message + " (" + doing + ")",
                    "It may have been deleted; refresh to see the current state.", details);
        }
        if (INVALID.contains(code)) {
            String field = fieldNamed(message);
            return new Problem(Kind.INVALID_INPUT, field.isEmpty() ? "AWS rejected the request"
                    : "AWS rejected " + field, "AWS rejected the request while " + doing + ": " + message,
                    field.isEmpty() ? "Correct the input and try again." : "Correct " + field + " and try again.",
                    details);
        }
        return new Problem(Kind.UNEXPECTED, "AWS call failed", "Failed while " + doing + ": " + code + " " + message,
                "Try again; if it persists, copy the details into a bug report.", details);
    }

    /**
     * The field a validation message is about, as ECS and other services name it: the first quoted name that is not
     * a resource's ("Invalid setting for container 'web'. At least one of 'memory' …" → memory), else the first
     * API-style name (camelCase or dotted, e.g. containerDefinitions.0.image,
     * bakeTimeInMinutes). Empty when the message names none.
     */
    static String fieldNamed(String message) {
        if (message == null) {
            return "";
        }
        java.util.regex.Matcher quoted = QUOTED_FIELD.matcher(message);
        while (quoted.find()) {
            String before = message.substring(0, quoted.start()).toLowerCase(java.util.Locale.ROOT);
            if (!RESOURCE_BEFORE.matcher(before).find()) {
                return quoted.group(1);
            }
        }
        java.util.regex.Matcher api = API_FIELD.matcher(message);
        return api.find() ? api.group() : "";
    }

    private static final java.util.regex.Pattern QUOTED_FIELD =
            java.util.regex.Pattern.compile("['\"]([a-zA-Z][a-zA-Z0-9_.\\-]{1,60})['\"]");
    /** A quoted name right after one of these words is a resource's name, not a field ("container 'web'"). */
    private static final java.util.regex.Pattern RESOURCE_BEFORE = java.util.regex.Pattern.compile(
            "(container|service|cluster|family|task definition|target group|rule|alarm|hook|image)\\s*$");
    private static final java.util.regex.Pattern API_FIELD =
            java.util.regex.Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]*)+(?:\\.[a-zA-Z0-9]+)*\\b"
                    + "|\\b[a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9]+)+\\b");

    /** An IAM Identity Center sign-in the operator cancelled before approving it. {@code what} names the session. */
    public static Problem ssoSignInCancelled(String what) {
        return new Problem(Kind.CREDENTIALS_MISSING, "Sign-in cancelled",
                "The sign-in to " + what + " was cancelled before it was approved.",
                "Select the environment again to sign in.", "");
    }

    /** The operator (or someone as them) chose Deny on the approval page. */
    public static Problem ssoSignInDenied(String what, AwsServiceException e) {
        return new Problem(Kind.ACCESS_DENIED, "Sign-in denied",
                "The sign-in to " + what + " was denied in the browser.",
                "Select the environment again and choose Allow on the approval page; if you did not deny it, tell your"
                        + " administrator.", ssoDetails(e));
    }

    /** The device code expired before approval (the browser closed, or nobody approved in time). */
    public static Problem ssoCodeExpired(String what) {
        return new Problem(Kind.CREDENTIALS_EXPIRED, "Sign-in code expired",
                "The code for " + what + " expired before it was approved (or the browser was closed).",
                "Select the environment again for a new code, and approve it in the browser within ten minutes.", "");
    }

    /** The portal refused the access token: expired, signed out or revoked, and it could not be refreshed. */
    public static Problem ssoTokenRejected(String what, String session, AwsServiceException e) {
        return new Problem(Kind.CREDENTIALS_EXPIRED, "Sign in again",
                "Your sign-in to " + what + " has expired or was revoked.",
                "Select the environment again to sign in (or run `aws sso login --sso-session " + session + "`).",
                ssoDetails(e));
    }

    /** GetRoleCredentials refused though the portal lists the account: the permission set is not assigned there. */
    public static Problem ssoNotAssigned(String signIn, String profile, String permissionSet, String accountId,
            AwsServiceException e) {
        return new Problem(Kind.ACCESS_DENIED, "Permission set not assigned",
                "Your sign-in to " + signIn + " may not use permission set " + permissionSet + " in account "
                        + accountId + " (profile '" + profile + "'): it is not assigned to you there.",
                "Ask your Identity Center administrator to assign " + permissionSet + " in " + accountId
                        + ", or pick an account and role the environments dialog offers (Detect profiles).",
                ssoDetails(e));
    }

    /** GetRoleCredentials refused and the portal no longer lists the account: closed, suspended or unassigned. */
    public static Problem ssoAccountNotOffered(String signIn, String profile, String accountId,
            AwsServiceException e) {
        return new Problem(Kind.ACCESS_DENIED, "Account not available",
                "Account " + accountId + " (profile '" + profile + "') is not among the accounts your sign-in to "
                        + signIn + " may enter: you have no assignment there, or the account was closed or"
                        + " suspended.",
                "Ask your Identity Center administrator for an assignment there or about the account's status (a"
                        + " closed account stays suspended for 90 days); remove this environment if the account is"
                        + " gone.", ssoDetails(e));
    }

    private static String ssoDetails(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() + " (request id "
                        + e.requestId() + ")";
    }

    /** "ECS", "STS", "CloudWatch": the service as the SDK names it, short names in capitals. */
    private static String serviceName(AwsServiceException e) {
        String name = e.awsErrorDetails() == null ? null : e.awsErrorDetails().serviceName();
        if (name == null || name.isBlank()) {
            return "AWS";
        }
        return name.length() <= 3 ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    /** A timeout while opening the connection (nothing reached AWS), not while waiting for its answer. */
    private static boolean isConnecting(Throwable root) {
        return String.valueOf(root.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
