package io.harbormaster.views.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogsViewTest {

    @Test
    void aStackTraceShowsTwoLinesAndCountsTheRest() {
        assertThat(LogsView.firstLines("GET /v1/users 200 12ms")).isEqualTo("GET /v1/users 200 12ms");
        assertThat(LogsView.firstLines("ERROR failed\njava.net.SocketTimeoutException: Read timed out\n"))
                .isEqualTo("ERROR failed\njava.net.SocketTimeoutException: Read timed out");
        assertThat(LogsView.firstLines("ERROR failed\njava.lang.NullPointerException\n\tat a.B.c(B.java:1)\n"
                + "\tat a.B.d(B.java:2)"))
                .isEqualTo("ERROR failed\njava.lang.NullPointerException   … +2 more lines");
    }
}
