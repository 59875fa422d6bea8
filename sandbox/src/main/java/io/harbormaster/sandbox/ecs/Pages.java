package io.harbormaster.sandbox.ecs;

import io.harbormaster.sandbox.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * nextToken pagination over sorted keys: a token names the last key returned, so pages stay consistent while the
 * fleet changes underneath (new items after the cursor show up, removed ones just disappear).
 */
final class Pages {

    record Page<T>(List<T> items, String nextToken) {
    }

    private static final String PREFIX = "hm1:";

    private Pages() {
    }

    static <T> Page<T> page(NavigableMap<String, T> items, Predicate<T> filter, String nextToken, int max) {
        NavigableMap<String, T> tail = nextToken == null ? items : items.tailMap(decode(nextToken), false);
        List<T> out = new ArrayList<>(Math.min(max, 128));
        String last = null;
        for (Map.Entry<String, T> e : tail.entrySet()) {
            if (!filter.test(e.getValue())) {
                continue;
            }
            if (out.size() == max) {
                return new Page<>(out, encode(last));
            }
            out.add(e.getValue());
            last = e.getKey();
        }
        return new Page<>(out, null);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith(PREFIX)) {
                return s.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the AWS error below
        }
        throw new AwsException("InvalidParameterException", "Invalid nextToken: " + token);
    }

    /** maxResults within [1, limit], defaulting as the operation does. */
    static int maxResults(Integer requested, int defaultValue, int limit) {
        if (requested == null) {
            return defaultValue;
        }
        if (requested < 1 || requested > limit) {
            throw new AwsException("InvalidParameterException", "maxResults must be between 1 and " + limit
                    + ", but was " + requested + ".");
        }
        return requested;
    }
}
