package io.harbormaster.app;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Command-line options, the same whether they come from the installed launcher's arguments or from
 * {@code -Dharbormaster.args} on the Maven run command.
 *
 * @param forceSandbox    open on the embedded sandbox even when an AWS configuration exists ({@code --sandbox})
 * @param sandboxUser     the ops user the sandbox login uses ({@code --login=bob}); alice by default
 * @param sandboxSpeed    sandbox clock speed ({@code --speed=60} for a demo day in 24 minutes)
 * @param sandboxFleet    default, large or services ({@code --fleet=large})
 * @param sandboxLatency  per-call service time of the sandbox ({@code --latency-ms=0})
 * @param sandboxBusinessDay whether the sandbox's traffic follows the US business day ({@code --traffic=day}, the
 *                        default: Service Auto Scaling grows services from 9:00 US Eastern) or stays at the night's
 *                        level ({@code --traffic=night}: the same load whenever the console runs; the journeys)
 * @param sandboxOffline  the sandbox's local database and last generated profiles without starting the sandbox, so
 *                        its endpoint is dead: the console as it is with no network ({@code --sandbox-offline})
 * @param smoke           {@link Smoke#START}: exit 0 once the first window has painted real content, non-zero if it
 *                        has not within {@link Smoke#timeout} ({@code --smoke}; the start-up benchmark);
 *                        {@link Smoke#TOUR}: then visit every page in every environment and exit 0, non-zero naming
 *                        the page that did not open ({@code --smoke=tour}; the installed launcher's check in CI)
 * @param help            print the options and exit ({@code --help}, {@code -h})
 * @param version         print the version and exit ({@code --version})
 */
public record AppOptions(boolean forceSandbox, String sandboxUser, double sandboxSpeed, String sandboxFleet,
        Duration sandboxLatency, boolean sandboxBusinessDay, boolean sandboxOffline, Smoke smoke, boolean help,
        boolean version) {

    /** What a smoke run proves before it exits: nothing (a normal run), a start, or every page. */
    public enum Smoke {
        NONE(Duration.ZERO),
        /** The first window painted: the start-up benchmark's end point. */
        START(Duration.ofSeconds(120)),
        /** Then every page of every environment shown with current data ({@link PageTour}). */
        TOUR(Duration.ofMinutes(10));

        private final Duration timeout;

        Smoke(Duration timeout) {
            this.timeout = timeout;
        }

        /** How long the run may take before the watchdog fails it (generous: a busy 2-core machine is slow). */
        public Duration timeout() {
            return timeout;
        }
    }

    /** What {@code --help} prints. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: harbormaster [options]",
            "",
            "  --sandbox          open on the embedded sandbox (a local AWS) even when ~/.aws is configured",
            "  --login=USER       the sandbox's ops user: alice (everything), bob (dev only), carol (read-only)",
            "  --speed=N          sandbox clock speed, e.g. 60 for a day in 24 minutes (0: stopped)",
            "  --fleet=NAME       sandbox fleet: default, large or services",
            "  --latency-ms=N     sandbox service time per call (default 20)",
            "  --traffic=WHEN     sandbox traffic: day (the US business day, the default) or night (at every hour)",
            "  --sandbox-offline  the last sandbox's data with no sandbox running",
            "  --smoke            exit 0 once the first window has painted (non-zero after 120 s)",
            "  --smoke=tour       then show every page in every environment and exit 0 (non-zero naming",
            "                     the page that failed; sandbox MFA answered with its practice codes)",
            "  --version          print the version and exit",
            "  --help             print this and exit");

    public static AppOptions parse(List<String> args) {
        boolean sandbox = false;
        String user = "alice";
        double speed = 1.0;
        String fleet = "default";
        Duration latency = Duration.ofMillis(20);
        boolean businessDay = true;
        boolean offline = false;
        Smoke smoke = Smoke.NONE;
        boolean help = false;
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("--sandbox")) {
                sandbox = true;
            } else if (arg.equals("--sandbox-offline")) {
                offline = true;
            } else if (arg.equals("--smoke") || arg.equals("--smoke=start")) {
                smoke = Smoke.START;
            } else if (arg.equals("--smoke=tour")) {
                smoke = Smoke.TOUR;
            } else if (arg.startsWith("--smoke=")) {
                throw new IllegalArgumentException("--smoke is --smoke (the first window) or --smoke=tour (every"
                        + " page), not " + arg);
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.startsWith("--login=")) {
                user = nonBlank(arg);
            } else if (arg.startsWith("--speed=")) {
                speed = number(arg, Double::parseDouble);
                // 0 stops the sandbox's clock (it moves only when told: practice and tests step through bake times)
                if (!(speed >= 0) || Double.isInfinite(speed)) {
                    throw new IllegalArgumentException("--speed must be 0 (clock stopped) or above, not " + value(arg));
                }
            } else if (arg.startsWith("--fleet=")) {
                fleet = nonBlank(arg);
            } else if (arg.startsWith("--latency-ms=")) {
                long millis = number(arg, Long::parseLong);
                if (millis < 0) {
                    throw new IllegalArgumentException("--latency-ms cannot be negative: " + millis);
                }
                latency = Duration.ofMillis(millis);
            } else if (arg.equals("--traffic=day") || arg.equals("--traffic=night")) {
                businessDay = arg.equals("--traffic=day");
            } else if (arg.startsWith("--traffic=")) {
                throw new IllegalArgumentException("--traffic is day (the US business day) or night (the night's"
                        + " load at every hour), not " + value(arg));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + " (known: --sandbox --sandbox-offline --login=USER --speed=N --fleet=NAME --latency-ms=N"
                        + " --traffic=day|night --smoke --smoke=tour --version --help)");
            }
        }
        if (sandbox && offline) {
            throw new IllegalArgumentException("--sandbox starts the sandbox, --sandbox-offline leaves it stopped:"
                    + " choose one");
        }
        return new AppOptions(sandbox, user, speed, fleet, latency, businessDay, offline, smoke, help, version);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static String nonBlank(String arg) {
        String value = value(arg);
        if (value.isBlank()) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return value;
    }

    private static <T> T number(String arg, Function<String, T> parser) {
        try {
            return parser.apply(value(arg));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(arg.substring(0, arg.indexOf('=')) + " needs a number, not '"
                    + value(arg) + "'", e);
        }
    }
}
