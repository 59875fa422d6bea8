package io.harbormaster.sandbox.traffic;

import io.harbormaster.sandbox.elb.TargetGroup;
import io.harbormaster.sandbox.traffic.Series.ClusterSeries;
import io.harbormaster.sandbox.traffic.Series.Composition;
import io.harbormaster.sandbox.traffic.Series.Instance;
import io.harbormaster.sandbox.traffic.Series.Lb;
import io.harbormaster.sandbox.traffic.Series.LbMinute;
import io.harbormaster.sandbox.traffic.Series.Profile;
import io.harbormaster.sandbox.traffic.Series.Reservation;
import io.harbormaster.sandbox.traffic.Series.Svc;
import io.harbormaster.sandbox.traffic.Series.Tg;
import io.harbormaster.sandbox.traffic.Series.TgMinute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One environment's traffic (an account in a region): its request rate over time, where the requests went (routing
 * history), and the per-minute numbers that follow for load balancers, target groups, services, clusters and
 * container instances. Minutes are evaluated at their start and cached once complete.
 */
final class AccountTraffic {

    /** Requests per minute at the weekday peak. */
    static double peakFor(String env) {
        return switch (env) {
            case "prod" -> 600_000;
            case "stage" -> 30_000;
            default -> 3_000;
        };
    }

    private static final double GOOD_5XX = 0.0003;
    private static final double RATE_4XX = 0.012;

    final String account;
    final String region;
    final String env;
    final double peak;
    final long key;
    /** Whether requests follow the US business day, or stay at the night's level at every hour. */
    private final boolean businessDay;
    /**
     * Every environment of the region, this one included: a zone of one account may send its names' requests to
     * another account's load balancers, so what a target group receives is summed over all of them.
     */
    List<AccountTraffic> peers = List.of(this);
    /** DNS name → its share of the environment's requests. */
    Map<String, Double> demand = Map.of();
    final StepHistory<Routing> routing = new StepHistory<>(Routing.NONE);
    /** Where its requests would go if every weight carried everything (how services are sized); set once. */
    Routing design;
    final Map<String, Lb> lbs = new LinkedHashMap<>();
    final Map<String, Lb> lbsByDimension = new LinkedHashMap<>();
    final Map<String, Tg> tgs = new LinkedHashMap<>();
    final Map<String, Tg> tgsByDimension = new LinkedHashMap<>();
    final Map<String, Svc> services = new LinkedHashMap<>();
    final Map<String, List<Svc>> servicesByTg = new LinkedHashMap<>();
    final Map<String, ClusterSeries> clusters = new LinkedHashMap<>();
    final Map<String, Instance> instances = new LinkedHashMap<>();
    final Map<String, Instance> instancesByEc2Id = new java.util.HashMap<>();
    private final MinuteCache<Double> rates = new MinuteCache<>();
    /** Metrics resolved from their keys: CloudWatch asks for the same key once per datapoint. */
    private final Map<io.harbormaster.sandbox.core.Telemetry.MetricKey, Metric> resolved = new java.util.HashMap<>();

    AccountTraffic(String account, String region, String env, long seed, boolean businessDay) {
        this.account = account;
        this.businessDay = businessDay;
        this.region = region;
        this.env = env;
        this.peak = peakFor(env);
        this.key = Noise.mix(seed ^ Noise.hash(account + "/" + region));
    }

    Metric metric(io.harbormaster.sandbox.core.Telemetry.MetricKey key) {
        Metric m = resolved.get(key);
        if (m == null) {
            m = Metric.resolve(this, key);
            if (m != null) {
                if (resolved.size() > 50_000) {
                    resolved.clear();
                }
                resolved.put(key, m);
            }
        }
        return m;
    }

    void add(Lb lb) {
        lbs.put(lb.arn, lb);
        lbsByDimension.put(lb.dimension, lb);
    }

