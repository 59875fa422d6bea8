package io.harbormaster.app;

import java.time.Duration;
import java.util.List;

/**
 * Command-line options.
 *
 * @param forceSandbox    open on the embedded sandbox even when an AWS configuration exists ({@code --sandbox})
 * @param sandboxUser     the ops user the sandbox login uses ({@code --login=bob}); alice by default
 * @param sandboxSpeed    sandbox clock speed ({@code --speed=60} for a demo day in 24 minutes)
 * @param sandboxFleet    default, large or services ({@code --fleet=large})
 * @param sandboxLatency  per-call service time of the sandbox ({@code --latency-ms=0})
 * @param sandboxOffline  the sandbox's local database and last generated profiles without starting the sandbox, so
 *                        its endpoint is dead: the console as it is with no network ({@code --sandbox-offline})
 */
public record AppOptions(boolean forceSandbox, String sandboxUser, double sandboxSpeed, String sandboxFleet,
        Duration sandboxLatency, boolean sandboxOffline) {

    public static AppOptions parse(List<String> args) {
        boolean sandbox = false;
        String user = "alice";
        double speed = 1.0;
        String fleet = "default";
        Duration latency = Duration.ofMillis(20);
        boolean offline = false;
        for (String arg : args) {
            if (arg.equals("--sandbox")) {
                sandbox = true;
            } else if (arg.equals("--sandbox-offline")) {
                offline = true;
            } else if (arg.startsWith("--login=")) {
                user = value(arg);
            } else if (arg.startsWith("--speed=")) {
                speed = Double.parseDouble(value(arg));
            } else if (arg.startsWith("--fleet=")) {
                fleet = value(arg);
            } else if (arg.startsWith("--latency-ms=")) {
                latency = Duration.ofMillis(Long.parseLong(value(arg)));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + " (known: --sandbox --sandbox-offline --login=USER --speed=N --fleet=NAME --latency-ms=N)");
            }
        }
        if (sandbox && offline) {
            throw new IllegalArgumentException("--sandbox starts the sandbox, --sandbox-offline leaves it stopped:"
                    + " choose one");
        }
        return new AppOptions(sandbox, user, speed, fleet, latency, offline);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }
}
