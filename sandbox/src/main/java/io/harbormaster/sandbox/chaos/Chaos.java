package io.harbormaster.sandbox.chaos;

import io.harbormaster.sandbox.core.AwsException;
import io.harbormaster.sandbox.core.SandboxRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox's fault injector: rules switched on and off at run time, each picking requests by service, operation
 * and Region, at a rate, for a period. Which requests a rule picks, and how long a tail latency is, come from one
 * random stream seeded at start: the same requests in the same order meet the same faults.
 */
public final class Chaos implements AutoCloseable {

    /** The control API's path: GET lists the rules, POST adds one per line of the body, DELETE removes them all. */
    public static final String CONTROL_PATH = "/_sandbox/chaos";

    private static final Logger LOG = Logger.getLogger("io.harbormaster.sandbox");
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    /** HTTP's date, as AWS writes it: two-digit day, GMT. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            java.util.Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What to do with one request: answer normally (no kind), after a delay, with an error, cut off, or never. */
    public record Plan(FaultKind kind, long delayMs, AwsException error, Map<String, String> headers, long holdMs) {

        static final Plan NONE = new Plan(null, 0, null, Map.of(), 0);

        public boolean cutsOff() {
            return kind == FaultKind.CONNECTION_RESET;
        }

        public boolean neverAnswers() {
            return kind == FaultKind.NO_ANSWER;
        }
    }

    private record Active(long id, FaultRule rule, long startNanos) {
    }

