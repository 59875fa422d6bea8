package io.harbormaster.sandbox.chaos;

import io.harbormaster.sandbox.core.SandboxRequest;

/** Which service, operation and Region a request is for, as far as its wire shape tells (* when it does not). */
record RequestTarget(String service, String operation, String region) {

    private static final String ROUTE53 = "/2013-04-01/";

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
        } else if (r.path().startsWith(ROUTE53)) {
            operation = route53Operation(r.method(), r.path());
        } else {
            operation = "*";
        }
        return new RequestTarget(service, operation, region);
    }

    /**
     * Route 53's REST-XML operations by method and path, as its API reference lists them ("POST
     * /2013-04-01/hostedzone/{Id}/rrset/" is ChangeResourceRecordSets …); others are *.
     */
    static String route53Operation(String method, String path) {
        String rest = path.substring(ROUTE53.length());
        boolean post = "POST".equals(method);
        if (rest.matches("hostedzone/+(?:hostedzone/+)?[^/]+/rrset/?")) {
            return post ? "ChangeResourceRecordSets" : "ListResourceRecordSets";
        }
        if (rest.matches("change/+(?:change/+)?[^/]+")) {
            return "GetChange";
        }
        if (rest.matches("hostedzone/?")) {
            return post ? "CreateHostedZone" : "ListHostedZones";
        }
        if (rest.matches("hostedzone/+(?:hostedzone/+)?[^/]+")) {
            return "GET".equals(method) ? "GetHostedZone" : "*";
        }
        return "*";
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
