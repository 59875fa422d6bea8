package io.harbormaster.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request as it arrived, with header names lower-cased.
 *
 * @param rawQuery the URL's query string, undecoded, or "" when there is none
 */
public record SandboxRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String contentType() {
        String ct = header("content-type");
        return ct == null ? "" : ct.toLowerCase(Locale.ROOT);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The SigV4 credential scope of the Authorization header, or null when the request is not SigV4-signed. */
    public CredentialScope credentialScope() {
        String auth = header("authorization");
        if (auth == null) {
            return null;
        }
        Matcher m = CREDENTIAL.matcher(auth);
        return m.find() ? new CredentialScope(m.group(1), m.group(2), m.group(3), m.group(4)) : null;
    }

    /** The parts of {@code Credential=AKID/20260101/us-east-1/ecs/aws4_request}. */
    public record CredentialScope(String accessKeyId, String date, String region, String service) {
    }
}
