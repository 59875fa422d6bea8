package io.harbormaster.aws.cloudwatch;

import io.harbormaster.aws.error.AwsErrors;
import io.harbormaster.aws.session.AwsClientFactory;
import io.harbormaster.aws.session.AwsSessions;
import io.harbormaster.aws.session.ClientContext;
import io.harbormaster.aws.session.Renewal;
import io.harbormaster.model.environment.EnvironmentSession;
import io.harbormaster.model.metrics.BatchPlanner;
import io.harbormaster.model.metrics.FetchMetrics;
import io.harbormaster.model.metrics.MetricPoint;
import io.harbormaster.model.metrics.MetricQuery;
import io.harbormaster.model.metrics.MetricSeries;
import io.harbormaster.model.metrics.TimeWindow;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * GetMetricData in calls of ≤ 500 queries and ≤ 100,800 points ({@link BatchPlanner}), each call's pages followed
 * by NextToken (a result marked PartialData continues on the next page), results matched back to queries by Id.
 * Counts every call it makes, pages included, so a benchmark can say how many a refresh took.
 */
public final class CloudWatchMetrics implements FetchMetrics {

    private static final System.Logger LOG = System.getLogger(CloudWatchMetrics.class.getName());

    private final AwsSessions sessions;
    private final AwsClientFactory clients;
    private final AtomicLong calls = new AtomicLong();

    public CloudWatchMetrics(AwsSessions sessions, AwsClientFactory clients) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public List<MetricSeries> fetch(EnvironmentSession session, List<MetricQuery> queries, Instant start,
            Instant end) {
        if (queries.isEmpty()) {
            return List.of();
        }
        TimeWindow window = new TimeWindow(start, end);
        List<List<MetricQuery>> batches = BatchPlanner.plan(queries, window);
        ClientContext context = sessions.context(session);
        CloudWatchClient cw = clients.cloudWatch(context);
        String doing = "reading " + queries.size() + " metric" + (queries.size() == 1 ? "" : "s") + " in "
                + session.environment().displayName() + " (" + session.region() + ")";
        Map<String, List<MetricPoint>> points = new HashMap<>();
        try {
            for (List<MetricQuery> batch : batches) {
                fetchBatch(cw, context, batch, window, points);
            }
        } catch (SdkException e) {
            throw AwsErrors.translate(e, doing);
        }
        List<MetricSeries> out = new ArrayList<>(queries.size());
        for (MetricQuery q : queries) {
            out.add(new MetricSeries(q, points.getOrDefault(q.id(), List.of())));
        }
        return out;
    }

    /** GetMetricData calls made so far, pages included. */
    public long calls() {
        return calls.get();
    }

    private void fetchBatch(CloudWatchClient cw, ClientContext context, List<MetricQuery> batch, TimeWindow window,
            Map<String, List<MetricPoint>> points) {
        GetMetricDataRequest first = GetMetricDataRequest.builder()
                .metricDataQueries(batch.stream().map(CloudWatchMetrics::toSdk).toList())
                .startTime(window.start())
                .endTime(window.end())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .build();
        String token = null;
        do {
            GetMetricDataRequest request = token == null ? first : first.toBuilder().nextToken(token).build();
            calls.incrementAndGet();
            GetMetricDataResponse response = Renewal.call(context, () -> cw.getMetricData(request));
            for (MetricDataResult r : response.metricDataResults()) {
                List<MetricPoint> into = points.computeIfAbsent(r.id(), k -> new ArrayList<>());
                List<Instant> ts = r.timestamps();
                List<Double> vs = r.values();
                for (int i = 0; i < Math.min(ts.size(), vs.size()); i++) {
                    Double v = vs.get(i);
                    if (v != null && !v.isNaN()) {
                        into.add(new MetricPoint(ts.get(i), v));
                    }
                }
                if (r.statusCode() == StatusCode.FORBIDDEN || r.statusCode() == StatusCode.INTERNAL_ERROR) {
                    LOG.log(Level.WARNING, () -> "metric query " + r.id() + " came back " + r.statusCodeAsString()
                            + ": " + r.messages() + "; its series stays short until the next refresh");
                }
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
    }

    private static MetricDataQuery toSdk(MetricQuery q) {
        List<Dimension> dims = q.metric().dimensions().entrySet().stream()
                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        return MetricDataQuery.builder()
                .id(q.id())
                .returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder().namespace(q.metric().namespace()).metricName(q.metric().name())
                                .dimensions(dims).build())
                        .period((int) q.period().getSeconds())
                        .stat(q.statistic())
                        .build())
                .build();
    }
}
