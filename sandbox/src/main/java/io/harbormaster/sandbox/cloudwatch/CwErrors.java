package io.harbormaster.sandbox.cloudwatch;

import io.harbormaster.sandbox.core.AwsException;

/**
 * CloudWatch's errors. The query protocol answers the query code ({@code InvalidParameterValue}); JSON 1.0 and
 * RPC v2 CBOR, which CloudWatch serves as "query compatible", answer the error shape's name in {@code __type}
 * ({@code InvalidParameterValueException}) and the query code in {@code x-amzn-query-error}, from which SDKs take
 * the error code — so every protocol's client sees the same code.
 */
final class CwErrors {

    private CwErrors() {
    }

    static AwsException invalidValue(String message) {
        return new AwsException("InvalidParameterValueException", "InvalidParameterValue", 400, true, message);
    }

    static AwsException missing(String member) {
        return new AwsException("MissingRequiredParameterException", "MissingParameter", 400, true,
                "The parameter " + member + " is required.");
    }

    static AwsException combination(String message) {
        return new AwsException("InvalidParameterCombinationException", "InvalidParameterCombination", 400, true, message);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededFault", "LimitExceeded", 400, true, message);
    }

    static AwsException notFound(String message) {
        return new AwsException("ResourceNotFound", "ResourceNotFound", 404, true, message);
    }

    static AwsException invalidNextToken() {
        return new AwsException("InvalidNextToken", "InvalidNextToken", 400, true, "The NextToken is invalid.");
    }

    static AwsException invalidFormat(String message) {
        return new AwsException("InvalidFormatFault", "InvalidFormat", 400, true, message);
    }

    /** A constraint of the API model (lengths, ranges, patterns): AWS's framework answers ValidationError. */
    static AwsException validation(String detail) {
        return new AwsException("ValidationException", "ValidationError", 400, true, "1 validation error detected: " + detail);
    }

    static AwsException serialization(String message) {
        return new AwsException("SerializationException", "MalformedInput", 400, true, message);
    }
}
