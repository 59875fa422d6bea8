package io.harbormaster.sandbox.core;

/**
 * An error AWS would answer with. Most codes are the same in every protocol; the few that differ between the
 * JSON and the query protocols (AccessDeniedException vs AccessDenied, ThrottlingException vs Throttling, …)
 * carry both, and each protocol renders the one its clients expect.
 */
public final class AwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jsonCode;
    private final String queryCode;
    private final int status;
    private final boolean sender;

    public AwsException(String jsonCode, String queryCode, int status, boolean sender, String message) {
        super(message);
        this.jsonCode = jsonCode;
        this.queryCode = queryCode;
        this.status = status;
        this.sender = sender;
    }

    /** A client error with one code in every protocol, HTTP 400. */
    public AwsException(String code, String message) {
        this(code, code, 400, true, message);
    }

    public String jsonCode() {
        return jsonCode;
    }

    public String queryCode() {
        return queryCode;
    }

    public int status() {
        return status;
    }

    /** True for "Sender" (client) faults, false for "Receiver" (server) faults. */
    public boolean sender() {
        return sender;
    }

    // The protocol-dependent errors every service can raise.

    public static AwsException accessDenied(String message) {
        return new AwsException("AccessDeniedException", "AccessDenied", 400, true, message).withQueryStatus(403);
    }

    public static AwsException throttled() {
        return new AwsException("ThrottlingException", "Throttling", 400, true, "Rate exceeded");
    }

    public static AwsException unrecognizedClient() {
        return new AwsException("UnrecognizedClientException", "InvalidClientTokenId", 400, true,
                "The security token included in the request is invalid.").withQueryStatus(403);
    }

    public static AwsException missingAuthentication() {
        return new AwsException("MissingAuthenticationTokenException", "MissingAuthenticationToken", 403, true,
                "Missing Authentication Token");
    }

    public static AwsException expiredToken() {
        return new AwsException("ExpiredTokenException", "ExpiredToken", 400, true,
                "The security token included in the request is expired");
    }

    public static AwsException internal(String message) {
        return new AwsException("InternalFailure", "InternalFailure", 500, false, message);
    }

    private int queryStatus = -1;

    /** The query protocol's status where it differs from the JSON one (403 for authentication failures). */
    public AwsException withQueryStatus(int s) {
        this.queryStatus = s;
        return this;
    }

    /** The HTTP status the query protocol answers with (AccessDenied and InvalidClientTokenId are 403 there). */
    public int queryStatus() {
        return queryStatus > 0 ? queryStatus : status;
    }
}
