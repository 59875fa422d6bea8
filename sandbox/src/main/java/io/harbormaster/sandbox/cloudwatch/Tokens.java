package io.harbormaster.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Pagination tokens: opaque to clients, bound to the request they came from (a token replayed with other
 * parameters is InvalidNextToken, as on AWS), carrying a position of longs.
 */
final class Tokens {

    private Tokens() {
    }

    /** A fingerprint of the request without its NextToken. */
    static String fingerprint(Args args, String... ignored) {
        JsonNode n = args.node().deepCopy();
        if (n instanceof ObjectNode o) {
            o.remove("NextToken");
            for (String i : ignored) {
                o.remove(i);
            }
        }
        return Integer.toHexString(n.toString().hashCode());
    }

    static String encode(String fingerprint, long... position) {
        StringBuilder b = new StringBuilder("v1|").append(fingerprint);
        for (long p : position) {
            b.append('|').append(p);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token, or InvalidNextToken when it is not ours or not for this request. */
    static long[] decode(String token, String fingerprint, int parts) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] f = s.split("\\|");
            if (f.length != parts + 2 || !f[0].equals("v1") || !f[1].equals(fingerprint)) {
                throw CwErrors.invalidNextToken();
            }
            long[] out = new long[parts];
            for (int i = 0; i < parts; i++) {
                out[i] = Long.parseLong(f[i + 2]);
                if (out[i] < 0) {
                    throw CwErrors.invalidNextToken();
                }
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw CwErrors.invalidNextToken();
        }
    }
}
