package io.harbormaster.sandbox.chaos;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fault and which requests it picks: a service (SigV4 signing name: ecs, sts, monitoring, logs,
 * elasticloadbalancing, route53 …), an operation and a Region ({@code *} for any), a share of them ({@code rate}),
 * for a period of real time ({@code period}, zero for as long as the rule stays).
 *
 * <p>Written {@code kind[:service[.Operation]][@region][,rate=0.3][,for=30s][,ms=200][,seconds=900]}, e.g.
 * {@code unavailable:sts}, {@code internal-failure:ecs.DescribeServices,rate=0.5}, {@code region-down@eu-west-1,for=60s}.
 *
 * @param ms      latency base, slow-response delay or how long a non-answer holds the connection; 0 for the default
 * @param seconds how far AWS's clock is from the caller's, for {@link FaultKind#CLOCK_SKEW}
 */
public record FaultRule(FaultKind kind, String service, String operation, String region, double rate, Duration period,
        long ms, long seconds) {

    private static final Pattern SPEC = Pattern.compile("([a-z0-9-]+)(?::([A-Za-z0-9*-]+)(?:\\.([A-Za-z0-9*]+))?)?(?:@([a-z0-9*-]+))?");

    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(period, "period");
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in (0, 1], was " + rate);
        }
        if (period.isNegative() || ms < 0) {
            throw new IllegalArgumentException("for and ms must not be negative");
        }
        if (ms == 0) {
            ms = switch (kind) {
                case LATENCY -> 200;
                case SLOW_RESPONSE -> 35_000;
                case NO_ANSWER -> 120_000;
                default -> 0;
            };
        }
        if (kind == FaultKind.CLOCK_SKEW && seconds == 0) {
            seconds = 900;
        }
    }

    public static FaultRule parse(String spec) {
        String[] parts = spec.trim().split(",");
        Matcher m = SPEC.matcher(parts[0].trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read fault '" + spec
                    + "': expected kind[:service[.Operation]][@region][,rate=R][,for=30s][,ms=N][,seconds=N]");
        }
        double rate = 1;
        Duration period = Duration.ZERO;
        long ms = 0;
        long seconds = 0;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected name=value in fault '" + spec + "', got '" + parts[i] + "'");
            }
            String v = kv[1].trim();
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "rate" -> rate = Double.parseDouble(v);
                case "for" -> period = duration(v);
                case "ms" -> ms = Long.parseLong(v);
                case "seconds" -> seconds = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option '" + kv[0] + "' in fault '" + spec + "'");
            }
        }
        return new FaultRule(FaultKind.parse(m.group(1)), or(m.group(2)), or(m.group(3)), or(m.group(4)), rate, period,
                ms, seconds);
    }

    private static String or(String s) {
        return s == null ? "*" : s;
    }

    private static Duration duration(String v) {
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }

    boolean picks(RequestTarget t) {
        return matches(service, t.service()) && matches(operation, t.operation()) && matches(region, t.region());
    }

    private static boolean matches(String pattern, String value) {
        return "*".equals(pattern) || pattern.equalsIgnoreCase(value);
    }

    /** The rule as {@link #parse} reads it. */
    public String spec() {
        StringBuilder b = new StringBuilder(kind.spec());
        if (!"*".equals(service) || !"*".equals(operation)) {
            b.append(':').append(service);
            if (!"*".equals(operation)) {
                b.append('.').append(operation);
            }
        }
        if (!"*".equals(region)) {
            b.append('@').append(region);
        }
        b.append(",rate=").append(rate);
        if (!period.isZero()) {
            b.append(",for=").append(period.toMillis()).append("ms");
        }
        if (ms > 0) {
            b.append(",ms=").append(ms);
        }
        if (seconds != 0) {
            b.append(",seconds=").append(seconds);
        }
        return b.toString();
    }
}
