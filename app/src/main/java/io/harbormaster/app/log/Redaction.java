package io.harbormaster.app.log;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in a log line before it reaches the file: secret keys, session tokens, MFA codes and access
 * key ids, in the shapes AWS files, query strings, JSON, XML and signed headers carry them. The log is sent to other
 * people; nothing in it may let them act as the operator.
 */
final class Redaction {

    static final String MASK = "****";

    /** name = value, name: value, "name":"value", name=value&, <Name>value</Name>: the value is masked. */
    private static final Pattern NAMED = Pattern.compile("(?i)((?:aws_)?secret_?access_?key|(?:aws_)?session_?token"
            + "|x-amz-security-token|security_?token|token_?code|mfa_?code|aws_access_key_id|access_?key_?id"
            + "|password|client_?secret)(\"?\\s*[:=>]\\s*\"?)([^\\s\"'&,<>;\\]\\)]+)");
    /** The access key id inside a SigV4 Authorization header, and the signature itself. */
    private static final Pattern SIGNED = Pattern.compile("(Credential=|Signature=)([^\\s,/]+)");
    /** Any AWS access key id (long-term AKIA, temporary ASIA), wherever it shows. */
    private static final Pattern KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{12,124}\\b");
    /** STS session tokens are long base64 starting with the same bytes; masked even without a name before them. */
    private static final Pattern SESSION_TOKEN = Pattern.compile("IQoJb3JpZ2lu[A-Za-z0-9/+=]{20,}");

    private Redaction() {
    }

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replaceGroup(NAMED, text, 3);
        out = replaceGroup(SIGNED, out, 2);
        for (Pattern whole : List.of(KEY_ID, SESSION_TOKEN)) {
            out = whole.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    private static String replaceGroup(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start(group)).append(MASK);
            last = m.end(group);
        }
        return out.append(text, last, text.length()).toString();
    }
}
