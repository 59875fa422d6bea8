/**
 * Metrics, thresholds and the noise map's numbers: records, pure logic and ports. Nothing here knows AWS's SDK.
 *
 * <h2>Ports (adapters in aws-adapters / app.store)</h2>
 * <ul>
 *   <li>{@link io.harbormaster.model.metrics.FetchMetrics} — GetMetricData, batched ≤ 500 queries and ≤ 100,800
 *       points a call (aws-adapters {@code CloudWatchMetrics}).</li>
 *   <li>{@link io.harbormaster.model.metrics.LoadBalancersOfTargetGroups} — the ALB of each target group, for the
 *       LoadBalancer dimension (aws-adapters {@code ElbTargetGroupLoadBalancers}).</li>
 *   <li>{@link io.harbormaster.model.metrics.MetricHistory} — the local cache of fetched points (app
 *       {@code SqliteMetricHistory}).</li>
 *   <li>{@link io.harbormaster.model.metrics.ThresholdSettings} — warning/critical levels per environment, scope
 *       (service or {@code FLEET}) and {@link io.harbormaster.model.metrics.MetricKind}, defaults as fallback (app
 *       {@code SqliteThresholdSettings}).</li>
 *   <li>{@link io.harbormaster.model.alarms.ListAlarms} — DescribeAlarms and DescribeAlarmHistory.</li>
 *   <li>{@link io.harbormaster.model.logs.SearchLogs} — FilterLogEvents, one page a call.</li>
 * </ul>
 *
 * <h2>Logic</h2>
 * <ul>
 *   <li>{@link io.harbormaster.model.metrics.TimeRange} (LIVE, H1, H6, H24, D7) and
 *       {@link io.harbormaster.model.metrics.Periods}: the period for a span.</li>
 *   <li>{@link io.harbormaster.model.metrics.ServiceDashboard}: a service's queries and its charts' series (5xx
 *       rate computed here, not with metric math).</li>
 *   <li>{@link io.harbormaster.model.metrics.HostMetrics}: the noise map's per-host queries (one per host) and
 *       values from the snapshot; {@link io.harbormaster.model.metrics.HostTraffic}: request and 5xx rate per host,
 *       shared out from target groups.</li>
 *   <li>{@link io.harbormaster.model.metrics.Rates}: counts as rates per second, the period still filling left
 *       out.</li>
 *   <li>{@link io.harbormaster.model.metrics.BatchPlanner}: queries into GetMetricData calls.</li>
 *   <li>{@link io.harbormaster.model.metrics.DeployMarkers}: deploys on the time axis.</li>
 *   <li>{@link io.harbormaster.model.metrics.LivePolling}: when to poll (by the metrics clock), whether at all, and
 *       what a poll fetches.</li>
 *   <li>{@link io.harbormaster.model.logs.FollowCursor}: follow mode over FilterLogEvents, de-duplicated.</li>
 * </ul>
 */
package io.harbormaster.model.metrics;
