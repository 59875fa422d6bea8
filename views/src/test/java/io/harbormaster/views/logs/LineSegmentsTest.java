package io.harbormaster.views.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineSegmentsTest {

    @Test
    void theLevelAndTheMatchesAreTheirOwnRuns() {
        String text = "ERROR upstream timed out";
        List<LineSegments.Segment> runs = LineSegments.of(text, new int[] {0, 5}, List.of(new int[] {15, 24}));

        assertThat(runs).extracting(LineSegments.Segment::text).containsExactly("ERROR", " upstream ", "timed out");
        assertThat(runs).extracting(LineSegments.Segment::kind).containsExactly(LineSegments.Kind.LEVEL,
                LineSegments.Kind.PLAIN, LineSegments.Kind.MATCH);
        assertThat(String.join("", runs.stream().map(LineSegments.Segment::text).toList())).isEqualTo(text);
    }

    @Test
    void aMatchOnTheLevelWordIsShownAsAMatch() {
        List<LineSegments.Segment> runs = LineSegments.of("ERROR x", new int[] {0, 5}, List.of(new int[] {0, 5}));
        assertThat(runs.get(0).kind()).isEqualTo(LineSegments.Kind.MATCH);
        assertThat(LineSegments.of("", null, List.of())).isEmpty();
    }
}
