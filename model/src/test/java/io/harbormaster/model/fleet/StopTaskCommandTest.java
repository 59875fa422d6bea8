package io.harbormaster.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StopTaskCommandTest {

    private static final String TASK = "arn:aws:ecs:us-east-1:222222222222:task/apps/0f3c9a7e2b1d4c5e8f60718293a4b5c6";

    @Test
    void aReasonOfUpTo255CharactersIsKeptStripped() {
        StopTaskCommand command = new StopTaskCommand("apps", TASK,
                "arn:aws:ecs:us-east-1:222222222222:service/apps/web", "  leaking memory  ");

        assertThat(command.reason()).isEqualTo("leaking memory");
        assertThat(command.taskId()).isEqualTo("0f3c9a7e2b1d4c5e8f60718293a4b5c6");
        assertThat(command.serviceName()).isEqualTo("web");
        assertThat(new StopTaskCommand("apps", TASK, "web", "x".repeat(255)).reason()).hasSize(255);
    }

    @Test
    void aReasonLongerThanEcsAllowsCannotExist() {
        assertThatThrownBy(() -> new StopTaskCommand("apps", TASK, "web", "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThat(StopTaskCommand.reasonProblem("x".repeat(256))).contains("this is 256");
    }

    @Test
    void charactersAreCountedNotUtf16Units() {
        String emoji = "\uD83D\uDE80"; // one character, two UTF-16 units
        assertThat(StopTaskCommand.reasonProblem(emoji.repeat(255))).isEmpty();
        assertThat(StopTaskCommand.reasonProblem(emoji.repeat(256))).isNotEmpty();
    }

    @Test
    void aReasonTaskAndClusterAreNeeded() {
        assertThatThrownBy(() -> new StopTaskCommand("apps", TASK, "web", "   "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Say why");
        assertThatThrownBy(() -> new StopTaskCommand("apps", TASK, "web", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StopTaskCommand("apps", " ", "web", "why"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StopTaskCommand("", TASK, "web", "why"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskNoServiceRunsHasAnEmptyService() {
        assertThat(new StopTaskCommand("apps", TASK, null, "why").serviceName()).isEmpty();
    }
}
