package io.harbormaster.model.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTextTest {

    private static final Instant AT = Instant.parse("2026-12-06T05:00:00.120Z");

    @Test
    void aLeadingStampOfTheSameMomentIsShownOnceNotTwice() {
        assertThat(LogText.withoutLeadingTime("2026-12-06T05:00:00.118Z INFO [main] started", AT))
                .isEqualTo("INFO [main] started");
        assertThat(LogText.withoutLeadingTime("[2026-12-06 06:00:00,118+0100] WARN slow", AT)).isEqualTo("WARN slow");
    }

    @Test
    void aStampThatSaysSomethingElseOrNoStampStays() {
        assertThat(LogText.withoutLeadingTime("2026-12-06T04:00:00Z INFO replayed", AT))
                .isEqualTo("2026-12-06T04:00:00Z INFO replayed");
        assertThat(LogText.withoutLeadingTime("2026-12-06 05:00:00 INFO no zone", AT)).as("zone unknown")
                .isEqualTo("2026-12-06 05:00:00 INFO no zone");
        assertThat(LogText.withoutLeadingTime("GET /orders 200", AT)).isEqualTo("GET /orders 200");
    }

    @Test
    void theLevelIsTheLevelWordNearTheStart() {
        assertThat(LogText.levelOf("WARN [http-nio-8080] slow upstream")).isEqualTo(LogText.Level.WARN);
        assertThat(LogText.levelOf("ERROR [main] o.s.boot.SpringApplication failed")).isEqualTo(LogText.Level.ERROR);
        assertThat(LogText.levelOf("INFO [main] no ERROR here, it is a message")).isEqualTo(LogText.Level.INFO);
        assertThat(LogText.levelOf("java.lang.IllegalStateException: boom")).isEqualTo(LogText.Level.ERROR);
        assertThat(LogText.levelSpan("INFO [main] x")).hasValueSatisfying(s -> assertThat(s).containsExactly(0, 4));
    }

    @Test
    void theTermsOfAFilterPatternAreHighlightable() {
        assertThat(FilterTerms.of("?ERROR ?WARN")).containsExactly("ERROR", "WARN");
        assertThat(FilterTerms.of("\"timed out\" -health")).containsExactly("timed out");
        assertThat(FilterTerms.of("?\"timed out\" ?refused")).containsExactly("timed out", "refused");
        assertThat(FilterTerms.of("{ $.level = \"ERROR\" }")).isEmpty();
        assertThat(FilterTerms.of("")).isEmpty();
        List<int[]> spans = FilterTerms.spans("ERROR upstream timed out; ERROR", List.of("ERROR", "timed out"));
        assertThat(spans).extracting(s -> s[0] + "-" + s[1]).containsExactly("0-5", "15-24", "26-31");
        assertThat(FilterTerms.spans("error", List.of("ERROR"))).as("case-sensitive, as CloudWatch").isEmpty();
    }
}
