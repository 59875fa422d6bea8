package io.harbormaster.sandbox.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.harbormaster.sandbox.chaos.Chaos;
import io.harbormaster.sandbox.chaos.FaultRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one HTTP endpoint on loopback. Every request is read whole, offered to the registered handlers in order, and
 * answered whatever happens: an unroutable request gets the error its protocol would, a sandbox bug gets
 * InternalFailure — never a dropped connection or a hang.
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("io.harbormaster.sandbox");
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final int RECORDED = 200;
    /**
     * How long the JDK server lets a connection sit in a request or a response before closing it and forgetting it:
     * longer than any exchange the sandbox holds by default (a region down holds one 120 s, a slow answer 35 s); a
     * fault with a longer {@code ms} ends the same way, unanswered.
     */
    static final long STALE_CONNECTION_SECONDS = 300;

    /** A request as recorded for tests and for capturing what a client sends. */
    public record Recorded(String method, String path, Map<String, String> headers, String body, int status) {
    }

    private final List<ServiceHandler> handlers = new CopyOnWriteArrayList<>();
    private final Deque<Recorded> recorded = new ArrayDeque<>();
    private final RequestIds requestIds;
    private final Chaos chaos;
    private volatile Duration serviceTime;
    private volatile boolean recording;
    private final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
    private HttpServer server;
    private ExecutorService executor;

    public HttpEndpoint(RequestIds requestIds, Duration serviceTime) {
        this(requestIds, serviceTime, new Chaos(0, System::nanoTime));
    }

    public HttpEndpoint(RequestIds requestIds, Duration serviceTime, Chaos chaos) {
        this.requestIds = requestIds;
        this.chaos = chaos;
        this.serviceTime = serviceTime;
    }

    public void register(ServiceHandler handler) {
        handlers.add(handler);
    }

    public List<ServiceHandler> handlers() {
        return List.copyOf(handlers);
    }

    public void setServiceTime(Duration d) {
        this.serviceTime = d;
    }

    public Duration serviceTime() {
        return serviceTime;
    }

    public void setRecording(boolean on) {
        recording = on;
    }

    /** Every request answered since the start, recorded or not: for tests that count calls. */
    public long answered() {
        return answered.get();
    }

    public List<Recorded> recorded() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }

    /** Binds 127.0.0.1:port, or any free port when port is 0 or taken. */
    public int start(int port, int threads) {
        // Without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: ~40 ms per call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK server forgets a connection whose exchange was closed without an answer (a region that stops
        // answering, a client gone mid-request, an answer written after its client left) only through its request
        // and response timer, off unless these are set: each one stayed in its sets with its largest response's
        // buffer (a soak's sandbox held 25 such connections, 7 MB, after 26 minutes, growing). A cut answer is
        // dropped by the server itself (the handler throws).
        for (String timeout : new String[] {"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"}) {
            if (System.getProperty(timeout) == null) {
                System.setProperty(timeout, Long.toString(STALE_CONNECTION_SECONDS));
            }
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            try {
                server = HttpServer.create(new InetSocketAddress(loopback, port), 256);
            } catch (BindException taken) {
                server = HttpServer.create(new InetSocketAddress(loopback, 0), 256);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the sandbox endpoint on " + loopback, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(threads, tf);
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange ex) {
        SandboxRequest request;
        try {
            request = read(ex);
        } catch (IOException e) {
            // The client went away mid-request (a cancelled read aborts its call): nobody is left to answer, and it
            // is no fault of the sandbox's.
            LOG.log(Level.FINE, () -> "sandbox: the client closed the connection mid-request ("
                    + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + "): " + e.getMessage());
            ex.close();
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox failed to read a request; answered 500", e);
            answer(ex, null, unreadable(), false);
            return;
        }
        Chaos.Plan plan = request.path().startsWith(Chaos.CONTROL_PATH) ? new Chaos.Plan(null, 0, null, Map.of(), 0)
                : chaos.plan(request);
        if (plan.neverAnswers()) {
            chaos.hold(ex::close, plan.holdMs());
        } else if (plan.delayMs() > 0) {
            // Off the handler thread while it waits: a slow answer must not hold up the others.
            chaos.later(plan.delayMs(), () -> executor.execute(() -> respond(ex, request, plan)));
        } else {
            respond(ex, request, plan);
        }
    }

    private void respond(HttpExchange ex, SandboxRequest request, Chaos.Plan plan) {
        SandboxResponse response;
        try {
            sleepServiceTime();
            response = plan.error() != null ? faulted(request, plan) : route(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox failed to route a request; answered 500", e);
            response = unreadable();
        }
        answer(ex, request, response, plan.cutsOff());
    }

    private void answer(HttpExchange ex, SandboxRequest request, SandboxResponse response, boolean cutOff) {
        answered.incrementAndGet();
        record(request, response);
        write(ex, response, cutOff);
    }

    private SandboxResponse unreadable() {
        return SandboxResponse.text(500, "application/json", requestIds.next(),
                "{\"__type\":\"InternalFailure\",\"message\":\"The request could not be read.\"}");
    }

    /** The plan's error in the protocol of the handler that owns the request, with the plan's extra headers. */
    private SandboxResponse faulted(SandboxRequest request, Chaos.Plan plan) {
        String id = requestIds.next();
        SandboxResponse r = handlers.stream().filter(h -> h.accepts(request)).findFirst()
                .map(h -> h.error(plan.error(), id))
                .orElseGet(() -> unrouted(request));
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.putAll(plan.headers());
        return new SandboxResponse(r.status(), r.contentType(), headers, r.body());
    }

    private SandboxResponse control(SandboxRequest request) {
        String id = requestIds.next();
        try {
            switch (request.method()) {
                case "POST" -> request.bodyText().lines().map(String::strip).filter(l -> !l.isEmpty())
                        .map(FaultRule::parse).toList().forEach(chaos::add);
                case "DELETE" -> chaos.clear();
                case "GET" -> { }
                default -> throw new IllegalArgumentException("use GET, POST or DELETE on " + Chaos.CONTROL_PATH);
            }
        } catch (IllegalArgumentException e) {
            return SandboxResponse.text(400, "application/json", id, "{\"message\":\"" + jsonEscape(e.getMessage()) + "\"}");
        }
        StringBuilder b = new StringBuilder("{\"faults\":[");
        chaos.rules().forEach((n, rule) -> b.append(b.charAt(b.length() - 1) == '[' ? "" : ",")
                .append("{\"id\":").append(n).append(",\"spec\":\"").append(jsonEscape(rule.spec())).append("\"}"));
        b.append("],\"injected\":{");
        chaos.injected().forEach((k, n) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",")
                .append('"').append(k.spec()).append("\":").append(n));
        b.append("},\"requests\":{");
        chaos.requestsByOperation().forEach((op, n) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",")
                .append('"').append(jsonEscape(op)).append("\":").append(n));
        return SandboxResponse.text(200, "application/json", id, b.append("}}").toString());
    }

    private void sleepServiceTime() {
        Duration d = serviceTime;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    SandboxResponse route(SandboxRequest request) {
        if ("GET".equals(request.method()) && "/_sandbox/health".equals(request.path())) {
            return SandboxResponse.text(200, "application/json", requestIds.next(), "{\"status\":\"ok\"}");
        }
        if (request.path().equals(Chaos.CONTROL_PATH)) {
            return control(request);
        }
        for (ServiceHandler h : handlers) {
            if (h.accepts(request)) {
                return h.handle(request);
            }
        }
        return unrouted(request);
    }

    /** No service owns the request: answer in the protocol the client evidently speaks. */
    private SandboxResponse unrouted(SandboxRequest r) {
        String id = requestIds.next();
        String target = r.header("x-amz-target");
        if (target != null) {
            return SandboxResponse.text(400, "application/x-amz-json-1.1", id,
                    "{\"__type\":\"UnknownOperationException\",\"message\":\"Unknown operation " + jsonEscape(target) + "\"}");
        }
        String what = r.method() + " " + r.path();
        if (QueryService.isQuery(r)) {
            QueryParams p = QueryService.params(r);
            what = "operation " + p.string("Action") + " for version " + p.string("Version");
        }
        String xml = new Xml().open("ErrorResponse").open("Error").leaf("Type", "Sender").leaf("Code", "InvalidAction")
                .leaf("Message", "Could not find " + what).close("Error").leaf("RequestId", id).close("ErrorResponse").toString();
        return SandboxResponse.text(400, "text/xml", id, xml);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static SandboxRequest read(HttpExchange ex) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY);
        }
        String rawQuery = ex.getRequestURI().getRawQuery();
        return new SandboxRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), rawQuery == null ? "" : rawQuery,
                headers, body);
    }

    private void record(SandboxRequest request, SandboxResponse response) {
        if (!recording || request == null) {
            return;
        }
        Map<String, String> h = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> h.put(k, String.join(",", v)));
        Recorded r = new Recorded(request.method(), request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()),
                h, new String(request.body(), StandardCharsets.UTF_8), response.status());
        synchronized (recorded) {
            recorded.addLast(r);
            while (recorded.size() > RECORDED) {
                recorded.removeFirst();
            }
        }
    }

    /** Writes the answer; {@code cutOff} sends the first half of the body, then drops the connection. */
    private static void write(HttpExchange ex, SandboxResponse response, boolean cutOff) {
        if (cutOff) {
            cut(ex, response);
        }
        try {
            response.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] body = response.body();
            ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away before the answer was written", e);
        } finally {
            ex.close();
        }
    }

    private static void cut(HttpExchange ex, SandboxResponse response) {
        try {
            response.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] body = response.body();
            ex.sendResponseHeaders(response.status(), Math.max(body.length, 2));
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away before the answer was cut", e);
        }
        // The JDK server closes the connection of a handler that throws: the client reads half an answer, then EOF.
        throw new ConnectionCut();
    }

    /** Thrown on purpose to make the JDK server drop a connection mid-answer. */
    private static final class ConnectionCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionCut() {
            super("connection cut mid-answer (fault injection)", null, false, false);
        }
    }

    @Override
    public void close() {
        chaos.close();
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
