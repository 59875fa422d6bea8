package io.harbormaster.sandbox.traffic;

import io.harbormaster.sandbox.core.Telemetry.MetricKey;
import io.harbormaster.sandbox.traffic.Series.ClusterSeries;
import io.harbormaster.sandbox.traffic.Series.Instance;
import io.harbormaster.sandbox.traffic.Series.Lb;
import io.harbormaster.sandbox.traffic.Series.LbMinute;
import io.harbormaster.sandbox.traffic.Series.Reservation;
import io.harbormaster.sandbox.traffic.Series.Svc;
import io.harbormaster.sandbox.traffic.Series.Tg;
import io.harbormaster.sandbox.traffic.Series.TgMinute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One metric of the fleet, resolved from its key, and how CloudWatch aggregates it. Counts (RequestCount, HTTPCode_*)
 * are published by the ALB one sample per request, so Sum and SampleCount are the count and Average, Minimum and
 * Maximum are 1, and a minute with none has no datapoint. TargetResponseTime is one sample per request too, from a
 * latency distribution. Gauges have one sample a minute, except ECS service utilisation: one per running task.
 */
abstract class Metric {

    enum Kind { COUNT, LATENCY, GAUGE }

    private static final java.util.Set<String> BASIC = java.util.Set.of("Average", "Sum", "Minimum", "Maximum", "SampleCount");

    /** A gauge minute: the average, the samples behind it, their extremes. */
    record Gauge(double value, double count, double min, double max) {
    }

    /** Container Insights' instance-level metrics (enhanced observability, EC2 launch type). */
    static final List<String> INSTANCE_INSIGHTS = List.of("instance_cpu_utilization", "instance_memory_utilization",
            "instance_cpu_reserved_capacity", "instance_memory_reserved_capacity", "instance_number_of_running_tasks");

    abstract long firstMinute();

    /** How many minutes one datapoint covers: 1, or 5 for EC2's basic monitoring. */
    int minutesPerDatapoint() {
        return 1;
    }

    abstract Kind kind();

    /** COUNT: the count; LATENCY: the mix; GAUGE: a Gauge, or null when there is no datapoint. */
    abstract Object minute(long minute, boolean complete);

    static Metric resolve(AccountTraffic a, MetricKey key) {
        Map<String, String> d = key.dimensions();
        String name = key.name();
        switch (key.namespace()) {
            case TrafficModel.ELB -> {
                Lb lb = a.lbsByDimension.get(d.get("LoadBalancer"));
                if (lb == null) {
                    return null;
                }
                if (d.size() == 1) {
                    return loadBalancer(a, lb, name);
                }
                Tg tg = d.size() == 2 ? a.tgsByDimension.get(d.get("TargetGroup")) : null;
                return tg == null ? null : targetGroup(a, lb, tg, name);
            }
            case TrafficModel.ECS -> {
                String cluster = d.get("ClusterName");
                if (cluster == null) {
                    return null;
                }
                if (d.size() == 2 && d.containsKey("ServiceName")) {
                    Svc s = a.services.get(cluster + "/" + d.get("ServiceName"));
                    return s == null || s.service == null ? null : service(a, s, name);
                }
                ClusterSeries cs = d.size() == 1 ? a.clusters.get(cluster) : null;
                return cs == null ? null : cluster(a, cs, name);
            }
            case TrafficModel.EC2 -> {
                Instance in = d.size() == 1 ? a.instancesByEc2Id.get(d.get("InstanceId")) : null;
                return in == null || !name.equals("CPUUtilization") ? null : ec2Cpu(a, in);
            }
            case TrafficModel.INSIGHTS -> {
                Instance in = d.size() == 3 ? a.instances.get(d.get("ClusterName") + "/" + d.get("ContainerInstanceId"))
                        : null;
                return in == null || !in.ec2InstanceId.equals(d.get("EC2InstanceId")) || !in.enhancedInsights()
                        ? null : instanceInsights(a, in, name);
            }
            default -> {
                return null;
            }
        }
    }

    private static Metric loadBalancer(AccountTraffic a, Lb lb, String name) {
        long first = lb.firstMinute;
        return switch (name) {
            case "RequestCount" -> count(first, (m, c) -> a.lbMinute(lb, m, c).requests());
            case "HTTPCode_Target_5XX_Count" -> count(first, (m, c) -> a.lbMinute(lb, m, c).target5xx());
            case "HTTPCode_Target_4XX_Count" -> count(first, (m, c) -> a.lbMinute(lb, m, c).target4xx());
            case "HTTPCode_Target_2XX_Count" -> count(first, (m, c) -> {
                LbMinute x = a.lbMinute(lb, m, c);
                return x.requests() - x.target5xx() - x.target4xx();
            });
            case "HTTPCode_ELB_5XX_Count" -> count(first, (m, c) -> a.lbMinute(lb, m, c).elb5xx());
            case "TargetResponseTime" -> latency(first, (m, c) -> a.lbMinute(lb, m, c).latency());
            default -> null;
        };
    }

