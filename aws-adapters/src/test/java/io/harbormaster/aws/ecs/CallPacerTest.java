package io.harbormaster.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CallPacerTest {

    /** A clock that only moves when someone waits. */
    private long now = 1_000_000_000L;
    private final CallPacer pacer = new CallPacer(() -> now, nanos -> now += nanos);

    private double seconds() {
        return (now - 1_000_000_000L) / 1e9;
    }

    @Test
    void aFullBucketGoesAtOnceThenTheCallsFollowAtJustUnderAwsRefillRate() {
        for (int i = 0; i < ThrottleBucket.SERVICE_READ.burst; i++) {
            pacer.take(ThrottleBucket.SERVICE_READ, false);
        }
        assertThat(seconds()).isZero();

        for (int i = 0; i < 190; i++) {
            pacer.take(ThrottleBucket.SERVICE_READ, false);
        }
        double rate = 190 / seconds();
        assertThat(rate).isLessThan(ThrottleBucket.SERVICE_READ.perSecond)
                .isCloseTo(ThrottleBucket.SERVICE_READ.perSecond * CallPacer.RATE_MARGIN, Offset.offset(0.1));
    }

    @Test
    void eachBucketIsItsOwn() {
        for (int i = 0; i < ThrottleBucket.TASK_DEFINITION_READ.burst; i++) {
            pacer.take(ThrottleBucket.TASK_DEFINITION_READ, false);
        }
        pacer.take(ThrottleBucket.SERVICE_READ, false);
        pacer.take(ThrottleBucket.CLUSTER_RESOURCE_READ, false);
        assertThat(seconds()).isZero();
        pacer.take(ThrottleBucket.TASK_DEFINITION_READ, false);
        assertThat(seconds()).isGreaterThan(0.04);
    }

    @Test
    void aPauseRefillsTheBucketButNeverBeyondItsBurst() {
        for (int i = 0; i < ThrottleBucket.SERVICE_READ.burst; i++) {
            pacer.take(ThrottleBucket.SERVICE_READ, false);
        }
        now += 60_000_000_000L;
        assertThat(pacer.tokens(ThrottleBucket.SERVICE_READ)).isEqualTo(ThrottleBucket.SERVICE_READ.burst);
    }

    @Test
    void aCallGoingAheadTakesTheNextTokenBeforeAnyListPageOrOtherCall() {
        for (int i = 0; i < ThrottleBucket.CLUSTER_RESOURCE_READ.burst; i++) {
            pacer.take(ThrottleBucket.CLUSTER_RESOURCE_READ, true);
        }
        double oneToken = 1 / (ThrottleBucket.CLUSTER_RESOURCE_READ.perSecond * CallPacer.RATE_MARGIN);
        try (CallPacer.Listing waiting = pacer.ahead(ThrottleBucket.CLUSTER_RESOURCE_READ)) {
            pacer.take(ThrottleBucket.CLUSTER_RESOURCE_READ, true);
            assertThat(seconds()).as("the list page waits for a second token: the first is the host call's")
                    .isCloseTo(2 * oneToken, Offset.offset(1e-6));
        }
        double before = seconds();
        pacer.takeAhead(ThrottleBucket.CLUSTER_RESOURCE_READ);
        assertThat(seconds() - before).as("going ahead, it needs only the next token")
                .isLessThanOrEqualTo(oneToken + 1e-6);
    }

    @Test
    void whileAListPagesOtherCallsTakeOnlyTheTopOfTheBucketAndItsPagesNeverWaitForThem() {
        CallPacer.Listing listing = pacer.listing(ThrottleBucket.SERVICE_READ);
        for (int i = 0; i < CallPacer.HEADROOM; i++) {
            pacer.take(ThrottleBucket.SERVICE_READ, false);
        }
        assertThat(seconds()).isZero();
        long before = now;
        pacer.take(ThrottleBucket.SERVICE_READ, false);
        assertThat(now).as("the next describe waits for the refill").isGreaterThan(before);

        long listedAt = now;
        int left = (int) pacer.tokens(ThrottleBucket.SERVICE_READ);
        for (int i = 0; i < left; i++) {
            pacer.take(ThrottleBucket.SERVICE_READ, true);
        }
        assertThat(now).as("list pages take the rest without waiting").isEqualTo(listedAt);

        listing.close();
        now += 1_000_000_000L;
        long freed = now;
        pacer.take(ThrottleBucket.SERVICE_READ, false);
        assertThat(now).as("once the list is in, the bottom of the bucket is anyone's").isEqualTo(freed);
    }
}
