package io.harbormaster.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar harbormaster-sandbox.jar [--port 4566] [--speed 60] [--fleet default|large|services] [--seed N]
 * [--user alice] [--no-throttling] [--service-time-ms 20]}: starts a sandbox and prints the AWS config and
 * credentials to use it.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options = SandboxOptions.defaults().withPort(4566);
        String user = "alice";
        PrintStream out = System.out;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> options = options.withPort(Integer.parseInt(args[++i]));
                    case "--speed" -> options = options.withSpeed(Double.parseDouble(args[++i]));
                    case "--fleet" -> options = options.withFleet(args[++i]);
                    case "--seed" -> options = options.withSeed(Long.parseLong(args[++i]));
                    case "--user" -> user = args[++i];
                    case "--no-throttling" -> options = options.withThrottling(false);
                    case "--service-time-ms" -> options = options.withServiceTime(Duration.ofMillis(Long.parseLong(args[++i])));
                    case "--help", "-h" -> {
                        usage(out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
        } catch (RuntimeException e) {
            out.println("error: " + e.getMessage());
            usage(out);
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            usage(out);
            System.exit(2);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stop.countDown();
        }, "sandbox-shutdown"));
        out.printf("Harbormaster sandbox on %s (fleet %s, speed %s, seed %d) started in %d ms%n%n",
                sandbox.endpoint(), options.fleet(), options.speed(), options.seed(), (System.nanoTime() - t0) / 1_000_000);
        out.println("# ~/.aws/config (or AWS_CONFIG_FILE)");
        out.println(sandbox.awsConfig(user));
        out.println("# ~/.aws/credentials (or AWS_SHARED_CREDENTIALS_FILE)");
        out.println(sandbox.awsCredentials(user));
        out.println("# MFA device " + "arn:aws:iam::111111111111:mfa/" + user + ", TOTP secret (base32): "
                + sandbox.totpSecret(user));
        out.println("# e.g.  aws --profile sandbox-dev ecs list-clusters");
        out.flush();
        stop.await();
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar harbormaster-sandbox.jar [--port 4566] [--speed 60] "
                + "[--fleet default|large|services] [--seed N] [--user alice|bob|carol] [--no-throttling] "
                + "[--service-time-ms 20]");
    }
}
