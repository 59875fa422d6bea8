package io.harbormaster.app.journey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a journey starts the console: its command line, the sandbox's login and fleet, what is in its data directory
 * before it starts, and which environment it enters once the window shows.
 *
 * @param args          the console's command line
 * @param login         the sandbox's ops user whose MFA device answers prompts (alice unless {@code --login=})
 * @param seed          what is put into the data directory before start (a store with environments, a damaged file)
 * @param awsConfig     the operator's own AWS config file, or null for none (the sandbox then starts)
 * @param awsCredentials the operator's own AWS credentials file, or null
 * @param setupTimeout  how long the console may take to open (the 2,000-service fleet takes longer than the default)
 * @param entering      the environment entered once the window shows (MFA answered), or null
 * @param logLevel      the log file's level ({@code harbormaster.log.level}), or null for the console's own
 */
record JourneyOptions(List<String> args, String login, Seed seed, Path awsConfig, Path awsCredentials,
        Duration setupTimeout, String entering, String logLevel) {

    /** Puts something into the console's data directory before it starts. */
    @FunctionalInterface
    interface Seed {
        Seed NONE = home -> { };

        void into(Path home) throws Exception;
    }

    private static final String LATENCY = "--latency-ms=";

    JourneyOptions {
        args = List.copyOf(args);
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(setupTimeout, "setupTimeout");
    }

    /**
     * The embedded sandbox, alice logged in, no artificial service time, the night's traffic at every hour (what a
     * journey sees does not depend on when it runs) (the journeys' usual start).
     */
    static JourneyOptions sandbox() {
        return new JourneyOptions(List.of("--sandbox", LATENCY + 0, "--traffic=night"), "alice", Seed.NONE, null, null,
                Duration.ofSeconds(30), null, null);
    }

    /** The sandbox's last profiles with nothing listening behind them: nothing can be reached. */
    static JourneyOptions sandboxOffline() {
        return new JourneyOptions(List.of("--sandbox-offline"), "alice", Seed.NONE, null, null,
                Duration.ofSeconds(30), null, null);
    }

    /** The operator's own AWS files instead of the sandbox. */
    static JourneyOptions ownAws(Path config, Path credentials) {
        return new JourneyOptions(List.of(), "alice", Seed.NONE, config, credentials, Duration.ofSeconds(30), null, null);
    }

    JourneyOptions latencyMs(int millis) {
        return withArg(LATENCY, LATENCY + millis);
    }

    /** The sandbox's own service times and throttling, as AWS would answer. */
    JourneyOptions defaultLatency() {
        return withArg(LATENCY, null);
    }

    JourneyOptions fleet(String name) {
        return withArg("--fleet=", "--fleet=" + name);
    }

    JourneyOptions speed(double factor) {
        return withArg("--speed=", "--speed=" + factor);
    }

    JourneyOptions login(String user) {
        return new JourneyOptions(withArg("--login=", "--login=" + user).args, user, seed, awsConfig, awsCredentials,
                setupTimeout, entering, logLevel);
    }

    JourneyOptions seeded(Seed what) {
        return new JourneyOptions(args, login, what, awsConfig, awsCredentials, setupTimeout, entering, logLevel);
    }

    JourneyOptions setupTimeout(Duration timeout) {
        return new JourneyOptions(args, login, seed, awsConfig, awsCredentials, timeout, entering, logLevel);
    }

    /** Enters the environment once the window shows, answering its MFA prompt if it asks. */
    JourneyOptions entering(String environmentId) {
        return new JourneyOptions(args, login, seed, awsConfig, awsCredentials, setupTimeout, environmentId,
                logLevel);
    }

    /** The log file's level for this start (FINE records what the SDK does too). */
    JourneyOptions logLevel(String level) {
        return new JourneyOptions(args, login, seed, awsConfig, awsCredentials, setupTimeout, entering, level);
    }

    private JourneyOptions withArg(String prefix, String replacement) {
        List<String> next = new ArrayList<>(args.stream().filter(a -> !a.startsWith(prefix)).toList());
        if (replacement != null) {
            next.add(replacement);
        }
        return new JourneyOptions(next, login, seed, awsConfig, awsCredentials, setupTimeout, entering, logLevel);
    }
}
