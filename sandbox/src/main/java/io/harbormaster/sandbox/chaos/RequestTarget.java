package io.harbormaster.sandbox.chaos;

import io.harbormaster.sandbox.core.SandboxRequest;

/** Which service, operation and Region a request is for, as far as its wire shape tells (* when it does not). */
record RequestTarget(String service, String operation, String region) {

    static RequestTarget of(SandboxRequest r) {
        SandboxRequest.CredentialScope scope = r.credentialScope();
        String service = scope != null ? scope.service() : "*";
        String region = scope != null ? scope.region() : "*";
        String target = r.header("x-amz-target");
        String operation;
        if (target != null) {
            operation = target.substring(target.indexOf('.') + 1);
        } else if (r.path().contains("/operation/")) {
            operation = r.path().substring(r.path().lastIndexOf('/') + 1);
        } else if (r.contentType().startsWith("application/x-www-form-urlencoded") || r.rawQuery().contains("Action=")) {
            operation = action("POST".equals(r.method()) ? r.bodyText() : r.rawQuery());
        } else {
            operation = "*";
        }
        return new RequestTarget(service, operation, region);
    }

    private static String action(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return pair.substring("Action=".length());
            }
        }
        return "*";
    }
}
