package io.harbormaster.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar harbormaster-sandbox.jar [--port 4566] [--speed 60] [--fleet default|large|services] [--seed N]
 * [--user alice] [--no-throttling] [--night] [--service-time-ms 20] [--chaos FAULT]...}: starts a sandbox and prints the AWS config and
 * credentials to use it.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    /** The command line read: the options, the user whose files are printed, and the wire faults to switch on. */
    record Args(SandboxOptions options, String user, java.util.List<String> faults, boolean help) {

        /** Starts the sandbox and switches the {@code --chaos} faults on, as they are from the control API. */
        Sandbox start() {
            Sandbox sandbox = Sandbox.start(options);
            faults.forEach(sandbox.control()::addFault);
            return sandbox;
        }
    }

    /** @throws RuntimeException an unknown argument, a bad number, or a fault that does not parse (its message) */
    static Args parse(String[] args) {
        SandboxOptions options = SandboxOptions.defaults().withPort(4566);
        String user = "alice";
        java.util.List<String> faults = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> options = options.withPort(Integer.parseInt(args[++i]));
                case "--speed" -> options = options.withSpeed(Double.parseDouble(args[++i]));
                case "--fleet" -> options = options.withFleet(args[++i]);
                case "--seed" -> options = options.withSeed(Long.parseLong(args[++i]));
                case "--user" -> user = args[++i];
                case "--no-throttling" -> options = options.withThrottling(false);
                case "--night" -> options = options.withBusinessDay(false);
                case "--service-time-ms" -> options = options.withServiceTime(Duration.ofMillis(Long.parseLong(args[++i])));
                case "--chaos" -> faults.add(io.harbormaster.sandbox.chaos.FaultRule.parse(args[++i]).spec());
                case "--help", "-h" -> {
                    return new Args(options, user, faults, true);
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return new Args(options, user, java.util.List.copyOf(faults), false);
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Args parsed;
        try {
            parsed = parse(args);
        } catch (RuntimeException e) {
            out.println("error: " + e.getMessage());
            usage(out);
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            usage(out);
            return;
        }
        SandboxOptions options = parsed.options();
        String user = parsed.user();
        long t0 = System.nanoTime();
        Sandbox sandbox;
        try {
            sandbox = parsed.start();
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
        out.println("# IAM Identity Center profiles (sign in: aws sso login --sso-session sandbox-sso; approve at the");
        out.println("# verification address it opens, served by the sandbox on loopback)");
        out.println(sandbox.awsSsoConfig(user));
        out.println("# ~/.aws/credentials (or AWS_SHARED_CREDENTIALS_FILE)");
        out.println(sandbox.awsCredentials(user));
        out.println("# MFA device " + "arn:aws:iam::111111111111:mfa/" + user + ", TOTP secret (base32): "
                + sandbox.totpSecret(user));
        out.println("# e.g.  aws --profile sandbox-dev ecs list-clusters   (AWS CLI >= 2.13 and SDKs read endpoint_url)");
        out.println();
        out.print(oldCliAdvice(sandbox, user));
        out.flush();
        stop.await();
    }

    /**
     * How to use an AWS CLI older than 2.13 (Debian 12's {@code /usr/bin/aws} is 2.9): it ignores {@code endpoint_url}
     * in profiles, and a role profile would send its AssumeRole to the real STS.
     */
    static String oldCliAdvice(Sandbox sandbox, String user) {
        String endpoint = sandbox.endpoint().toString();
        SandboxControl.AccessKey key = sandbox.control().accessKey(user);
        String role = "carol".equals(user) ? "readonly" : "admin";
        return "# AWS CLI older than 2.13 (Debian 12's /usr/bin/aws is 2.9) ignores endpoint_url in profiles and would\n"
                + "# send a role profile's AssumeRole to the real STS. Pass --endpoint-url on every command and the\n"
                + "# credentials by environment instead:\n"
                + "export AWS_ACCESS_KEY_ID=" + key.accessKeyId() + " AWS_SECRET_ACCESS_KEY=" + key.secretAccessKey()
                + " AWS_DEFAULT_REGION=us-east-1\n"
                + "aws --endpoint-url " + endpoint + " sts assume-role --role-arn arn:aws:iam::222222222222:role/" + role
                + " --role-session-name " + user + "\n"
                + ("carol".equals(user) ? "" : "#   (prod's admin role also needs --serial-number arn:aws:iam::111111111111:mfa/"
                        + user + " --token-code <code>)\n")
                + "# then export AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from its Credentials and run\n"
                + "aws --endpoint-url " + endpoint + " ecs list-clusters\n";
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar harbormaster-sandbox.jar [--port 4566] [--speed 60] "
                + "[--fleet default|large|services] [--seed N] [--user alice|bob|carol] [--no-throttling] "
                + "[--night (the night's traffic at every hour, not the US business day)] [--service-time-ms 20] "
                + "[--chaos kind[:service[.Operation]][@region][,rate=R][,for=30s][,ms=N]]...");
    }
}