    void add(Tg tg) {
        tgs.put(tg.group.arn(), tg);
        tgsByDimension.put(tg.dimension, tg);
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    /** The environment's requests per minute. */
    double rate(long minute) {
        Double cached = rates.get(minute);
        if (cached != null) {
            return cached;
        }
        double shape = businessDay ? Shape.at(minute) : Shape.NIGHT;
        double r = peak * shape * (1 + 0.04 * Noise.smooth(key, minute, 15) + 0.015 * Noise.white(key, minute));
        rates.put(minute, r);
        return r;
    }

    /** Requests sent to a target group in a minute: each environment's rate times its routing's share for it. */
    private double offered(Tg tg, long minute) {
        double total = 0;
        for (AccountTraffic source : peers) {
            double share = source.routing.at(minute * 60).share(tg.group.arn());
            if (share > 0) {
                total += source.rate(minute) * share;
            }
        }
        return total == 0 ? 0 : total * (1 + 0.02 * Noise.white(tg.key, minute));
    }

    /** Requests the group's targets received in a minute (none when it had no target to send them to). */
    double requests(Tg tg, long minute) {
        TargetGroup.Counts c = tg.counts.at(minute * 60);
        return c.healthy() + c.unhealthy() == 0 ? 0 : Math.rint(offered(tg, minute));
    }

    TgMinute tgMinute(Tg tg, long minute, boolean complete) {
        TgMinute cached = tg.cache.get(minute);
        if (cached != null) {
            return cached;
        }
        TargetGroup.Counts c = tg.counts.at(minute * 60);
        double offered = offered(tg, minute);
        double n = c.healthy() + c.unhealthy() == 0 ? 0 : Math.rint(offered);
        double elb5xx = c.healthy() + c.unhealthy() == 0 ? Math.rint(offered) : 0;
        LatencyMix mix = new LatencyMix();
        double errors = 0;
        if (n > 0) {
            List<Svc> svcs = servicesByTg.get(tg.group.arn());
            Svc svc = svcs == null || svcs.isEmpty() ? serviceBehind(tg) : svcs.get(0);
            Profile p = svc == null ? null : svc.profile;
            double cpu = svc == null ? Double.NaN : serviceMinute(svc, minute, complete)[0];
            double rho = Double.isNaN(cpu) ? 0.5 : Math.min(0.97, cpu / 100);
            double median = (p == null ? 0.05 : p.median()) * (1 + 0.35 * rho * rho / (1 - Math.min(rho, 0.95)));
            double mu = Math.log(median);
            double sigma = p == null ? 0.55 : p.sigma();
            double injected = tg.injectedErrors.at(minute * 60);
            if (c.healthy() > 0) {
                double faulty = n * c.healthyFaulty() / c.healthy();
                errors = (n - faulty) * GOOD_5XX * (1 + Noise.white(tg.key + 1, minute)) + n * c.healthyErrorSum() / c.healthy();
                if (injected > 0) {
                    faulty = Math.max(faulty, n * injected);
                    errors = Math.max(errors, n * injected * (1 + 0.05 * Noise.white(tg.key + 3, minute)));
                }
                mix.add(new LatencyMix.Component(n - faulty, mu, sigma));
                mix.add(new LatencyMix.Component(faulty, mu + Math.log(3), sigma + 0.2));
            } else {
                errors = n * c.unhealthyErrorSum() / c.unhealthy();
                mix.add(new LatencyMix.Component(n, mu + Math.log(4), sigma + 0.3));
            }
        }
        errors = Math.min(n, Math.rint(errors));
        double fourxx = Math.min(n - errors, Math.rint(n * RATE_4XX * (1 + 0.3 * Noise.white(tg.key + 2, minute))));
        TgMinute m = new TgMinute(n, errors, fourxx, elb5xx, mix, c.healthy(), c.unhealthy());
        if (complete) {
            tg.cache.put(minute, m);
        }
        return m;
    }

    LbMinute lbMinute(Lb lb, long minute, boolean complete) {
        LbMinute cached = lb.cache.get(minute);
        if (cached != null) {
            return cached;
        }
        double n = 0;
        double e5 = 0;
        double e4 = 0;
        double elb = 0;
        LatencyMix mix = new LatencyMix();
        java.util.Set<String> reached = new java.util.LinkedHashSet<>();
        for (AccountTraffic source : peers) {
            Routing r = source.routing.at(minute * 60);
            reached.addAll(r.lbTgs().getOrDefault(lb.arn, List.of()));
            elb += Math.rint(source.rate(minute) * r.lbNoTarget().getOrDefault(lb.arn, 0.0));
        }
        for (String arn : reached) {
            Tg tg = tgs.get(arn);
            if (tg == null) {
                continue;
            }
            TgMinute t = tgMinute(tg, minute, complete);
            n += t.requests();
            e5 += t.target5xx();
            e4 += t.target4xx();
            elb += t.elb5xx();
            mix.addAll(t.latency());
        }
        elb += Math.rint(n * 0.00002 * (1 + Noise.white(Noise.hash(lb.arn), minute)));
        LbMinute m = new LbMinute(n, e5, e4, elb, mix);
        if (complete) {
            lb.cache.put(minute, m);
        }
        return m;
    }

    // ---- services and hosts ------------------------------------------------------------------------------------

    /** [cpu %, memory %, running tasks] of a service in a minute; NaN utilisation when it ran no task. */
    double[] serviceMinute(Svc s, long minute, boolean complete) {
        double[] cached = s.cache.get(minute);
        if (cached != null) {
            return cached;
        }
        int running = s.running.at(minute * 60);
        double[] out;
        if (running == 0) {
            out = new double[] {Double.NaN, Double.NaN, 0};
        } else {
            Profile p = s.profile;
            double load;
            if (p.designLoad() > 0) {
                double requests = 0;
                // the alternate group too: after a blue/green deployment the service's requests arrive there
                for (String arn : s.service == null ? List.<String>of() : s.service.targetGroupArns()) {
                    Tg tg = tgs.get(arn);
                    if (tg != null) {
                        requests += requests(tg, minute);
                    }
                }
                load = requests / running / p.designLoad();
            } else {
                load = rate(minute) / peak;
            }
            double busy = Math.max(0, load) * (p.peakCpu() - p.baseCpu());
            double cpu = clamp(p.baseCpu() + busy + 1.2 * Noise.white(s.key, minute));
            double memory = clamp(p.memBase() + 12 * Math.min(1.5, busy / Math.max(1, p.peakCpu() - p.baseCpu()))
                    + 0.4 * Noise.white(s.key + 1, minute));
            out = new double[] {cpu, memory, running};
        }
        if (complete) {
            s.cache.put(minute, out);
        }
        return out;
    }

    /** [cpu %, memory %] of a container instance: its tasks' use over its registered capacity. */
    Instance add(Instance in) {
        instances.put(in.cluster + "/" + in.id, in);
        instancesByEc2Id.put(in.ec2InstanceId, in);
        return in;
    }

    double[] instanceMinute(Instance in, long minute, boolean complete) {
        double[] cached = in.cache.get(minute);
        if (cached != null) {
            return cached;
        }
        Composition c = in.tasks.at(minute * 60);
        double cpu = 0;
        double memory = 0;
        for (int i = 0; i < c.services().length; i++) {
            Svc s = c.services()[i];
            double[] sm = serviceMinute(s, minute, complete);
            double su = Double.isNaN(sm[0]) ? s.profile.baseCpu() : sm[0];
            double mu = Double.isNaN(sm[1]) ? s.profile.memBase() : sm[1];
            cpu += c.count()[i] * c.cpu()[i] * su / 100;
            memory += c.count()[i] * c.memory()[i] * mu / 100;
        }
        double[] out = {
            clamp(100 * cpu / in.cpuCapacity + 1.0 + 0.4 * Noise.white(in.key, minute)),
            clamp(100 * memory / in.memoryCapacity + 2.5),
            cpu, memory};
        if (complete) {
            in.cache.put(minute, out);
        }
        return out;
    }

    /** [cpu %, memory %] used across a cluster's instances. */
    double[] clusterMinute(ClusterSeries cs, long minute, boolean complete) {
        double[] cached = cs.cache.get(minute);
        if (cached != null) {
            return cached;
        }
        double cpu = 0;
        double memory = 0;
        for (Instance in : cs.instances) {
            double[] m = instanceMinute(in, minute, complete);
            cpu += m[2];
            memory += m[3];
        }
        Reservation r = cs.reservation.at(minute * 60);
        double[] out = {
            r.cpuCapacity() == 0 ? Double.NaN : clamp(100 * cpu / r.cpuCapacity()),
            r.memoryCapacity() == 0 ? Double.NaN : clamp(100 * memory / r.memoryCapacity())};
        if (complete) {
            cs.cache.put(minute, out);
        }
        return out;
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    /**
     * The service whose tasks are registered in a group no service names as its own — an alternate target group
     * that an ECS blue/green deployment put green tasks in — so its latency follows that service's profile.
     */
    private Svc serviceBehind(Tg tg) {
        for (var target : tg.group.targets()) {
            var task = target.task();
            if (task != null && task.service() != null) {
                return services.get(task.service().cluster().name() + "/" + task.service().name());
            }
        }
        return null;
    }

    List<Svc> servicesOf(String tgArn) {
        return servicesByTg.computeIfAbsent(tgArn, k -> new ArrayList<>());
    }
}
