package io.harbormaster.sandbox.logs;

import io.harbormaster.sandbox.Fault;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The lines a container writes in one minute, generated from a seed of (task, container, minute) so that the same
 * minute always reads the same and nothing is stored. Lines look like a JVM service's:
 * <pre>
 * 2026-05-01T12:00:01.234Z INFO [http-nio-8080-exec-7] access GET /v1/orders/8812 200 23ms request_id=…
 * 2026-05-01T12:00:01.240Z ERROR [http-nio-8080-exec-3] c.h.orders.OrdersController request failed GET … 500 1503ms request_id=…
 * java.lang.IllegalStateException: …
 *     at …
 * </pre>
 * Startup lines in the first seconds of a task; access lines at the task's share of traffic (sampled: at most
 * {@link #MAX_ACCESS_PER_MINUTE} a minute); ERROR lines with stack traces and 5xx for faulty images; workers log jobs.
 */
final class LogLines {

    static final int MAX_ACCESS_PER_MINUTE = 60;
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A generated line before it gets its position in the stream. */
    record Line(long timestamp, String message) {
    }

    private static final String[] NOUNS = {"orders", "users", "accounts", "sessions", "items", "invoices", "events",
            "search", "carts", "webhooks", "tokens", "reports"};
    private static final String[] AGENTS = {"okhttp/4.12.0", "Mozilla/5.0", "python-requests/2.32.3", "Go-http-client/2.0",
            "curl/8.5.0"};
    private static final String[] JOBS = {"send-email", "reindex", "export-csv", "sync-account", "thumbnail",
            "charge-invoice", "purge-cache", "aggregate-usage"};

    private record Failure(String exception, String message, String[] frames) {
    }

    private static final Failure[] FAILURES = {
        new Failure("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
                new String[] {"com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
                    "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)",
                    "io.harbormaster.demo.%s.Repository.find(Repository.java:42)",
                    "io.harbormaster.demo.%s.Controller.get(Controller.java:88)"}),
        new Failure("java.lang.NullPointerException", "Cannot invoke \"String.length()\" because \"region\" is null",
                new String[] {"io.harbormaster.demo.%s.PriceCalculator.apply(PriceCalculator.java:131)",
                    "io.harbormaster.demo.%s.Service.quote(Service.java:57)",
                    "io.harbormaster.demo.%s.Controller.post(Controller.java:64)"}),
        new Failure("java.net.SocketTimeoutException", "Read timed out",
                new String[] {"java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)",
                    "okhttp3.internal.http1.Http1ExchangeCodec.readResponseHeaders(Http1ExchangeCodec.kt:180)",
                    "io.harbormaster.demo.%s.UpstreamClient.call(UpstreamClient.java:73)",
                    "io.harbormaster.demo.%s.Controller.get(Controller.java:91)"}),
    };

    private LogLines() {
    }

    /** The lines of minute {@code minute} (epoch minutes), given the expected access lines in it. */
    static List<Line> minute(TaskSource t, long minute, double accessRate) {
        long from = minute * 60_000;
        long to = from + 60_000;
        long start = t.startedAt.toEpochMilli();
        Instant end = t.end();
        long stop = end == null ? Long.MAX_VALUE : end.toEpochMilli();
        if (to <= start || from > stop) {
            return List.of();
        }
        SplittableRandom r = new SplittableRandom(t.seed ^ (minute * 0x9E3779B97F4A7C15L));
        List<Line> out = new ArrayList<>();
        if (start >= from && start < to) {
            startup(t, start, r, out);
        }
        Fault fault = t.faultAt(Instant.ofEpochMilli(Math.max(from, start)));
        boolean crashed = fault == Fault.CRASH_ON_START;
        long liveFrom = Math.max(from, start + 8_000);
        long liveTo = Math.min(to, t.stoppingAt == null ? stop : t.stoppingAt.toEpochMilli());
        if (!crashed && liveFrom < liveTo) {
            double share = (liveTo - liveFrom) / 60_000.0;
            if (t.main && t.port != null) {
                int n = poisson(r, Math.min(accessRate, MAX_ACCESS_PER_MINUTE) * share);
                for (int i = 0; i < n; i++) {
                    access(t, liveFrom + r.nextLong(liveTo - liveFrom), fault, r, out);
                }
                if (fault == Fault.FAIL_HEALTH_CHECK) {
                    for (long hc = ceil(liveFrom, 30_000); hc < liveTo; hc += 30_000) {
                        out.add(new Line(hc + r.nextInt(900), TS.format(Instant.ofEpochMilli(hc)) + " WARN [http-nio-"
                                + t.port + "-exec-1] health GET /health 503 " + (2000 + r.nextInt(3000))
                                + "ms dependency check failed: database unreachable"));
                    }
                }
            } else if (t.main) {
                int n = poisson(r, Math.min(accessRate, 20) * share);
                for (int i = 0; i < n; i++) {
                    job(t, liveFrom + r.nextLong(liveTo - liveFrom), fault, r, out);
                }
            } else if (r.nextInt(4) == 0) {
                long ts = liveFrom + r.nextLong(liveTo - liveFrom);
                out.add(new Line(ts, TS.format(Instant.ofEpochMilli(ts)) + " INFO [" + t.container
                        + "] flushed " + (20 + r.nextInt(400)) + " records"));
            }
        }
        if (crashed && start + 4_000 >= from && start + 4_000 < to) {
            long ts = start + 4_000;
            Failure f = FAILURES[0];
            out.add(new Line(ts, TS.format(Instant.ofEpochMilli(ts)) + " ERROR [main] o.s.boot.SpringApplication "
                    + "Application run failed\n" + trace(t, f, "startup")));
        }
        if (t.stoppingAt != null) {
            long ts = t.stoppingAt.toEpochMilli();
            if (ts >= from && ts < to && !crashed) {
                out.add(new Line(ts, TS.format(Instant.ofEpochMilli(ts)) + " INFO [SIGTERM handler] Received SIGTERM ("
                        + (t.stopReason == null ? "stopping" : t.stopReason) + "), draining connections"));
            }
        }
        if (end != null) {
            long ts = end.toEpochMilli();
            if (ts >= from && ts < to) {
                out.add(new Line(ts, TS.format(Instant.ofEpochMilli(ts)) + " INFO [main] Stopped " + t.service
                        + " (exit code " + (crashed ? 1 : 0) + ")"));
            }
        }
        out.removeIf(l -> l.timestamp < from || l.timestamp >= to || l.timestamp < start || l.timestamp > stop);
        out.sort(Comparator.comparingLong(Line::timestamp));
        return out;
    }

    private static void startup(TaskSource t, long start, SplittableRandom r, List<Line> out) {
        String th = "[main] ";
        long ts = start + 200 + r.nextInt(400);
        out.add(line(ts, "INFO", th + "Starting " + t.service + " " + t.version + " on ip-" + t.ip.replace('.', '-')
                + " with PID 1 (image " + t.image + ", task " + t.taskId + ")"));
        out.add(line(ts + 40, "INFO", th + "The following profile is active: \"" + t.env + "\""));
        if (!t.main) {
            out.add(line(ts + 900, "INFO", th + t.container + " sidecar ready"));
            return;
        }
        out.add(line(ts + 1_800 + r.nextInt(600), "INFO", th + "HikariPool-1 - Start completed in "
                + (80 + r.nextInt(300)) + " ms"));
        if (t.port != null) {
            out.add(line(ts + 3_500 + r.nextInt(500), "INFO", th + "Tomcat started on port(s): " + t.port + " (http)"));
        }
        out.add(line(ts + 4_500 + r.nextInt(2_000), "INFO", th + "Started " + t.service + " in "
                + String.format(Locale.ROOT, "%.3f", 4.5 + r.nextDouble() * 3) + " seconds"));
    }

    private static void access(TaskSource t, long ts, Fault fault, SplittableRandom r, List<Line> out) {
        String method = r.nextInt(10) < 7 ? "GET" : r.nextInt(3) == 0 ? "PUT" : "POST";
        String noun = NOUNS[Math.floorMod(t.service.hashCode() + r.nextInt(3), NOUNS.length)];
        String path = "/v1/" + noun + (r.nextInt(3) == 0 ? "" : "/" + (1000 + r.nextInt(90000)));
        String requestId = uuid(r);
        boolean error = switch (fault) {
            case SERVE_ERRORS -> r.nextInt(100) < 15;
            case FAIL_HEALTH_CHECK -> r.nextInt(100) < 40;
            default -> false;
        };
        int status;
        long latency;
        if (error) {
            status = r.nextInt(4) == 0 ? 503 : 500;
            latency = 800 + r.nextInt(4_000);
        } else {
            int roll = r.nextInt(1000);
            status = roll < 20 ? 404 : roll < 30 ? 400 : roll < 80 && method.equals("GET") ? 304
                    : method.equals("POST") ? 201 : 200;
            latency = Math.round(8 + 30 * Math.exp(0.7 * gaussian(r)));
        }
        String thread = "[http-nio-" + t.port + "-exec-" + (1 + r.nextInt(200)) + "] ";
        String request = method + " " + path + " " + status + " " + latency + "ms request_id=" + requestId;
        if (error) {
            Failure f = FAILURES[r.nextInt(FAILURES.length)];
            out.add(line(ts, "ERROR", thread + "c.h.demo." + noun + ".Controller request failed " + request + "\n"
                    + trace(t, f, noun)));
        }
        out.add(line(ts + latency, "INFO", thread + "access " + request + " agent=\""
                + AGENTS[r.nextInt(AGENTS.length)] + "\""));
    }

    private static void job(TaskSource t, long ts, Fault fault, SplittableRandom r, List<Line> out) {
        String job = JOBS[r.nextInt(JOBS.length)];
        String id = Long.toString(r.nextLong(1L << 40), 36);
        String th = "[worker-" + (1 + r.nextInt(16)) + "] ";
        if (fault == Fault.SERVE_ERRORS && r.nextInt(100) < 15) {
            Failure f = FAILURES[r.nextInt(FAILURES.length)];
            out.add(line(ts, "ERROR", th + "job " + job + " id=" + id + " failed after " + (200 + r.nextInt(3000))
                    + "ms\n" + trace(t, f, "jobs")));
        } else {
            out.add(line(ts, "INFO", th + "job " + job + " id=" + id + " completed in " + (20 + r.nextInt(2000)) + "ms"));
        }
    }

    private static String trace(TaskSource t, Failure f, String pkg) {
        StringBuilder b = new StringBuilder(f.exception).append(": ").append(f.message);
        for (String frame : f.frames) {
            b.append("\n\tat ").append(frame.contains("%s") ? String.format(frame, pkg) : frame);
        }
        b.append("\n\t... ").append(30 + Math.floorMod(t.taskId.hashCode(), 40)).append(" common frames omitted");
        return b.toString();
    }

    private static Line line(long ts, String level, String text) {
        return new Line(ts, TS.format(Instant.ofEpochMilli(ts)) + " " + level + " " + text);
    }

    private static long ceil(long v, long unit) {
        return Math.floorDiv(v + unit - 1, unit) * unit;
    }

    private static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static String uuid(SplittableRandom r) {
        return new java.util.UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }
}
