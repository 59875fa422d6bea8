package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbormaster.app.store.LocalStore;
import io.harbormaster.app.store.SqliteEnvironmentRegistry;
import io.harbormaster.model.concurrent.ThreadFamily;
import io.harbormaster.model.environment.Environment;
import io.harbormaster.model.environment.EnvironmentRegistry;
import io.harbormaster.sandbox.SandboxOptions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded sandbox started beside the window: what the wiring needs is there at once, the environments are
 * offered only once the sandbox listens with its profiles written, and a sandbox that cannot start says why.
 */
class SandboxBesideWindowTest {

    @Test
    void environmentsAreOfferedOnlyOnceTheSandboxIsUp(@TempDir Path dir) throws Exception {
        try (ThreadFamily threads = new ThreadFamily("test"); LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            EmbeddedSandbox starting = EmbeddedSandbox.startBeside(SandboxOptions.forTests(), "alice",
                    dir.resolve("aws"), threads);
            try {
                assertThat(starting.files().config()).isEqualTo(dir.resolve("aws").resolve("config"));
                EnvironmentRegistry stored = new SqliteEnvironmentRegistry(store);
                starting.register(stored);
                List<Environment> offered = new StartingSandboxRegistry(stored, starting).environments();

                assertThat(starting.isStarted()).isTrue();
                assertThat(offered).extracting(Environment::id)
                        .containsExactly("sandbox-dev", "sandbox-stage", "sandbox-prod");
                assertThat(Files.readString(starting.files().config()))
                        .contains("endpoint_url = " + starting.sandbox().endpoint());
                assertThat(starting.clock(ZoneOffset.UTC).instant()).isEqualTo(starting.sandbox().clock().now());
                assertThat(starting.whenStarted().get(10, TimeUnit.SECONDS)).isSameAs(starting);
            } finally {
                starting.close();
            }
        }
    }

    @Test
    void aSandboxThatCannotWriteItsProfilesSaysWhyWhereTheEnvironmentsWouldBe(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("aws"), "a file where the profiles' directory goes");
        try (ThreadFamily threads = new ThreadFamily("test"); LocalStore store = LocalStore.open(dir.resolve("h.db"))) {
            EmbeddedSandbox starting = EmbeddedSandbox.startBeside(SandboxOptions.forTests(), "alice",
                    notADirectory, threads);
            EnvironmentRegistry offered = new StartingSandboxRegistry(new SqliteEnvironmentRegistry(store), starting);

            assertThatThrownBy(offered::environments).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Cannot write the sandbox's AWS profiles under " + notADirectory);
            assertThat(starting.isStarted()).isFalse();
            starting.close();
        }
    }
}
