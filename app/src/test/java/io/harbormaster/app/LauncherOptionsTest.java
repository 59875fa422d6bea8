package io.harbormaster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The installed launcher's command line: the options of -Dharbormaster.args plus --smoke, --version, --help. */
class LauncherOptionsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void noArgumentsMeansTheDefaults() {
        AppOptions options = AppOptions.parse(List.of());

        assertThat(options).isEqualTo(new AppOptions(false, "alice", 1.0, "default", Duration.ofMillis(20), true,
                false, AppOptions.Smoke.NONE, false, false));
    }

    @Test
    void everyOptionIsRead() {
        AppOptions options = AppOptions.parse(List.of("--sandbox", "--login=bob", "--speed=60", "--fleet=large",
                "--latency-ms=0", "--smoke"));

        assertThat(options.forceSandbox()).isTrue();
        assertThat(options.sandboxUser()).isEqualTo("bob");
        assertThat(options.sandboxSpeed()).isEqualTo(60.0);
        assertThat(options.sandboxFleet()).isEqualTo("large");
        assertThat(options.sandboxLatency()).isEqualTo(Duration.ZERO);
        assertThat(options.smoke()).isEqualTo(AppOptions.Smoke.START);
    }

    @Test
    void smokeIsTheFirstWindowOrTheTourOfEveryPage() {
        assertThat(AppOptions.parse(List.of("--smoke=start")).smoke()).isEqualTo(AppOptions.Smoke.START);
        assertThat(AppOptions.parse(List.of("--sandbox", "--smoke=tour")).smoke()).isEqualTo(AppOptions.Smoke.TOUR);
        assertThat(AppOptions.Smoke.TOUR.timeout()).as("a tour takes longer than a start")
                .isGreaterThan(AppOptions.Smoke.START.timeout());
        assertThatThrownBy(() -> AppOptions.parse(List.of("--smoke=all"))).hasMessageContaining("--smoke=tour")
                .hasMessageContaining("--smoke=all");
        assertThat(Launcher.answerWithoutWindow(List.of("--smoke=walk"), print(out), print(err)))
                .isEqualTo(Launcher.USAGE_ERROR);
    }

    @Test
    void theSandboxsTrafficFollowsTheBusinessDayOrStaysAtNight() {
        assertThat(AppOptions.parse(List.of("--sandbox")).sandboxBusinessDay()).as("the seed's day").isTrue();
        assertThat(AppOptions.parse(List.of("--traffic=day")).sandboxBusinessDay()).isTrue();
        assertThat(AppOptions.parse(List.of("--sandbox", "--traffic=night")).sandboxBusinessDay()).isFalse();
        assertThatThrownBy(() -> AppOptions.parse(List.of("--traffic=noon"))).hasMessageContaining("--traffic")
                .hasMessageContaining("noon");
        assertThat(AppOptions.USAGE).contains("--traffic=WHEN");
    }

    @Test
    void badValuesAreRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> AppOptions.parse(List.of("--speed=fast"))).hasMessageContaining("--speed")
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--speed=-1"))).hasMessageContaining("0 (clock stopped)");
        assertThat(AppOptions.parse(List.of("--speed=0")).sandboxSpeed()).as("a stopped sandbox clock").isZero();
        assertThatThrownBy(() -> AppOptions.parse(List.of("--latency-ms=-5"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--login="))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--sandbox", "--sandbox-offline")))
                .hasMessageContaining("choose one");
    }

    @Test
    void helpPrintsTheUsageAndExitsWithoutAWindow() {
        int status = Launcher.answerWithoutWindow(List.of("--help"), print(out), print(err));

        assertThat(status).isZero();
        assertThat(text(out)).contains("--sandbox", "--login=USER", "--speed=N", "--fleet=NAME", "--smoke",
                "--smoke=tour", "--version");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void versionPrintsTheVersion() {
        int status = Launcher.answerWithoutWindow(List.of("--version"), print(out), print(err));

        assertThat(status).isZero();
        assertThat(text(out)).startsWith("Harbormaster ").contains(Version.current());
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        int status = Launcher.answerWithoutWindow(List.of("--sandbx"), print(out), print(err));

        assertThat(status).isEqualTo(Launcher.USAGE_ERROR);
        assertThat(text(err)).contains("Unknown option --sandbx").contains("Usage:");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void ordinaryOptionsOpenTheConsole() {
        assertThat(Launcher.answerWithoutWindow(List.of("--sandbox", "--fleet=large"), print(out), print(err)))
                .isEqualTo(-1);
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream sink) {
        return sink.toString(StandardCharsets.UTF_8);
    }
}
