package io.harbormaster.model.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowCursorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String TASK = "0123456789abcdef0123456789abcdef";

    private static LogEvent line(String id, int second) {
        return new LogEvent(T0.plusSeconds(second), T0.plusSeconds(second + 1), "api/app/" + TASK, "line " + id, id);
    }

    @Test
    void eachCallStartsJustBeforeTheNewestLineAndLinesSeenAreNotShownTwice() {
        FollowCursor cursor = new FollowCursor(LogQuery.of("/ecs/main/api", "ERROR", T0), Duration.ofSeconds(30));
        assertThat(cursor.next().start()).isEqualTo(T0);
        assertThat(cursor.accept(new LogPage(List.of(line("a", 10), line("b", 50)), null)))
                .extracting(LogEvent::eventId).containsExactly("a", "b");

        LogQuery second = cursor.next();
        assertThat(second.start()).isEqualTo(T0.plusSeconds(20));
        assertThat(second.nextToken()).isNull();
        assertThat(second.filterPattern()).isEqualTo("ERROR");
        // b again, and c which arrived late with an older timestamp than b
        assertThat(cursor.accept(new LogPage(List.of(line("c", 45), line("b", 50), line("d", 70)), null)))
                .extracting(LogEvent::eventId).containsExactly("c", "d");
        assertThat(cursor.newest()).contains(T0.plusSeconds(70));
    }

    @Test
    void pagesOfOneCallAreFollowedByTokenFromTheSameStart() {
        FollowCursor cursor = new FollowCursor(LogQuery.of("/ecs/main/api", "", T0));
        cursor.next();
        cursor.accept(new LogPage(List.of(line("a", 100)), "tok-1"));
        assertThat(cursor.hasMorePages()).isTrue();
        LogQuery more = cursor.next();
        assertThat(more.nextToken()).isEqualTo("tok-1");
        assertThat(more.start()).isEqualTo(T0);
        assertThat(cursor.accept(new LogPage(List.of(), null))).isEmpty();
        assertThat(cursor.hasMorePages()).isFalse();
        assertThat(cursor.next().start()).isEqualTo(T0.plusSeconds(100).minus(FollowCursor.DEFAULT_OVERLAP));
    }

    @Test
    void idsOlderThanTheOverlapAreForgotten() {
        FollowCursor cursor = new FollowCursor(LogQuery.of("/ecs/main/api", "", T0), Duration.ofSeconds(30));
        cursor.accept(new LogPage(List.of(line("a", 0), line("b", 10), line("c", 100)), null));
        assertThat(cursor.remembered()).isEqualTo(1);
    }

    @Test
    void aFollowedSearchHasNoEnd() {
        assertThatThrownBy(() -> new FollowCursor(new LogQuery("/ecs/main/api", "", "", T0, T0.plusSeconds(1),
                null, 100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTaskIdIsReadFromAnAwslogsStreamName() {
        assertThat(LogStreams.taskId("api/app/" + TASK)).contains(TASK);
        assertThat(line("x", 0).taskId()).contains(TASK);
        assertThat(LogStreams.containerName("ecs/web-app/" + TASK)).contains("web-app");
        assertThat(LogStreams.taskId("api/app/3f2a1b7c-1234-4d5e-8f90-0123456789ab"))
                .contains("3f2a1b7c-1234-4d5e-8f90-0123456789ab");
        assertThat(LogStreams.taskId("i-0abc/var/log/messages")).isEmpty();
        assertThat(LogStreams.taskId(TASK)).isEmpty();
        assertThat(LogStreams.taskId(null)).isEmpty();
    }
}