    private final List<Active> rules = new ArrayList<>();
    private final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);
    private final Set<AutoCloseable> held = ConcurrentHashMap.newKeySet();
    private final OperationTally tally = new OperationTally();
    private final RequestHistory history = new RequestHistory();
    private final SplittableRandom random;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService scheduler;
    private long nextId = 1;

    public Chaos(long seed, LongSupplier nanoTime) {
        this.random = new SplittableRandom(seed);
        this.nanoTime = nanoTime;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-chaos");
            t.setDaemon(true);
            return t;
        });
    }

    /** Switches a rule on from now; answers its id. */
    public synchronized long add(FaultRule rule) {
        long id = nextId++;
        rules.add(new Active(id, rule, nanoTime.getAsLong()));
        LOG.info(() -> "sandbox chaos: fault " + id + " on: " + rule.spec());
        return id;
    }

    /** Switches every rule off; connections held without an answer are closed. */
    public void clear() {
        synchronized (this) {
            rules.clear();
        }
        releaseHeld();
    }

    public synchronized void remove(long id) {
        rules.removeIf(a -> a.id() == id);
    }

    /** The rules still in force, by id. */
    public synchronized Map<Long, FaultRule> rules() {
        expire();
        Map<Long, FaultRule> out = new LinkedHashMap<>();
        rules.forEach(a -> out.put(a.id(), a.rule()));
        return out;
    }

    /** How many requests each kind of fault has been applied to since the start. */
    public synchronized Map<FaultKind, Long> injected() {
        Map<FaultKind, Long> copy = new EnumMap<>(FaultKind.class);
        copy.putAll(injected);
        return copy;
    }

    /**
     * How many requests each operation received since the start ({@code ecs.DescribeServices} → n), faulted or not,
     * the control API's own left out.
     */
    public Map<String, Long> requestsByOperation() {
        return tally.snapshot();
    }

    /** A mark in the history of requests, for {@link #requestsByOperation(long, String)}. */
    public long requestMark() {
        return history.mark();
    }

    /**
     * How many requests each operation received since {@code mark} from a client whose {@code User-Agent} has
     * {@code product} as one of its tokens ({@code name/version}, as an SDK's ApiName appends it), keyed as
     * {@link #requestsByOperation()}; of the last {@value RequestHistory#CAPACITY} requests at most.
     *
     * @throws IllegalStateException when requests since the mark have been dropped from the history
     */
    public Map<String, Long> requestsByOperation(long mark, String product) {
        return history.byOperation(mark, product);
    }

    /**
     * Counts the request for {@link #requestsByOperation()}, then the first rule in force that picks it decides; a
     * request no rule picks is answered normally.
     */
    public Plan plan(SandboxRequest request) {
        RequestTarget target = RequestTarget.of(request);
        tally.count(target);
        history.record(OperationTally.key(target), request.header("user-agent"));
        return planFor(target, request);
    }

    private synchronized Plan planFor(RequestTarget target, SandboxRequest request) {
        if (rules.isEmpty()) {
            return Plan.NONE;
        }
        expire();
        for (Active a : rules) {
            FaultRule rule = a.rule();
            if (!rule.picks(target) || random.nextDouble() >= rule.rate()) {
                continue;
            }
            Plan plan = planFor(rule, request);
            if (plan != Plan.NONE) {
                injected.merge(rule.kind(), 1L, Long::sum);
                return plan;
            }
        }
        return Plan.NONE;
    }

    private Plan planFor(FaultRule rule, SandboxRequest request) {
        FaultKind k = rule.kind();
        return switch (k) {
            case LATENCY -> new Plan(k, tail(rule.ms()), null, Map.of(), 0);
            case SLOW_RESPONSE -> new Plan(k, rule.ms(), null, Map.of(), 0);
            case NO_ANSWER -> new Plan(k, 0, null, Map.of(), rule.ms());
            case CONNECTION_RESET -> new Plan(k, 0, null, Map.of(), 0);
            case INTERNAL_FAILURE -> error(k, AwsException.internal("We encountered an internal error. Please try again."));
            case SERVICE_UNAVAILABLE -> error(k, new AwsException("ServiceUnavailable", "ServiceUnavailable", 503, false,
                    "Service is unavailable. Please try again later."));
            case THROTTLING -> error(k, AwsException.throttled());
            case EXPIRED_TOKEN -> error(k, AwsException.expiredToken());
            case CLOCK_SKEW -> skewed(rule, request);
        };
    }

    private static Plan error(FaultKind k, AwsException e) {
        return new Plan(k, 0, e, Map.of(), 0);
    }

    /** Pareto with shape 1.5: most calls near {@code base}, a few up to 20 times it. */
    private long tail(long base) {
        double u = 1 - random.nextDouble();
        return Math.min(base * 20, Math.round(base * Math.pow(u, -1 / 1.5)));
    }

    private Plan skewed(FaultRule rule, SandboxRequest request) {
        String sent = request.header("x-amz-date");
        if (sent == null) {
            return Plan.NONE;
        }
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(sent));
        } catch (DateTimeParseException e) {
            return Plan.NONE;
        }
        Instant aws = Instant.now().plusSeconds(rule.seconds());
        if (Duration.between(signed, aws).abs().compareTo(ALLOWED_SKEW) <= 0) {
            return Plan.NONE;
        }
        String message = signed.isBefore(aws)
                ? "Signature expired: " + sent + " is now earlier than " + AMZ_DATE.format(aws.minus(ALLOWED_SKEW))
                        + " (" + AMZ_DATE.format(aws) + " - 5 min.)"
                : "Signature not yet current: " + sent + " is still later than " + AMZ_DATE.format(aws.plus(ALLOWED_SKEW))
                        + " (" + AMZ_DATE.format(aws) + " + 5 min.)";
        AwsException e = new AwsException("InvalidSignatureException", "SignatureDoesNotMatch", 400, true, message)
                .withQueryStatus(403);
        return new Plan(FaultKind.CLOCK_SKEW, 0, e,
                Map.of("Date", HTTP_DATE.format(aws)), 0);
    }

    private void expire() {
        long now = nanoTime.getAsLong();
        boolean ended = rules.removeIf(a -> !a.rule().period().isZero() && now - a.startNanos() >= a.rule().period().toNanos());
        if (ended) {
            scheduler.execute(this::releaseHeldIfIdle);
        }
    }

    /** Runs {@code answer} after {@code delayMs} on the scheduler's thread: hand it to a worker there. */
    public void later(long delayMs, Runnable answer) {
        scheduler.schedule(answer, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Keeps a connection open without an answer until the rules are cleared or {@code holdMs} passed. */
    public void hold(AutoCloseable connection, long holdMs) {
        held.add(connection);
        scheduler.schedule(() -> release(connection), holdMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void releaseHeldIfIdle() {
        if (rules.stream().noneMatch(a -> a.rule().kind() == FaultKind.NO_ANSWER)) {
            releaseHeld();
        }
    }

    private void releaseHeld() {
        List.copyOf(held).forEach(this::release);
    }

    private void release(AutoCloseable connection) {
        if (held.remove(connection)) {
            try {
                connection.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "a held connection was already gone", e);
            }
        }
    }

    @Override
    public void close() {
        releaseHeld();
        scheduler.shutdownNow();
    }
}
