package io.harbormaster.sandbox.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The traffic model's memo of computed minutes must not grow with the sandbox's clock: a soak at ×60 runs two
 * sandbox days in 48 wall minutes, and every host, service and target group caches each minute it computed.
 */
class MinuteCacheTest {

    private static final long DAY = 24 * 60;

    @Test
    void twoDaysOfMinutesHoldNoMoreThanTheBound() {
        MinuteCache<double[]> cache = new MinuteCache<>();
        for (long minute = 0; minute < 2 * DAY; minute++) {
            cache.put(minute, new double[] {minute});
        }

        assertThat(cache.hoursHeld()).isEqualTo(MinuteCache.MAX_CHUNKS);
        long last = 2 * DAY - 1;
        assertThat(cache.get(last)[0]).isEqualTo(last);
        assertThat(cache.get(last - 60 * (MinuteCache.MAX_CHUNKS - 1))).as("the oldest hour kept").isNotNull();
        assertThat(cache.get(last - 60 * MinuteCache.MAX_CHUNKS)).as("an hour past the bound").isNull();
    }

    @Test
    void anHourReadAgainOutlivesNewerHoursNotRead() {
        MinuteCache<Double> cache = new MinuteCache<>();
        cache.put(0, 1.0);
        for (long hour = 1; hour <= 3 * MinuteCache.MAX_CHUNKS; hour++) {
            assertThat(cache.get(0)).as("hour 0 read before hour %d is written", hour).isEqualTo(1.0);
            cache.put(hour * 60, 2.0);
        }

        assertThat(cache.hoursHeld()).isEqualTo(MinuteCache.MAX_CHUNKS);
        assertThat(cache.get(60)).as("hour 1, never read again").isNull();
    }
}