    private static Metric targetGroup(AccountTraffic a, Lb lb, Tg tg, String name) {
        long first = lb.firstMinute;
        return switch (name) {
            case "RequestCount" -> count(first, (m, c) -> a.tgMinute(tg, m, c).requests());
            case "HTTPCode_Target_5XX_Count" -> count(first, (m, c) -> a.tgMinute(tg, m, c).target5xx());
            case "HTTPCode_Target_4XX_Count" -> count(first, (m, c) -> a.tgMinute(tg, m, c).target4xx());
            case "HTTPCode_Target_2XX_Count" -> count(first, (m, c) -> {
                TgMinute x = a.tgMinute(tg, m, c);
                return x.requests() - x.target5xx() - x.target4xx();
            });
            case "TargetResponseTime" -> latency(first, (m, c) -> a.tgMinute(tg, m, c).latency());
            case "HealthyHostCount" -> gauge(first, (m, c) -> {
                int h = tg.counts.at(m * 60).healthy();
                return new Gauge(h, 1, h, h);
            });
            case "UnHealthyHostCount" -> gauge(first, (m, c) -> {
                int u = tg.counts.at(m * 60).unhealthy();
                return new Gauge(u, 1, u, u);
            });
            default -> null;
        };
    }

    private static Metric service(AccountTraffic a, Svc s, String name) {
        int i = name.equals("CPUUtilization") ? 0 : name.equals("MemoryUtilization") ? 1 : -1;
        if (i < 0) {
            return null;
        }
        return gauge(Long.MIN_VALUE, (m, c) -> {
            double[] v = a.serviceMinute(s, m, c);
            if (Double.isNaN(v[i])) {
                return null;
            }
            double spread = v[2] > 1 ? 0.12 * v[i] : 0;
            return new Gauge(v[i], v[2], Math.max(0, v[i] - spread), Math.min(100, v[i] + spread));
        });
    }

    private static Metric cluster(AccountTraffic a, ClusterSeries cs, String name) {
        return switch (name) {
            case "CPUReservation", "MemoryReservation" -> gauge(Long.MIN_VALUE, (m, c) -> {
                Reservation r = cs.reservation.at(m * 60);
                boolean cpu = name.startsWith("CPU");
                long cap = cpu ? r.cpuCapacity() : r.memoryCapacity();
                if (cap == 0) {
                    return null;
                }
                double v = 100.0 * (cpu ? r.cpu() : r.memory()) / cap;
                return new Gauge(v, 1, v, v);
            });
            case "CPUUtilization", "MemoryUtilization" -> gauge(Long.MIN_VALUE, (m, c) -> {
                double v = a.clusterMinute(cs, m, c)[name.startsWith("CPU") ? 0 : 1];
                return Double.isNaN(v) ? null : new Gauge(v, 1, v, v);
            });
            default -> null;
        };
    }

    /**
     * EC2 basic monitoring: one datapoint every five minutes, at the start of its five minutes, their average. The
     * hypervisor's view, so the same CPU the instance uses.
     */
    private static Metric ec2Cpu(AccountTraffic a, Instance in) {
        MinuteFn<Gauge> fn = (m, c) -> {
            if (Math.floorMod(m, TrafficModel.EC2_PERIOD_MINUTES) != 0) {
                return null;
            }
            double sum = 0;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int i = 0; i < TrafficModel.EC2_PERIOD_MINUTES; i++) {
                double v = a.instanceMinute(in, m + i, c)[0];
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new Gauge(sum / TrafficModel.EC2_PERIOD_MINUTES, 1, min, max);
        };
        return of(Kind.GAUGE, Long.MIN_VALUE, TrafficModel.EC2_PERIOD_MINUTES, fn);
    }

    private static Metric instanceInsights(AccountTraffic a, Instance in, String name) {
        return switch (name) {
            case "instance_cpu_utilization", "instance_memory_utilization" -> gauge(Long.MIN_VALUE, (m, c) -> {
                double v = a.instanceMinute(in, m, c)[name.contains("cpu") ? 0 : 1];
                return new Gauge(v, 1, v, v);
            });
            case "instance_cpu_reserved_capacity", "instance_memory_reserved_capacity",
                    "instance_number_of_running_tasks" -> gauge(Long.MIN_VALUE, (m, c) -> {
                Series.Composition tasks = in.tasks.at(m * 60);
                double v = 0;
                for (int i = 0; i < tasks.count().length; i++) {
                    int per = name.equals("instance_number_of_running_tasks") ? 1
                            : name.contains("cpu") ? tasks.cpu()[i] : tasks.memory()[i];
                    v += tasks.count()[i] * per;
                }
                if (!name.equals("instance_number_of_running_tasks")) {
                    v = 100.0 * v / (name.contains("cpu") ? in.cpuCapacity : in.memoryCapacity);
                }
                return new Gauge(v, 1, v, v);
            });
            default -> null;
        };
    }

