package io.harbormaster.sandbox.logs;

/**
 * One log event.
 *
 * @param key       its position in its stream: minute index × 1,000,000 + index within the minute (what tokens carry)
 * @param timestamp epoch milliseconds
 */
record LogEvent(long key, long timestamp, String message, long ingestionTime) {

    static final long PER_MINUTE = 1_000_000L;

    static long minuteOf(long key) {
        return key / PER_MINUTE;
    }

    /** AWS event ids are long decimal strings; ours are unique per stream position. */
    String eventId(int streamHash) {
        return String.format("%020d%010d%07d", timestamp, Integer.toUnsignedLong(streamHash) % 10_000_000_000L,
                key % PER_MINUTE);
    }
}
