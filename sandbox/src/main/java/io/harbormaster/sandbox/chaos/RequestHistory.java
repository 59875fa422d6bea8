package io.harbormaster.sandbox.chaos;

import java.util.Map;
import java.util.TreeMap;

/**
 * The last requests received, each with its operation and the {@code User-Agent} it carried, as CloudTrail records
 * each call's {@code userAgent}: a client that names the purpose of its calls in its user agent (the AWS SDKs append
 * an {@code ApiName}'s {@code name/version} to it) can then count what one piece of its work sent, retries included,
 * apart from whatever else it sent meanwhile. Bounded: the oldest requests are dropped, and a count whose requests
 * may have been dropped is refused rather than answered short.
 */
final class RequestHistory {

    /** A few thousand requests: a minute of a busy console; at most a megabyte or two of user agents. */
    static final int CAPACITY = 4_096;

    private final String[] operations;
    private final String[] userAgents;
    /** Requests recorded since the start; the next one's number. */
    private long recorded;

    RequestHistory() {
        this(CAPACITY);
    }

    RequestHistory(int capacity) {
        operations = new String[capacity];
        userAgents = new String[capacity];
    }

    synchronized void record(String operation, String userAgent) {
        int slot = (int) (recorded % operations.length);
        operations[slot] = operation;
        userAgents[slot] = userAgent == null ? "" : userAgent;
        recorded++;
    }

    /** A mark: requests recorded after it can be counted with {@link #byOperation(long, String)}. */
    synchronized long mark() {
        return recorded;
    }

    /**
     * Requests recorded since {@code mark} whose user agent has {@code product} as one of its space-separated
     * tokens (so {@code app/1} is not {@code app/12}), by operation.
     *
     * @throws IllegalStateException when requests after the mark have been dropped already
     */
    synchronized Map<String, Long> byOperation(long mark, String product) {
        if (mark < 0 || mark > recorded) {
            throw new IllegalArgumentException("no such mark: " + mark + " (" + recorded + " requests recorded)");
        }
        if (product.isBlank() || product.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("a user agent's product token has no spaces: '" + product + "'");
        }
        if (recorded - mark > operations.length) {
            throw new IllegalStateException((recorded - mark) + " requests since the mark, more than the "
                    + operations.length + " kept: the count would be short");
        }
        Map<String, Long> counts = new TreeMap<>();
        for (long n = mark; n < recorded; n++) {
            int slot = (int) (n % operations.length);
            if (hasProduct(userAgents[slot], product)) {
                counts.merge(operations[slot], 1L, Long::sum);
            }
        }
        return counts;
    }

    private static boolean hasProduct(String userAgent, String product) {
        int from = 0;
        while ((from = userAgent.indexOf(product, from)) >= 0) {
            int end = from + product.length();
            if ((from == 0 || userAgent.charAt(from - 1) == ' ')
                    && (end == userAgent.length() || userAgent.charAt(end) == ' ')) {
                return true;
            }
            from = end;
        }
        return false;
    }
}