    // ---- kinds -------------------------------------------------------------------------------------------------

    interface MinuteFn<T> {
        T at(long minute, boolean complete);
    }

    private static Metric count(long first, MinuteFn<Double> fn) {
        return of(Kind.COUNT, first, fn);
    }

    private static Metric latency(long first, MinuteFn<LatencyMix> fn) {
        return of(Kind.LATENCY, first, fn);
    }

    private static Metric gauge(long first, MinuteFn<Gauge> fn) {
        return of(Kind.GAUGE, first, fn);
    }

    private static Metric of(Kind kind, long first, MinuteFn<?> fn) {
        return of(kind, first, 1, fn);
    }

    private static Metric of(Kind kind, long first, int minutes, MinuteFn<?> fn) {
        return new Metric() {
            @Override
            int minutesPerDatapoint() {
                return minutes;
            }

            @Override
            long firstMinute() {
                return first;
            }

            @Override
            Kind kind() {
                return kind;
            }

            @Override
            Object minute(long minute, boolean complete) {
                return fn.at(minute, complete);
            }
        };
    }

    // ---- aggregation -------------------------------------------------------------------------------------------

    /** The statistic over the complete minutes [from, to). */
    OptionalDouble aggregate(long from, long to, String statistic) {
        if (from >= to) {
            return OptionalDouble.empty();
        }
        Double percentile = percentile(statistic);
        if (percentile == null && !BASIC.contains(statistic)) {
            return OptionalDouble.empty();
        }
        switch (kind()) {
            case COUNT -> {
                double total = 0;
                for (long m = from; m < to; m++) {
                    total += (Double) minute(m, true);
                }
                if (total <= 0) {
                    return OptionalDouble.empty();
                }
                return OptionalDouble.of(statistic.equals("Sum") || statistic.equals("SampleCount") ? total : 1.0);
            }
            case LATENCY -> {
                LatencyMix mix = new LatencyMix();
                for (long m = from; m < to; m++) {
                    mix.addAll((LatencyMix) minute(m, true));
                }
                double n = mix.count();
                if (n <= 0) {
                    return OptionalDouble.empty();
                }
                double v = switch (statistic) {
                    case "Average" -> mix.mean();
                    case "Sum" -> mix.sum();
                    case "SampleCount" -> n;
                    case "Minimum" -> mix.quantile(0.5 / n);
                    case "Maximum" -> mix.quantile(1 - 0.5 / n);
                    default -> mix.quantile(percentile / 100);
                };
                return OptionalDouble.of(v);
            }
            default -> {
                List<Gauge> points = new ArrayList<>();
                for (long m = from; m < to; m++) {
                    Gauge g = (Gauge) minute(m, true);
                    if (g != null && !Double.isNaN(g.value())) {
                        points.add(g);
                    }
                }
                if (points.isEmpty()) {
                    return OptionalDouble.empty();
                }
                double count = 0;
                double sum = 0;
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                for (Gauge g : points) {
                    count += g.count();
                    sum += g.value() * g.count();
                    min = Math.min(min, g.min());
                    max = Math.max(max, g.max());
                }
                double v = switch (statistic) {
                    case "Average" -> sum / count;
                    case "Sum" -> sum;
                    case "SampleCount" -> count;
                    case "Minimum" -> min;
                    case "Maximum" -> max;
                    default -> nearestRank(points, count, percentile);
                };
                return OptionalDouble.of(v);
            }
        }
    }

    private static double nearestRank(List<Gauge> points, double count, double percentile) {
        List<Gauge> sorted = new ArrayList<>(points);
        sorted.sort((x, y) -> Double.compare(x.value(), y.value()));
        double rank = Math.max(1, Math.ceil(percentile / 100 * count));
        double seen = 0;
        for (Gauge g : sorted) {
            seen += g.count();
            if (seen >= rank) {
                return g.value();
            }
        }
        return sorted.get(sorted.size() - 1).value();
    }

    /** 99.9 for "p99.9", null when the statistic is not a percentile. */
    static Double percentile(String statistic) {
        if (statistic.length() < 2 || (statistic.charAt(0) != 'p' && statistic.charAt(0) != 'P')) {
            return null;
        }
        try {
            double p = Double.parseDouble(statistic.substring(1));
            return p >= 0 && p <= 100 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
